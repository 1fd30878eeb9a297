import { listOrders, parseBcDate } from '../../bigcommerce/index.js';
import type { Services } from '../../services.js';
import { JOB, orderSyncKey } from '../../webhooks/topics.js';
import { toJobError } from '../job-errors.js';

const PAGE_SIZE = 250;
const MAX_PAGES = 40; // 10,000 orders per run; the next run continues from the watermark
/** BigCommerce dates have second resolution and clocks drift: re-check a little behind the mark. */
const OVERLAP_MS = 2 * 60_000;

export interface ReconcilePayload {
  /** Import everything waiting in the import status, ignoring the watermark (first connection). */
  all?: boolean;
}

/**
 * The safety net: lists orders in the import status modified since the stored watermark and
 * enqueues any not yet sent. Heals missed webhooks, deactivated hooks and our own downtime.
 */
export async function reconcileOrders(s: Services, storeHash: string, { all }: ReconcilePayload = {}): Promise<number> {
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) return 0;
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  // First run without "all": start from the install, so history is imported only on request.
  const store = await s.stores.get(storeHash);
  const since = all ? undefined : (settings.reconcileWatermark ?? store?.installedAt ?? now) - OVERLAP_MS;

  let enqueued = 0;
  let watermark = settings.reconcileWatermark ?? store?.installedAt ?? now;
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const orders = await listOrders(client, {
        statusId: settings.importStatusId,
        ...(since !== undefined ? { minDateModified: new Date(Math.max(0, since)) } : {}),
        page,
        limit: PAGE_SIZE,
      });
      const sent = await s.orders.sentIds(storeHash, orders.map((o) => o.id));
      for (const o of orders) {
        const modified = parseBcDate(o.date_modified);
        if (modified !== null && modified > watermark) watermark = modified;
        if (sent.has(o.id)) continue;
        const res = await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSync, payload: { orderId: o.id }, dedupeKey: orderSyncKey(storeHash, o.id) });
        if (!res.deduped) enqueued++;
      }
      if (orders.length < PAGE_SIZE) break;
    }
  } catch (err) {
    throw toJobError(err);
  }
  await s.settings.saveWatermark(storeHash, Math.min(watermark, now), s.clock.now());
  if (enqueued > 0) {
    await s.syncLog.append(
      { storeHash, flow: 'reconcile', message: all ? `Queued ${enqueued} waiting order(s) for import.` : `Reconciliation found ${enqueued} order(s) not yet sent (missed webhooks?) and queued them.` },
      s.clock.now(),
    );
    s.jobs.wake();
  }
  return enqueued;
}
