// Carrier names as warehouses commonly spell them → BigCommerce shipping_provider. Shared by the
// server (writing shipments) and the UI (Settings › Carrier mappings shows which carriers need no
// mapping), so both sides always agree on what is automatic. Pure data, no imports.

/** BigCommerce's shipping_provider values (orders v2 spec). "" means a custom provider. */
export const BC_SHIPPING_PROVIDERS = ['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'ups', 'upsready', 'upsonline', 'shipperhq', 'royalmail', ''] as const;
export type BcShippingProvider = (typeof BC_SHIPPING_PROVIDERS)[number];
export const isBcShippingProvider = (value: string): value is BcShippingProvider => (BC_SHIPPING_PROVIDERS as readonly string[]).includes(value);

/** AfterShip courier slugs are lowercase words joined by dashes ("usps", "royal-mail", "dhl-global-mail"). */
export const AFTERSHIP_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Longest tracking carrier a mapping may hold (AfterShip slugs are far shorter). */
export const AFTERSHIP_SLUG_MAX = 64;
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
