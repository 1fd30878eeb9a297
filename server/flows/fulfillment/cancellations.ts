import { FulfillmentCancelConflictError, FulfillmentRejectedError, type OrderCancelledData } from '../../fulfillment/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { toJobError } from '../job-errors.js';

const TOO_LATE_ALERT = 'Cancelled in BigCommerce, but the warehouse could no longer stop it (already shipped or packed). Contact the warehouse and refund or recall as needed.';

/** On a sent order cancelled in BigCommerce while the app has no usable warehouse connection. */
export const NOT_CONNECTED_ALERT =
  'Cancelled in BigCommerce, but the warehouse is not connected (or its saved API key can no longer be read): the cancellation will be sent when you reconnect the warehouse in Settings. Until then the warehouse may ship this order.';

/** BigCommerce → warehouse: the order moved into a cancellation status after it was sent. */
export async function cancelAtWarehouse(
  s: Pick<Collaborators, 'clock' | 'fulfillment' | 'orders' | 'syncLog'>,
  storeHash: string,
  order: OrderRow,
  statusLabel: string,
): Promise<void> {
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId: order.orderId, flow: 'cancellations', level, message, detail }, s.clock.now());
  if (order.cancellation && order.cancellation.outcome !== 'pending' && order.cancellation.outcome !== 'failed') return;
  if (!order.backendOrderId) throw new Error(`cancelAtWarehouse: order #${order.orderId} has no warehouse id`);
  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) {
    // Kept pending, not dropped: saving the connection in Settings queues it again (requeue.ts).
    if (order.cancellation?.outcome === 'pending' && order.alert === NOT_CONNECTED_ALERT) return;
    await s.orders.setCancellation(
      storeHash,
      order.orderId,
      { source: 'bigcommerce', outcome: 'pending', message: 'Waiting for the warehouse connection.', alert: NOT_CONNECTED_ALERT },
      s.clock.now(),
    );
    await log('warn', `Cancelled in BigCommerce (order moved to "${statusLabel}"), but the warehouse is not connected: the cancellation is sent when you reconnect it.`);
    return;
  }
  try {
    const res = await backend.cancelOrder(order.backendOrderId);
    await s.orders.setCancellation(
      storeHash,
      order.orderId,
      { source: 'bigcommerce', outcome: 'cancelled', message: `Warehouse status: ${res.status}`, state: 'cancelled', alert: null },
      s.clock.now(),
    );
    await log('info', `Cancelled at the warehouse (order moved to "${statusLabel}").`);
  } catch (err) {
    if (err instanceof FulfillmentCancelConflictError) {
      await s.orders.setCancellation(storeHash, order.orderId, { source: 'bigcommerce', outcome: 'too_late', message: err.message, alert: TOO_LATE_ALERT }, s.clock.now());
      await log('error', 'Too late to cancel at the warehouse', err.message);
      return;
    }
    if (err instanceof FulfillmentRejectedError) {
      await s.orders.setCancellation(
        storeHash,
        order.orderId,
        { source: 'bigcommerce', outcome: 'failed', message: err.message, alert: `The warehouse refused the cancellation: ${err.message}` },
        s.clock.now(),
      );
      await log('error', 'The warehouse refused the cancellation', err.message);
      return;
    }
    // alert: null: an earlier one (not connected, flow off) no longer says what is going on; the
    // dead-job handler raises one if the warehouse never answers (sync-dead.ts).
    await s.orders.setCancellation(
      storeHash,
      order.orderId,
      { source: 'bigcommerce', outcome: 'pending', message: 'Waiting for the warehouse to answer.', alert: null },
      s.clock.now(),
    );
    throw toJobError(err);
  }
}

export type ApplyBackendCancellationDeps = Pick<Collaborators, 'clock' | 'jobs' | 'orders' | 'settings' | 'syncLog'>;

/** Warehouse → BigCommerce: the backend cancelled or rejected the order. */
export async function applyBackendCancellation(s: ApplyBackendCancellationDeps, storeHash: string, kind: 'cancelled' | 'rejected', data: OrderCancelledData): Promise<boolean> {
  const orderId = data.external_ref.order_id;
  const order = await s.orders.get(storeHash, orderId);
  if (!order) return false;
  const reason = data.reason ?? null;
  const rejected = `The warehouse rejected this order${reason ? `: ${reason}` : '.'}`;
  // A rejection is not a cancellation the merchant asked for: the order will not ship, and it
  // stays in "needs attention" (state rejected, remedy.ts) until the merchant settles it.
  await s.orders.setCancellation(
    storeHash,
    orderId,
    {
      source: 'warehouse',
      outcome: kind,
      message: reason,
      state: kind === 'rejected' ? 'rejected' : 'cancelled',
      alert: kind === 'rejected' ? rejected : null,
      ...(kind === 'rejected' ? { attention: { code: 'warehouse_rejected' as const, reason: rejected } } : {}),
    },
    s.clock.now(),
  );
  await s.syncLog.append(
    {
      storeHash,
      orderId,
      flow: 'cancellations',
      level: kind === 'rejected' ? 'error' : 'warn',
      message: kind === 'rejected' ? 'The warehouse rejected the order' : 'The warehouse cancelled the order',
      detail: reason,
    },
    s.clock.now(),
  );
  const settings = await s.settings.get(storeHash, s.clock.now());
  if (settings.statusOnBackendCancelId !== null) {
    await enqueueJob(s.jobs.queue, JOB.orderSetStatus, { storeHash, payload: { orderId, statusId: settings.statusOnBackendCancelId } });
  }
  return true;
}
