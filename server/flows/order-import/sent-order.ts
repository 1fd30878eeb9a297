// An order.sync job for an order the warehouse already has: the only thing left to do is pass a
// cancellation on. BigCommerce is read again only when something says the order may have been
// cancelled (so the app's own status changes cost no call): an unsettled statusUpdated event
// naming a cancellation status, a cancellation recorded as pending (by the reconciliation, by a
// warehouse that was unreachable or not connected, or while the Cancellations flow was off), or a
// Retry from the order page.
import { BigCommerceApiError, getOrderWithConsignments, type BcOrder, type BigCommerceClient } from '../../bigcommerce/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { StoreSettings } from '../../storage/settings-repo.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { cancelAtWarehouse } from '../fulfillment/cancellations.js';
import { toJobError } from '../job-errors.js';
import { labelOf, statusLabel } from '../status-label.js';

/** A cancellation in BigCommerce that the warehouse has not confirmed yet. */
export const cancellationPending = (o: OrderRow) => o.cancellation?.source === 'bigcommerce' && o.cancellation.outcome === 'pending';

export const CANCELLATIONS_OFF_ALERT =
  'Moved to a cancellation status in BigCommerce while the Cancellations flow is off: the warehouse was not told. Turn Cancellations on in Settings to cancel it there, or cancel it at the warehouse yourself.';

/** A BigCommerce cancellation kept for when the Cancellations flow is turned back on. */
export const cancellationsOffPending = () => ({
  source: 'bigcommerce' as const,
  outcome: 'pending' as const,
  message: 'The Cancellations flow is off.',
  alert: CANCELLATIONS_OFF_ALERT,
});

/** Is there an unsettled statusUpdated event for this order that names a cancellation status? */
async function mayBeCancelled(s: Pick<Collaborators, 'webhookEvents'>, storeHash: string, orderId: number, cancelIds: number[]): Promise<boolean> {
  if (cancelIds.length === 0) return false;
  const statuses = await s.webhookEvents.pendingNewStatuses(storeHash, orderId);
  return statuses.some((id) => id === undefined || cancelIds.includes(id));
}

type Settled = { outcome: 'processed' | 'ignored'; reason?: string };

export type SyncSentOrderDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'fulfillment' | 'orderStatuses' | 'orders' | 'syncLog' | 'webhookEvents'>;

export async function syncSentOrder(
  s: SyncSentOrderDeps,
  known: OrderRow & { backendOrderId: string },
  settings: Pick<StoreSettings, 'flows' | 'cancellationStatusIds' | 'statusOnBackendCancelId'>,
  recheck: boolean,
): Promise<Settled> {
  const { storeHash, orderId } = known;
  const log = (level: 'info' | 'warn', message: string) => s.syncLog.append({ storeHash, orderId, flow: 'cancellations', level, message }, s.clock.now());
  const pending = cancellationPending(known);
  const hinted = pending || (await mayBeCancelled(s, storeHash, orderId, settings.cancellationStatusIds));

  if (!settings.flows.cancellations) {
    if (hinted && !pending) {
      // Not dropped: kept pending, and queued again when Cancellations is turned on (flow-catch-up.ts).
      await s.orders.setCancellation(storeHash, orderId, cancellationsOffPending(), s.clock.now());
      await log('warn', 'Cancelled in BigCommerce while the Cancellations flow is off: not passed on to the warehouse. It is when Cancellations is turned on.');
    } else if (recheck && !hinted) {
      await log('info', 'Already at the warehouse; the Cancellations flow is off, so its status in BigCommerce was not checked.');
    }
    return hinted ? { outcome: 'ignored', reason: 'The Cancellations flow is off.' } : { outcome: 'processed' };
  }
  if (!hinted && !recheck) return { outcome: 'processed' };

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) {
    if (pending || recheck) await log('warn', 'The store is not connected: its status in BigCommerce could not be checked.');
    return { outcome: 'processed' };
  }
  const current = await read(client, orderId);
  if (!current) {
    await log('warn', `BigCommerce has no such order any more (deleted?); the warehouse has it as ${known.backendOrderId}. Cancel it there if it should not ship.`);
    return { outcome: 'processed' };
  }
  const label = labelOf(current) ?? (await statusLabel(s, storeHash, current.status_id));
  // Read anyway (a cancellation was hinted, or Retry): the order page shows the status as last seen.
  await s.orders.recordStatus(storeHash, orderId, current.status_id, label, s.clock.now());
  if (settings.cancellationStatusIds.includes(current.status_id)) {
    if (known.state === 'rejected') {
      await closeRejected(s, known, current.status_id, label, settings.statusOnBackendCancelId);
      return { outcome: 'processed' };
    }
    await cancelAtWarehouse(s, storeHash, known, label);
  } else if (pending) {
    await s.orders.clearPendingCancellation(storeHash, orderId, s.clock.now());
    await log('info', `No longer in a cancellation status in BigCommerce ("${label}"): nothing to cancel at the warehouse.`);
  } else if (recheck) {
    await log('info', `Already at the warehouse; its status in BigCommerce is "${label}": nothing to pass on.`);
  }
  return { outcome: 'processed' };
}

/**
 * An order the warehouse rejected, found in a cancellation status in BigCommerce: nothing is left
 * to cancel at the warehouse. When the merchant cancelled it (not the app itself, through the
 * "status when the warehouse cancels or rejects" setting), that settles it: it leaves "needs
 * attention" as cancelled. A status the app set itself says nothing about the merchant having
 * dealt with it, so the order stays rejected.
 */
async function closeRejected(s: Pick<Collaborators, 'clock' | 'orders' | 'syncLog'>, known: OrderRow, statusId: number, label: string, appSets: number | null): Promise<void> {
  if (appSets === statusId) return;
  const { storeHash, orderId } = known;
  // The rejection stays recorded (outcome, warehouse's reason); its alert is settled.
  await s.orders.setCancellation(
    storeHash,
    orderId,
    { source: 'warehouse', outcome: 'rejected', message: known.cancellation?.message ?? null, state: 'cancelled', alert: null },
    s.clock.now(),
  );
  await s.syncLog.append(
    { storeHash, orderId, flow: 'cancellations', message: `Cancelled in BigCommerce ("${label}") after the warehouse rejected it: settled, nothing to cancel at the warehouse.` },
    s.clock.now(),
  );
}

/** The order now, or null when BigCommerce no longer has it. */
async function read(client: BigCommerceClient, orderId: number): Promise<BcOrder | null> {
  try {
    return await getOrderWithConsignments(client, orderId);
  } catch (err) {
    if (err instanceof BigCommerceApiError && err.status === 404) return null;
    throw toJobError(err);
  }
}
