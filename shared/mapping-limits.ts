// Mapping inputs are held to what the fulfillment backend contract accepts (server/fulfillment/
// order.ts, docs/fulfillment-api.openapi.yaml) and to BigCommerce's own lengths, so a code saved is a
// code the backend takes, not an order held later. Plain numbers so the request schemas (and the
// browser's forms) can use them; test/api/mapping-limits.test.ts holds them to the backend
// contract's schema, so the two cannot drift. Pure, no imports.

/** A backend shipping method code: ShipmentRequest.shipping_method (100 characters). */
export const BACKEND_CODE_MAX = 100;
/** A backend SKU: OrderLine.sku (255 characters). */
export const BACKEND_SKU_MAX = 255;
/** A BigCommerce SKU (catalog: 255 characters) and a BigCommerce shipping method name (stored as 255). */
export const BC_SKU_MAX = 255;
export const METHOD_MAX = 255;
