// Carrier names as warehouses commonly spell them → BigCommerce shipping_provider. Shared by the
// server (writing shipments) and the UI (Settings › Carrier mappings shows which carriers need no
// mapping), so both sides always agree on what is automatic. Pure data, no imports.
const KNOWN: Readonly<Record<string, string>> = {
  ups: 'ups',
  fedex: 'fedex',
  'fed ex': 'fedex',
  usps: 'usps',
  'us postal service': 'usps',
  'royal mail': 'royalmail',
  royalmail: 'royalmail',
  'australia post': 'auspost',
  auspost: 'auspost',
  'canada post': 'canadapost',
  canadapost: 'canadapost',
};

/** The BigCommerce provider a carrier gets without a mapping, or null. */
export function knownProvider(carrier: string | null | undefined): string | null {
  const key = (carrier ?? '').trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(KNOWN, key) ? (KNOWN[key] ?? null) : null;
}
