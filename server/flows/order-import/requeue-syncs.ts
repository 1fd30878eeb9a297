import type { Services } from '../../services.js';
import { JOB, orderSyncKey } from '../../webhooks/topics.js';

/** Queues a sync of each order (merged into one already pending) and wakes the worker. */
export async function requeueOrderSyncs(s: Pick<Services, 'jobs'>, storeHash: string, orderIds: readonly number[]): Promise<number> {
  for (const orderId of orderIds) {
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSync, payload: { orderId }, dedupeKey: orderSyncKey(storeHash, orderId) });
  }
  if (orderIds.length > 0) s.jobs.wake();
  return orderIds.length;
}

/**
 * Sent orders whose BigCommerce cancellation never reached the warehouse (kept pending while it
 * was not connected or Cancellations was off, or failed with one of `alerts`) are synced again:
 * the sync re-reads each one and cancels it at the warehouse if it is still cancelled.
 */
export async function requeueUnsentCancellations(s: Pick<Services, 'orders' | 'jobs'>, storeHash: string, alerts: string[] = []): Promise<number> {
  return requeueOrderSyncs(s, storeHash, await s.orders.unsentCancellations(storeHash, alerts));
}
