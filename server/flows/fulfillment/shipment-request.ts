// The fields of POST /v2/orders/{id}/shipments (orderShipment_Post in orders.v2.oas2.yml) built
// from a warehouse shipment, kept inside BigCommerce's documented limits so BigCommerce never has a
// reason to refuse them: tracking_number ≤ 50 characters, tracking_link ≤ 500, comments ≤ 65,535,
// shipping_provider one of the enum values or carrier_{id}, tracking_carrier "" or an AfterShip slug.
// shipping_method has no documented limit. The warehouse may send longer values (its own contract
// allows more), so anything that does not fit is left out and said so in `warnings`, never cut:
// a truncated tracking number is a wrong tracking number.
import { AFTERSHIP_SLUG, BC_SHIPPING_PROVIDERS } from '../../../shared/known-carriers.js';
import { carrierFields, type CarrierMappingFields } from './carriers.js';

export const BC_SHIPMENT_LIMITS = { trackingNumber: 50, trackingLink: 500, comments: 65_535 } as const;

const CUSTOM_PROVIDER = /^carrier_\w+$/;

export interface ShipmentRequestFields {
  tracking_number: string;
  shipping_method: string;
  shipping_provider: string;
  tracking_carrier?: string;
  tracking_link?: string;
  comments?: string;
}

export interface ShipmentRequestSource {
  trackingNumber: string | null;
  carrier: string | null;
  service: string | null;
  trackingUrl: string | null;
}

export interface BuiltShipmentRequest {
  fields: ShipmentRequestFields;
  /** What was left out and why, for the merchant (shown with the shipment and in the timeline). */
  warnings: string[];
}

export const trackingNumberComment = (trackingNumber: string) => `Tracking number: ${trackingNumber}`;

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * Everything but order_address_id and items. A tracking number over 50 characters is not sent as
 * tracking_number (the goods did ship, so the shipment is still created) but written in full into
 * `comments`, and a warning says the customer gets no carrier link from BigCommerce for it.
 */
export function shipmentRequestFields(src: ShipmentRequestSource, mapping: CarrierMappingFields | undefined): BuiltShipmentRequest {
  const warnings: string[] = [];
  let link: string | null = null;
  if (src.trackingUrl && isHttpUrl(src.trackingUrl)) {
    if (src.trackingUrl.length <= BC_SHIPMENT_LIMITS.trackingLink) link = src.trackingUrl;
    else warnings.push(`The tracking link is ${src.trackingUrl.length} characters long; BigCommerce accepts at most ${BC_SHIPMENT_LIMITS.trackingLink}, so it was not sent.`);
  }

  const carrier = carrierFields(src.carrier, mapping, link);
  const fields: ShipmentRequestFields = { tracking_number: '', shipping_method: src.service ?? '', shipping_provider: carrier.shipping_provider };
  if (!(BC_SHIPPING_PROVIDERS as readonly string[]).includes(fields.shipping_provider) && !CUSTOM_PROVIDER.test(fields.shipping_provider)) {
    warnings.push(`"${fields.shipping_provider}" is not a BigCommerce shipping provider; the shipment was sent without one.`);
    fields.shipping_provider = '';
  }
  if (carrier.tracking_carrier !== undefined) {
    if (AFTERSHIP_SLUG.test(carrier.tracking_carrier)) fields.tracking_carrier = carrier.tracking_carrier;
    else
      warnings.push(`The tracking carrier "${carrier.tracking_carrier}" is not an AfterShip courier slug (such as "royal-mail"); it was not sent. Fix it under carrier mappings.`);
  }
  if (carrier.tracking_link !== undefined) fields.tracking_link = carrier.tracking_link;

  const number = src.trackingNumber ?? '';
  if (number.length <= BC_SHIPMENT_LIMITS.trackingNumber) {
    fields.tracking_number = number;
  } else {
    const comment = trackingNumberComment(number);
    if (comment.length <= BC_SHIPMENT_LIMITS.comments) fields.comments = comment;
    // Without a number BigCommerce cannot build a carrier link, so the warehouse's link is the only one.
    if (link && fields.tracking_link === undefined) fields.tracking_link = link;
    warnings.push(
      `Tracking number ${number} is ${number.length} characters long; BigCommerce accepts at most ${BC_SHIPMENT_LIMITS.trackingNumber}. ` +
        `The shipment was created without it${fields.comments ? ' and the full number is in the shipment’s comments' : ''}` +
        `${fields.tracking_link ? '' : '; BigCommerce shows your customer no tracking link for it'}.`,
    );
  }
  return { fields, warnings };
}
