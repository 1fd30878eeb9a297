import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';
import type { Services } from '../services.js';
import { JOB, orderSyncKey } from '../webhooks/topics.js';

/**
 * Orders held in "needs attention" are re-checked after the merchant changed something that may
 * fix them (a mapping, the backend connection): they are sent by themselves once it is fixed, and
 * their failed shipments are written to BigCommerce again (a SKU or carrier mapping may fix those).
 */
export async function requeueHeldOrders(s: Pick<Services, 'orders' | 'shipments' | 'jobs'>, storeHash: string): Promise<number> {
  const ids = await s.orders.needingAttention(storeHash);
  for (const orderId of ids) {
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSync, payload: { orderId }, dedupeKey: orderSyncKey(storeHash, orderId) });
  }
  await enqueueShipmentRetries(s, storeHash, await s.shipments.failedForOrders(storeHash, ids));
  if (ids.length > 0) s.jobs.wake();
  return ids.length;
}

/**
 * Sent orders whose BigCommerce cancellation never reached the warehouse (kept pending while it
 * was not connected or Cancellations was off, or failed with one of `alerts`) are synced again:
 * the sync re-reads each one and cancels it at the warehouse if it is still cancelled.
 */
export async function requeueUnsentCancellations(s: Pick<Services, 'orders' | 'jobs'>, storeHash: string, alerts: string[] = []): Promise<number> {
  const ids = await s.orders.unsentCancellations(storeHash, alerts);
  for (const orderId of ids) {
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSync, payload: { orderId }, dedupeKey: orderSyncKey(storeHash, orderId) });
  }
  if (ids.length > 0) s.jobs.wake();
  return ids.length;
}
