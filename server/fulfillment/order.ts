// The body of POST /v1/orders: one BigCommerce order as the fulfillment backend receives it
// (docs/fulfillment-api.openapi.yaml, schema FulfillmentOrderInput). The zod schema is the single
// source of truth: the sandbox warehouse validates with it and the OpenAPI document mirrors it.
//
// Design rules, because a retry must be the same request (see the Idempotency-Key rules in
// docs/fulfillment-backend.md). The import freezes the body on the order just before the first
// POST and resends that stored body on every retry (flows/order-import/send-order.ts), so a
// mapping or order edited between attempts cannot change it; the rules below keep it stable anyway:
// - nothing in the body describes the *attempt* (no "sent at" timestamp, no attempt number), so a
//   body built again from the same order is equal;
// - optional values are present as `null` rather than omitted, so "empty" has one spelling;
// - money is a decimal string (BigCommerce sends "12.5000"), never a float.

import { z } from 'zod';

/** `bigcommerce:{store_hash}:{order_id}`: the Idempotency-Key of an order's create request. */
export function fulfillmentIdempotencyKey(storeHash: string, orderId: number): string {
  if (!/^[a-z0-9]+$/i.test(storeHash)) throw new TypeError('store hash must be alphanumeric');
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new TypeError('order id must be a positive integer');
  return `bigcommerce:${storeHash}:${orderId}`;
}

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullable();
/** "12.5", "12.5000", "-3.00": BigCommerce's decimal strings, kept exact. */
const decimal = z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'must be a decimal string such as "12.50"');
/** ISO 8601 with an explicit offset ("2024-05-01T10:00:00Z" or "+02:00"). */
const timestamp = z.iso.datetime({ offset: true });

/** Which BigCommerce order this is. Also echoed back in events, so the app can find the order. */
export const externalRefSchema = z.object({
  source: z.literal('bigcommerce'),
  store_hash: z
    .string()
    .regex(/^[a-z0-9]+$/i, 'must be a BigCommerce store hash')
    .max(64),
  /** BigCommerce order id. */
  order_id: z.number().int().positive(),
});
export type ExternalRef = z.infer<typeof externalRefSchema>;

export const addressSchema = z.object({
  first_name: text(255),
  last_name: text(255),
  company: optionalText(255),
  street_1: text(255).min(1, 'street_1 is required'),
  street_2: optionalText(255),
  city: text(100).min(1, 'city is required'),
  /** State / province / region name as entered (BigCommerce does not always have a code). */
  state: optionalText(100),
  /** Postal code; null for countries without one. */
  zip: optionalText(32),
  country_iso2: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "US"'),
  phone: optionalText(50),
  email: optionalText(255),
});
export type FulfillmentAddress = z.infer<typeof addressSchema>;

export const orderLineSchema = z.object({
  /** The backend's SKU: BigCommerce's SKU after the store's SKU mapping. */
  sku: text(255).min(1, 'sku is required'),
  quantity: z.number().int().positive(),
  /** Product name as ordered (with variant options), for packing slips. */
  name: text(500),
  /** BigCommerce order product id; shipment events may name it to ship exactly this line. */
  order_line_id: z.number().int().positive(),
  /** Price per unit in `currency_code`, tax as the store shows it (BigCommerce price_inc_tax/ex_tax). */
  unit_price: decimal,
});
export type FulfillmentOrderLine = z.infer<typeof orderLineSchema>;

/** One BigCommerce consignment (shipping address): one parcel destination with its own method. */
export const shipmentRequestSchema = z.object({
  /** BigCommerce order shipping-address id (order_address_id of the lines). */
  consignment_id: z.number().int().nonnegative(),
  ship_to: addressSchema,
  /** The backend's shipping method code: BigCommerce's method after the store's mapping. */
  shipping_method: text(100).min(1, 'shipping_method is required'),
  lines: z.array(orderLineSchema).min(1).max(1000),
});
export type FulfillmentShipmentRequest = z.infer<typeof shipmentRequestSchema>;

export const fulfillmentOrderInputSchema = z.object({
  external_ref: externalRefSchema,
  customer: z.object({
    name: text(255),
    email: optionalText(255),
    phone: optionalText(50),
  }),
  /** ISO 4217 code of every unit_price, e.g. "USD". */
  currency_code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"'),
  shipments: z.array(shipmentRequestSchema).min(1).max(50),
  /** What the shopper typed at checkout ("leave at the back door"); null when empty. */
  customer_message: optionalText(5000),
  /**
   * When the shopper placed the order (BigCommerce date_created). The only date on purpose:
   * date_modified changes when the app itself updates the order's status, so a job re-run after
   * that would send a "different" body and be refused (422) instead of answered as a repeat.
   */
  ordered_at: timestamp,
});

export type FulfillmentOrderInput = z.infer<typeof fulfillmentOrderInputSchema>;
