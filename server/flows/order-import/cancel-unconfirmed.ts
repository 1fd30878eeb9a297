// An order cancelled in BigCommerce after a create that may have reached the warehouse: a POST
// /v1/orders timed out, failed with a 5xx or lost its answer, so the order has no warehouse id
// but may well be there (the contract says so). "Not sent" would let the warehouse ship a
// cancelled order. Instead the create is repeated with the same key and the same frozen body: a
// backend that has the order answers with its id (200), and the order is then cancelled there.
import { FulfillmentAuthError, FulfillmentRejectedError, FulfillmentUnavailableError, fulfillmentIdempotencyKey } from '../../fulfillment/index.js';
import { FulfillmentKeyReusedError } from '../../fulfillment/key-reused.js';
import type { Collaborators } from '../../collaborators.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { cancelAtWarehouse } from '../fulfillment/cancellations.js';
import { toJobError } from '../job-errors.js';
import { frozenBody } from './send-order.js';

/**
 * The alert on an order that may be at the warehouse although BigCommerce cancelled or deleted it.
 * One wording for every flow: an alert already given is recognised by equal text (`row.alert`).
 */
export function mayBeAtWarehouseAlert(what: 'Cancelled' | 'Deleted', why?: string): string {
  return `${what} in BigCommerce, but an earlier attempt to send it may have reached the warehouse (no answer came back)${why ? `, and ${why}` : ''}. Check the warehouse and cancel the order there if it has it.`;
}

/** Reasons in the alert that a later change fixes: the order is synced again then (flow-catch-up.ts, requeue.ts). */
export const WHY_CANCELLATIONS_OFF = 'passing cancellations on to the warehouse is switched off';
export const WHY_NOT_CONNECTED = 'the fulfillment backend is not connected';

/** The order's send may have reached the backend and its BigCommerce status is a cancellation status. */
export async function cancelUnconfirmedSend(
  s: Pick<Collaborators, 'clock' | 'fulfillment' | 'orders' | 'syncLog'>,
  row: OrderRow,
  statusLabel: string,
  cancellationsOn: boolean,
): Promise<void> {
  const { storeHash, orderId } = row;
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'cancellations', level, message, detail }, s.clock.now());
  /** The app cannot settle it: the merchant must look at the warehouse. Said once. */
  const alert = async (why: string, detail?: string) => {
    const text = mayBeAtWarehouseAlert('Cancelled', why);
    if (row.alert === text) return;
    await s.orders.setCancellation(storeHash, orderId, { source: 'bigcommerce', outcome: 'failed', message: detail ?? null, alert: text }, s.clock.now());
    await log('error', `Cancelled in BigCommerce ("${statusLabel}"); the order may be at the warehouse`, detail ?? why);
  };

  if (!cancellationsOn) return alert(WHY_CANCELLATIONS_OFF);
  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) return alert(WHY_NOT_CONNECTED);
  const body = frozenBody(row);
  if (!body) return alert('the app did not keep what it sent then, so it cannot ask the warehouse for it');

  let created: { id: string; created: boolean };
  try {
    // Same key, same body: a backend that has the order answers 200 with its id and creates
    // nothing. One that does not creates it now (201); it is cancelled right below either way.
    created = await backend.createOrder(body, fulfillmentIdempotencyKey(storeHash, orderId));
  } catch (err) {
    if (err instanceof FulfillmentKeyReusedError) return alert('the warehouse has it with different contents, without telling the app its id', err.message);
    if (err instanceof FulfillmentAuthError) return alert('the warehouse did not accept the saved credentials', err.message);
    if (err instanceof FulfillmentRejectedError) {
      // Refused before creating anything: no order has this key, so nothing is at the warehouse.
      await s.orders.releaseSendBody(storeHash, orderId, s.clock.now());
      await s.orders.setCancellation(
        storeHash,
        orderId,
        { source: 'bigcommerce', outcome: 'cancelled', message: 'Cancelled in BigCommerce before it reached the warehouse.', state: 'cancelled', alert: null },
        s.clock.now(),
      );
      await log('info', `Cancelled in BigCommerce ("${statusLabel}"); the warehouse confirmed it does not have the order: not sent.`, err.message);
      return;
    }
    if (err instanceof FulfillmentUnavailableError) {
      await s.orders.setCancellation(
        storeHash,
        orderId,
        { source: 'bigcommerce', outcome: 'pending', message: 'Asking the warehouse whether an earlier attempt reached it, to cancel the order there.' },
        s.clock.now(),
      );
      await log('warn', 'The warehouse is unavailable; will ask again whether it has the order, to cancel it.', err.message);
    }
    throw toJobError(err);
  }
  await s.orders.markSent(storeHash, orderId, created.id, body, s.clock.now());
  await log(
    'info',
    created.created
      ? `The earlier attempt had not reached the warehouse; the order was sent now as ${created.id} only to be cancelled there.`
      : `The earlier attempt had reached the warehouse: it has the order as ${created.id}.`,
  );
  const sent = await s.orders.get(storeHash, orderId);
  if (sent) await cancelAtWarehouse(s, storeHash, sent, statusLabel);
}
