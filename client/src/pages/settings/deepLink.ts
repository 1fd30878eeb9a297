// Settings deep links: "/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings" opens that
// method's mapping, "/settings/mappings?mapSku=LAMP-RED#sku-mappings" the SKU mapping form,
// "/settings/connection#backend" the warehouse connection. Remedies on held orders link here; the
// older "/settings?…#…" forms still work (sections.ts sends them to their section). Pure.

/** The ids on the Settings panels' containers (the URL fragment). */
export const SETTINGS_SECTIONS = {
  backend: 'backend',
  shippingMappings: 'shipping-mappings',
  skuMappings: 'sku-mappings',
  rules: 'rules',
} as const;

export const MAP_METHOD_PARAM = 'mapMethod';
export const MAP_SKU_PARAM = 'mapSku';
const MAX_LENGTH = 255;

export interface SettingsDeepLink {
  /** A shipping method to map ('' is the "(no method)" row); null when none is asked for. */
  mapMethod: string | null;
  mapSku: string | null;
}

const cleanValue = (value: string | null): string | null => (value === null ? null : value.slice(0, MAX_LENGTH));

/**
 * Reads the deep-link parameters. Also accepts the older `?tab=shipping&method=…` and
 * `?tab=sku&sku=…` forms, so a link built either way opens the right thing.
 */
export function parseSettingsDeepLink(search: string): SettingsDeepLink {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const method = params.get(MAP_METHOD_PARAM) ?? (tab === 'shipping' ? params.get('method') : null);
  const sku = params.get(MAP_SKU_PARAM) ?? (tab === 'sku' ? params.get('sku') : null);
  const trimmedSku = sku === null ? null : sku.trim();
  return { mapMethod: cleanValue(method === null ? null : method.trim()), mapSku: trimmedSku ? cleanValue(trimmedSku) : null };
}

/** The query string without the deep-link parameters (once handled, a reload must not reopen them). */
export function withoutDeepLink(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [MAP_METHOD_PARAM, MAP_SKU_PARAM, 'method', 'sku', 'tab']) params.delete(key);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** "/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings" */
export function mapMethodHref(method: string): string {
  return `/settings/shipping?${MAP_METHOD_PARAM}=${encodeURIComponent(method)}#${SETTINGS_SECTIONS.shippingMappings}`;
}

/** "/settings/mappings?mapSku=LAMP-RED#sku-mappings" */
export function mapSkuHref(sku: string): string {
  return `/settings/mappings?${MAP_SKU_PARAM}=${encodeURIComponent(sku)}#${SETTINGS_SECTIONS.skuMappings}`;
}

export const backendSettingsHref = (): string => `/settings/connection#${SETTINGS_SECTIONS.backend}`;

/** The panel id a fragment names ("#shipping-mappings" → "shipping-mappings"), or null. */
export function sectionFromHash(hash: string): string | null {
  let id = hash.replace(/^#/, '').trim();
  try {
    id = decodeURIComponent(id);
  } catch {
    return null;
  }
  return (Object.values(SETTINGS_SECTIONS) as string[]).includes(id) ? id : null;
}
