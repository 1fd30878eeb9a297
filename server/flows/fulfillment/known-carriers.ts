// Carrier names as warehouses commonly spell them → BigCommerce shipping_provider. Pure data with
// no imports: the UI imports this file too, so both sides always agree on what is automatic.
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
