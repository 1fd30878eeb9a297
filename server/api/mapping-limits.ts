// Mapping inputs are held to what the fulfillment backend contract accepts (server/fulfillment/
// order.ts, docs/fulfillment-api.openapi.yaml), read from the contract's own schema so the two
// cannot drift: a code saved here is a code the backend takes, not an order held later.
import { orderLineSchema, shipmentRequestSchema } from '../fulfillment/index.js';

/** A backend shipping method code: ShipmentRequest.shipping_method (100 characters). */
export const BACKEND_CODE_MAX = shipmentRequestSchema.shape.shipping_method.maxLength ?? 100;
/** A backend SKU: OrderLine.sku (255 characters). */
export const BACKEND_SKU_MAX = orderLineSchema.shape.sku.maxLength ?? 255;
/** A BigCommerce SKU (catalog: 255 characters) and a BigCommerce shipping method name (stored as 255). */
export const BC_SKU_MAX = 255;
export const METHOD_MAX = 255;
