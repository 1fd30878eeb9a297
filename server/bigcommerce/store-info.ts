// GET /v2/store: the store profile shown in the app and used to pre-fill onboarding.
// The schema is deliberately lenient: unknown fields pass through, and a known field with an
// unexpected type becomes undefined instead of failing the whole page. Only a body that is not an
// object at all is an error.

import { z } from 'zod';
import { BigCommerceInvalidResponseError } from './errors.js';
import type { BigCommerceClient } from './http-client.js';

/** Optional, and dropped (not fatal) when the platform sends something of another type. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const timezoneSchema = z.looseObject({
  name: lenient(z.string()),
  raw_offset: lenient(z.number()),
  dst_offset: lenient(z.number()),
  dst_correction: lenient(z.boolean()),
});

export const storeInfoSchema = z.looseObject({
  /** The store hash. */
  id: lenient(z.string()),
  name: lenient(z.string()),
  domain: lenient(z.string()),
  secure_url: lenient(z.string()),
  control_panel_base_url: lenient(z.string()),
  plan_name: lenient(z.string()),
  plan_level: lenient(z.string()),
  plan_is_trial: lenient(z.boolean()),
  /** e.g. `live`; anything else may mean the store cannot take orders. */
  status: lenient(z.string()),
  timezone: lenient(timezoneSchema),
  admin_email: lenient(z.string()),
  /** Numeric id; webhook payloads carry the same value as `store_id`. */
  store_id: lenient(z.number()),
  language: lenient(z.string()),
  currency: lenient(z.string()),
});

export type StoreInfo = z.infer<typeof storeInfoSchema>;

export async function getStoreInfo(client: BigCommerceClient): Promise<StoreInfo> {
  const body = await client.get<unknown>('v2', '/store');
  const parsed = storeInfoSchema.safeParse(body);
  if (!parsed.success) {
    throw new BigCommerceInvalidResponseError('BigCommerce GET /v2/store did not return an object', {
      status: 200,
      method: 'GET',
      path: '/v2/store',
      storeHash: client.storeHash,
    });
  }
  return parsed.data;
}
