// Shapes of the fulfillment backend's answers. Lenient where leniency is harmless (unknown fields
// pass, numeric ids become strings) and strict where the app relies on a value (an order id).

import { z } from 'zod';

/** Some backends use numeric ids; the app stores every backend id as a string. */
const backendId = z.union([z.string().min(1).max(255), z.number().int().nonnegative()]).transform(String);

/** GET /v1/account. */
export const accountResponseSchema = z.looseObject({
  id: backendId,
  name: z.string().max(500),
});
export type FulfillmentAccount = { id: string; name: string };

/** POST /v1/orders (201 new, 200 repeat). `status` is free text: backends have their own words. */
export const orderResponseSchema = z.looseObject({
  id: backendId,
  status: z.string().min(1).max(100),
});

/** POST /v1/orders/{id}/cancel. */
export const cancelResponseSchema = z.looseObject({
  status: z.string().min(1).max(100),
});

/**
 * GET /v1/products?sku=…: the asked SKUs the warehouse knows (the others are left out). `name` is
 * optional: some backends know a SKU without a product name.
 */
export const skuLookupResponseSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      sku: z.string().min(1).max(255),
      name: z.string().max(500).nullable().optional(),
    }),
  ),
});
export type KnownSku = { sku: string; name: string | null };

/** `{error:{code,message}}` on every 4xx/5xx. Parsed leniently: a broken error body is still an error. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().max(100).optional().catch(undefined),
    message: z.string().optional().catch(undefined),
  }),
});
