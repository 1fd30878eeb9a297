import { z } from 'zod';
import type { BigCommerceClient } from '../../bigcommerce/index.js';
import { CustomerGroupCache } from '../../storage/customer-group-cache.js';
import type { Collaborators } from '../../collaborators.js';

// The v2 order does not carry the customer's group: it is read from GET /v3/customers?id:in=…
// (Customers read-only scope), only when an enabled rule uses customer_group, and kept for an
// hour per store and customer, so a burst of orders from one customer costs one call.

export const CUSTOMER_GROUP_TTL_MS = 60 * 60 * 1000;

const customersSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.coerce.number(), customer_group_id: z.coerce.number().nullable().optional().catch(0) })).catch([]),
});

/**
 * The customer's group id as text: "0" for a guest or a customer in no group, null for a customer
 * BigCommerce no longer has. `write: false` (the dry run) reads the cache but never fills it.
 * BigCommerce errors are thrown to the caller (a refusal means the app lacks the scope).
 */
export async function customerGroupOf(s: Pick<Collaborators, 'db' | 'clock'>, client: BigCommerceClient, customerId: number, write = true): Promise<string | null> {
  if (customerId <= 0) return '0';
  const cache = new CustomerGroupCache(s.db);
  const now = s.clock.now();
  const cached = await cache.get(client.storeHash, customerId, now - CUSTOMER_GROUP_TTL_MS);
  if (cached !== undefined) return cached === null ? null : String(cached);
  const body = customersSchema.parse((await client.get('v3', '/customers', { query: { 'id:in': String(customerId) } })) ?? { data: [] });
  const found = body.data.find((c) => c.id === customerId);
  const group = found ? (found.customer_group_id ?? 0) : null;
  if (write) await cache.put(client.storeHash, customerId, group, now);
  return group === null ? null : String(group);
}
