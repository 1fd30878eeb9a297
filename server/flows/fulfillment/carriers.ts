/** BigCommerce's shipping_provider values (orders v2 spec). "" means a custom provider. */
export const BC_SHIPPING_PROVIDERS = ['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'ups', 'upsready', 'upsonline', 'shipperhq', 'royalmail', ''] as const;

// Carrier names as warehouses commonly spell them → BigCommerce provider. Anything else uses the
// store's carrier mapping, or falls back to a plain tracking link.
const BUILT_IN: Record<string, string> = {
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

export interface CarrierFields {
  shipping_provider: string;
  tracking_carrier?: string;
  tracking_link?: string;
}

/** How a backend carrier appears on the BigCommerce shipment. */
export function carrierFields(
  carrier: string | null,
  mapping: { shippingProvider: string | null; trackingCarrier: string | null } | undefined,
  trackingUrl: string | null,
): CarrierFields {
  const link = trackingUrl && /^https?:\/\//i.test(trackingUrl) ? { tracking_link: trackingUrl } : {};
  if (mapping) {
    return {
      shipping_provider: mapping.shippingProvider ?? '',
      ...(mapping.trackingCarrier ? { tracking_carrier: mapping.trackingCarrier } : {}),
      ...(mapping.shippingProvider ? {} : link),
    };
  }
  const builtIn = carrier ? BUILT_IN[carrier.trim().toLowerCase()] : undefined;
  if (builtIn) return { shipping_provider: builtIn };
  return { shipping_provider: '', ...link };
}
