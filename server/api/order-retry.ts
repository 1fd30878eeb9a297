import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';
import { remedyOf } from '../flows/order-import/remedy.js';
import type { Collaborators } from '../collaborators.js';
import type { OrderRow } from '../storage/orders-repo.js';
import type { ShipmentRow } from '../storage/shipments-repo.js';
import { enqueueJob, JOB } from '../flows/job-catalogue.js';
import type { BulkRetryResponse } from './contract.js';
import { canRetryOrder } from './order-detail.js';
import { NOTHING_TO_RETRY } from '../../shared/order-state-labels.js';

export type RetryDeps = Pick<Collaborators, 'orders' | 'shipments' | 'jobs' | 'syncLog' | 'clock'>;

/** Why Retry cannot help this order, in merchant words. */
export function whyNoRetry(o: OrderRow): string {
  const remedy = remedyOf(o);
  return remedy && !remedy.canRetry ? `Retry cannot fix this: ${remedy.message}` : `Nothing to retry: ${NOTHING_TO_RETRY[o.state]}`;
}

/**
 * Retry (one order from its page, or up to 100 from the list): sends again what failed, the order
 * to the warehouse and any shipment BigCommerce refused. Orders Retry cannot help are skipped with
 * the reason, nothing is queued for them.
 */
export async function retryOrders(s: RetryDeps, storeHash: string, orderIds: readonly number[]): Promise<BulkRetryResponse> {
  const ids = [...new Set(orderIds)];
  const rows = new Map<number, OrderRow>();
  for (const id of ids) {
    const row = await s.orders.get(storeHash, id);
    if (row) rows.set(id, row);
  }
  const failed = new Map<number, ShipmentRow[]>();
  for (const shipment of await s.shipments.failedForOrders(storeHash, [...rows.keys()])) {
    failed.set(shipment.orderId, [...(failed.get(shipment.orderId) ?? []), shipment]);
  }

  const out: BulkRetryResponse = { retried: 0, skipped: [] };
  const retry: number[] = [];
  for (const orderId of ids) {
    const row = rows.get(orderId);
    if (!row) out.skipped.push({ orderId, reason: `Order #${orderId} has not been seen by the app.` });
    else if (!canRetryOrder(row, failed.get(orderId)?.length ?? 0)) out.skipped.push({ orderId, reason: whyNoRetry(row) });
    else retry.push(orderId);
  }
  // "Queued" first, so the page shows it at once and the job that sends the order finds it so;
  // markQueued leaves alone an order already at the warehouse (a refused shipment is retried).
  await s.orders.markQueued(storeHash, retry, s.clock.now());
  for (const orderId of retry) await queueRetry(s, storeHash, orderId, failed.get(orderId) ?? []);
  out.retried = retry.length;
  return out;
}

async function queueRetry(s: RetryDeps, storeHash: string, orderId: number, failedShipments: ShipmentRow[]): Promise<void> {
  // recheck: an order already sent has its status read again, to pass on a missed cancellation.
  await enqueueJob(s.jobs.queue, JOB.orderSync, { storeHash, payload: { orderId, recheck: true } });
  await enqueueShipmentRetries(s, storeHash, failedShipments);
  const n = failedShipments.length;
  const what = n > 0 ? ` ${n === 1 ? 'The failed shipment is' : `${n} failed shipments are`} sent to BigCommerce again.` : '';
  await s.syncLog.append({ storeHash, orderId, flow: 'orders', message: `Retry requested.${what}` }, s.clock.now());
}
