// The two BigCommerce reads of a backfill: how many orders wait in the range (one call, at the
// start), and one page of them at a time. Pages are asked for by id (min_id = the cursor + 1,
// sorted by id) rather than by page number: an order that leaves the import status while the
// backfill runs (sent, then moved on by "status after acceptance") would otherwise shift every
// later page by one and an order would be skipped.
import { z } from 'zod';
import type { BigCommerceClient, QueryParams } from '../../bigcommerce/index.js';

/** The practical maximum for v2 lists (the orders spec states none). */
export const BACKFILL_PAGE_SIZE = 250;

export interface CreatedRange {
  statusId: number;
  /** ms, inclusive; null: no bound. */
  from: number | null;
  to: number | null;
}

function rangeQuery(r: CreatedRange): QueryParams {
  return {
    status_id: r.statusId,
    ...(r.from !== null ? { min_date_created: new Date(r.from).toISOString() } : {}),
    ...(r.to !== null ? { max_date_created: new Date(r.to).toISOString() } : {}),
  };
}

const countSchema = z.looseObject({ count: z.coerce.number().int().nonnegative() });

/** GET /v2/orders/count: orders in the status and range (null when BigCommerce does not say). */
export async function countCreated(client: BigCommerceClient, r: CreatedRange): Promise<number | null> {
  const body = await client.get('v2', '/orders/count', { query: rangeQuery(r) });
  const parsed = countSchema.safeParse(body);
  return parsed.success ? parsed.data.count : null;
}

const pageSchema = z.array(z.looseObject({ id: z.number().int().positive() }));

/** The next page of order ids after `afterId` (ascending); fewer than a page means the end. */
export async function listCreatedPage(client: BigCommerceClient, r: CreatedRange, afterId: number | null): Promise<number[]> {
  const body = await client.get('v2', '/orders', {
    query: { ...rangeQuery(r), ...(afterId !== null ? { min_id: afterId + 1 } : {}), sort: 'id:asc', limit: BACKFILL_PAGE_SIZE, page: 1 },
  });
  // v2 answers 204 (null) when nothing matches.
  return body == null ? [] : pageSchema.parse(body).map((o) => o.id);
}
