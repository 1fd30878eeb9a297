import { knownProvider } from '../../../shared/known-carriers.js';

export interface CarrierFields {
  shipping_provider: string;
  tracking_carrier?: string;
  tracking_link?: string;
}

/** The merchant's carrier mapping (Settings → carrier mappings), if any. */
export interface CarrierMappingFields {
  shippingProvider: string | null;
  trackingCarrier: string | null;
}

/**
 * How a backend carrier appears on the BigCommerce shipment. `trackingUrl` must already be one
 * BigCommerce accepts (see shipment-request.ts, which also checks what the mapping gives).
 */
export function carrierFields(carrier: string | null, mapping: CarrierMappingFields | undefined, trackingUrl: string | null): CarrierFields {
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
