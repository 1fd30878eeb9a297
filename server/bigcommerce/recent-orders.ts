// The shipping methods of a store's recent orders, for the readiness scan: one GET /v2/orders
// with include=consignments&consignment_structure=object (orders.v2.oas2.yml), newest first.
// Every status counts (a shipped order's method is one the next order may use too).
import { z } from 'zod';
import type { BigCommerceClient } from './http-client.js';

const orderSchema = z.looseObject({
  id: z.number().int(),
  consignments: z
    .looseObject({
      shipping: z
        .array(z.looseObject({ shipping_method: z.string().nullable().optional().catch(null) }))
        .optional()
        .catch([]),
    })
    .optional()
    .catch(undefined),
});

export interface RecentOrder {
  id: number;
  /** Each shipping consignment's method as BigCommerce names it ('' for none). */
  methods: string[];
}

/** Up to `limit` (≤ 250) orders created since `sinceMs`, newest first. */
export async function listRecentOrders(client: BigCommerceClient, sinceMs: number, limit: number): Promise<RecentOrder[]> {
  const body = await client.get('v2', '/orders', {
    query: {
      min_date_created: new Date(sinceMs).toISOString(),
      sort: 'date_created:desc',
      limit,
      page: 1,
      include: 'consignments',
      consignment_structure: 'object',
    },
  });
  // v2 answers 204 (null) when nothing matches.
  if (body == null) return [];
  return z
    .array(orderSchema)
    .parse(body)
    .map((o) => ({ id: o.id, methods: (o.consignments?.shipping ?? []).map((c) => c.shipping_method ?? '') }));
}
