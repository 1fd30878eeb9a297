import type { Collaborators } from '../../collaborators.js';
import { enqueueJob, JOB } from '../job-catalogue.js';

/** Queues a sync of each order (merged into one already pending); the queue wakes the worker. */
export async function requeueOrderSyncs(s: Pick<Collaborators, 'jobs'>, storeHash: string, orderIds: readonly number[]): Promise<number> {
  for (const orderId of orderIds) await enqueueJob(s.jobs.queue, JOB.orderSync, { storeHash, payload: { orderId } });
  return orderIds.length;
}

/**
 * Sent orders whose BigCommerce cancellation never reached the warehouse (kept pending while it
 * was not connected or Cancellations was off, or failed with one of `alerts`) are synced again:
 * the sync re-reads each one and cancels it at the warehouse if it is still cancelled.
 */
export async function requeueUnsentCancellations(s: Pick<Collaborators, 'orders' | 'jobs'>, storeHash: string, alerts: string[] = []): Promise<number> {
  return requeueOrderSyncs(s, storeHash, await s.orders.unsentCancellations(storeHash, alerts));
}
