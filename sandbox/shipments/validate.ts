// Shape checks of shipment bodies (orderShipment_Post / orderShipment_Put in orders.v2.oas2.yml).
// Problems are v2 400s whose message names the field, in BigCommerce's v2 wording ("The field 'x'
// is invalid.", "The required field 'x' was not supplied."). Read-only fields are refused the way
// the API refuses them (bigcommerce/api-specs#229): items[].product_id on POST and items on PUT
// answer "The field '…' cannot be written to. Please remove it from your request before trying again."
// Checks against the order itself (address, lines, quantities) are in shipments/book.ts.
import { SandboxError } from '../util.js';
import type { ShipmentInput, ShipmentPatch } from './types.js';

/** shipping_provider_standard enum; "" is allowed and custom providers are carrier_{id}. */
export const SHIPPING_PROVIDERS = ['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'ups', 'upsready', 'upsonline', 'shipperhq', 'royalmail'] as const;

export class ShipmentError extends SandboxError {
  constructor(message: string) {
    super(400, message);
    this.name = 'ShipmentError';
  }
}

const invalid = (field: string, why?: string): ShipmentError => new ShipmentError(`The field '${field}' is invalid.${why ? ` ${why}` : ''}`);
const missing = (field: string): ShipmentError => new ShipmentError(`The required field '${field}' was not supplied.`);
const readOnly = (field: string): ShipmentError => new ShipmentError(`The field '${field}' cannot be written to. Please remove it from your request before trying again.`);

/** String limits of the spec (tracking_number 50, tracking_link 500, comments 65535) and value sets. */
// shipping_method is free text without a documented limit.
export function checkShipmentFields(input: ShipmentPatch): void {
  const limits: Array<[keyof ShipmentPatch, string, number]> = [
    ['trackingNumber', 'tracking_number', 50],
    ['trackingLink', 'tracking_link', 500],
    ['comments', 'comments', 65_535],
  ];
  for (const [key, field, max] of limits) {
    const v = input[key];
    if (v !== undefined && (typeof v !== 'string' || v.length > max)) throw invalid(field, `It must be a string of at most ${max} characters.`);
  }
  const provider = input.shippingProvider;
  if (provider !== undefined && !(provider === '' || (SHIPPING_PROVIDERS as readonly string[]).includes(provider) || /^carrier_\w+$/.test(provider))) {
    throw invalid('shipping_provider', `Use "", one of ${SHIPPING_PROVIDERS.join(', ')}, or carrier_{id}.`);
  }
  const carrier = input.trackingCarrier;
  // AfterShip slugs are lowercase words joined by dashes (e.g. "usps", "royal-mail").
  if (carrier !== undefined && (typeof carrier !== 'string' || !/^[a-z0-9-]{0,64}$/.test(carrier))) throw invalid('tracking_carrier', 'Use "" or an AfterShip courier slug.');
  const cost = input.merchantShippingCost;
  if (cost !== undefined && (typeof cost !== 'string' || !/^\d+(\.\d+)?$/.test(cost))) throw invalid('merchant_shipping_cost');
}

/** order_address_id is an integer in the schema; the docs' examples send it as a string ("128"). */
function addressId(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0) return Number(v);
  throw invalid('order_address_id');
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ShipmentError('The request body is invalid.');
  return body as Record<string, unknown>;
}

function patchFields(b: Record<string, unknown>): ShipmentPatch {
  const patch: ShipmentPatch = {};
  const pairs: Array<[string, keyof ShipmentPatch]> = [
    ['tracking_number', 'trackingNumber'],
    ['shipping_method', 'shippingMethod'],
    ['shipping_provider', 'shippingProvider'],
    ['tracking_carrier', 'trackingCarrier'],
    ['tracking_link', 'trackingLink'],
    ['comments', 'comments'],
    ['merchant_shipping_cost', 'merchantShippingCost'],
  ];
  for (const [field, key] of pairs) {
    const v = b[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw invalid(field);
    (patch as Record<string, string>)[key] = v;
  }
  if (b.order_address_id !== undefined) patch.orderAddressId = addressId(b.order_address_id);
  checkShipmentFields(patch);
  return patch;
}

export function parseShipmentPost(body: unknown): ShipmentInput {
  const b = objectBody(body);
  if (b.order_address_id === undefined || b.order_address_id === null || b.order_address_id === '') throw missing('order_address_id');
  const input: ShipmentInput = patchFields(b);
  if (b.items === undefined || b.items === null) throw missing('items');
  if (!Array.isArray(b.items)) throw invalid('items');
  input.items = b.items.map((raw: unknown, i) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`items[${i}]`);
    const it = raw as Record<string, unknown>;
    if (it.product_id !== undefined) throw readOnly('product_id');
    if (it.order_product_id === undefined) throw missing(`items[${i}].order_product_id`);
    if (it.quantity === undefined) throw missing(`items[${i}].quantity`);
    if (typeof it.order_product_id !== 'number' || !Number.isInteger(it.order_product_id)) throw invalid(`items[${i}].order_product_id`);
    if (typeof it.quantity !== 'number' || !Number.isInteger(it.quantity) || it.quantity < 1) {
      throw invalid(`items[${i}].quantity`, 'It must be a positive integer.');
    }
    return { orderProductId: it.order_product_id, quantity: it.quantity };
  });
  return input;
}

export function parseShipmentPut(body: unknown): ShipmentPatch {
  const b = objectBody(body);
  if (b.items !== undefined) throw readOnly('items');
  return patchFields(b);
}
