// A shipment as the orderShipment object of orders.v2.oas2.yml, in the key order of the spec's
// examples. Tracking links follow the POST description's three methods: shipping_provider +
// tracking_number or tracking_carrier + tracking_number give a generated_tracking_link (the
// provider's page, or AfterShip's); a custom tracking_link is echoed in tracking_link and then
// "generated_tracking_link ... will be empty".
import { money } from '../orders/money.js';
import { renderAddress, rfc2822 } from '../orders/render.js';
import type { OrderRecord } from '../orders/types.js';
import type { ShipmentRecord } from './types.js';

const PROVIDER_NAMES: Record<string, string> = {
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  endicia: 'Endicia',
  usps: 'USPS',
  fedex: 'FedEx',
  ups: 'UPS',
  upsready: 'UPS Ready',
  upsonline: 'UPS Online',
  shipperhq: 'ShipperHQ',
  royalmail: 'Royal Mail',
};

/** Tracking pages of integrated providers; the USPS one is the spec example's. */
const PROVIDER_LINKS: Record<string, (n: string) => string> = {
  usps: (n) => `https://trkcnfrm1.smi.usps.com/PTSInternetWeb/InterLabelInquiry.do?strOrigTrackNum=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  upsready: (n) => `https://www.ups.com/track?tracknum=${n}`,
  upsonline: (n) => `https://www.ups.com/track?tracknum=${n}`,
  auspost: (n) => `https://auspost.com.au/mypost/track/#/details/${n}`,
  canadapost: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
  royalmail: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
};

export function generatedTrackingLink(s: ShipmentRecord): string {
  if (s.trackingLink || !s.trackingNumber) return '';
  const n = encodeURIComponent(s.trackingNumber);
  const provider = PROVIDER_LINKS[s.shippingProvider];
  if (provider) return provider(n);
  // Providers without a native page (and tracking_carrier) get an AfterShip link.
  const slug = s.trackingCarrier || s.shippingProvider;
  return slug ? `https://track.aftership.com/${encodeURIComponent(slug)}/${n}` : '';
}

export function renderShipment(order: OrderRecord, s: ShipmentRecord): Record<string, unknown> {
  const consignment = order.consignments.find((c) => c.id === s.orderAddressId);
  return {
    id: s.id,
    order_id: s.orderId,
    customer_id: order.customerId,
    order_address_id: s.orderAddressId,
    date_created: rfc2822(s.createdAt),
    tracking_number: s.trackingNumber,
    merchant_shipping_cost: money(s.merchantShippingCost),
    shipping_method: s.shippingMethod,
    comments: s.comments,
    shipping_provider: s.shippingProvider,
    tracking_carrier: s.trackingCarrier,
    tracking_link: s.trackingLink,
    billing_address: renderAddress(order.billing),
    shipping_address: renderAddress(consignment?.address ?? order.billing),
    items: s.items.map((i) => ({ order_product_id: i.orderProductId, product_id: i.productId, quantity: i.quantity })),
    shipping_provider_display_name: PROVIDER_NAMES[s.shippingProvider] ?? s.shippingProvider,
    generated_tracking_link: generatedTrackingLink(s),
  };
}
