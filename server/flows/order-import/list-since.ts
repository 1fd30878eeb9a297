import { listOrders, parseBcDate, type BcOrderListItem, type BigCommerceClient } from '../../bigcommerce/index.js';
import { toJobError } from '../job-errors.js';

const PAGE_SIZE = 250; // the practical maximum for v2 lists (the orders spec states none)
const MAX_PAGES = 40; // 10,000 orders per run; the next run continues from the watermark

/** How far one listing got: the newest date_modified it saw, and whether it reached the end. */
export interface Listed {
  newest: number | null;
  complete: boolean;
}

/**
 * Pages through GET /v2/orders for one status (v2 filters by a single status_id per request),
 * oldest modification first, handing each page to `onPage`.
 */
export async function listStatusSince(
  client: BigCommerceClient,
  statusId: number,
  since: number | undefined,
  onPage: (orders: BcOrderListItem[]) => Promise<void>,
): Promise<Listed> {
  let newest: number | null = null;
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const orders = await listOrders(client, {
        statusId,
        ...(since !== undefined ? { minDateModified: new Date(Math.max(0, since)) } : {}),
        page,
        limit: PAGE_SIZE,
      });
      for (const o of orders) {
        const modified = parseBcDate(o.date_modified);
        if (modified !== null && (newest === null || modified > newest)) newest = modified;
      }
      await onPage(orders);
      if (orders.length < PAGE_SIZE) return { newest, complete: true };
    }
  } catch (err) {
    throw toJobError(err);
  }
  return { newest, complete: false };
}
