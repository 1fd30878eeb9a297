import { knownProvider } from './known-carriers.js';

/** BigCommerce's shipping_provider values (orders v2 spec). "" means a custom provider. */
export const BC_SHIPPING_PROVIDERS = ['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'ups', 'upsready', 'upsonline', 'shipperhq', 'royalmail', ''] as const;

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
  const builtIn = knownProvider(carrier);
  if (builtIn) return { shipping_provider: builtIn };
  return { shipping_provider: '', ...link };
}
