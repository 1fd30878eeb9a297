// The order.shipped-status job (issue 9 point 7). BigCommerce moves an order to Shipped or
// Partially Shipped itself when shipments are created (../shared/notes §3.5 found no document
// stating it; the sandbox does it by default, `setShipmentAutoStatus(false)` reproduces stores
// where it does not). Instead of re-reading every order after its shipment to make sure, this job
// runs a minute later and looks at what the app heard: a statusUpdated event since the shipment
// naming another status than the one before it means BigCommerce (or the merchant) moved the
// order, and it is left alone — no call. Only
// when nothing was heard is the status the app's shipments imply set, with one PUT.
import { BigCommerceApiError, setOrderStatus } from '../../bigcommerce/index.js';
import { PermanentJobError } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { enqueueJob, JOB, type JobOfKind } from '../job-catalogue.js';
import { toJobError } from '../job-errors.js';
import { statusLabel } from '../status-label.js';
import { PARTIALLY_SHIPPED_STATUS_ID, SHIPPED_STATUS_ID } from './fully-shipped.js';

/** Long enough for BigCommerce's statusUpdated event to arrive and be recorded (seconds, usually). */
export const SHIPPED_STATUS_CHECK_DELAY_MS = 60_000;

// The payload (orderId, since, statusBefore) and the key (one per order) are in the job catalogue.

/** One pending check per order: a later shipment within the minute is covered by the same check. */
export async function enqueueShippedStatusCheck(s: Pick<Collaborators, 'jobs' | 'clock'>, storeHash: string, orderId: number, statusBefore: number | null): Promise<void> {
  const now = s.clock.now();
  await enqueueJob(s.jobs.queue, JOB.orderShippedStatus, { storeHash, payload: { orderId, since: now, statusBefore }, runAt: now + SHIPPED_STATUS_CHECK_DELAY_MS });
}

export async function confirmShippedStatus(
  s: Pick<Collaborators, 'bigcommerce' | 'orders' | 'webhookEvents' | 'syncLog' | 'clock' | 'orderStatuses'>,
  job: JobOfKind<typeof JOB.orderShippedStatus>,
): Promise<void> {
  const { orderId, since, statusBefore } = job.payload;
  const storeHash = job.storeHash;
  const order = await s.orders.get(storeHash, orderId);
  if (!order || (order.state !== 'shipped' && order.state !== 'partially_shipped')) return;
  if (order.state === 'partially_shipped' && order.bcStatusId === SHIPPED_STATUS_ID) {
    // BigCommerce says Shipped where the app's copy had lines left: shipped outside the app (by
    // hand in the control panel, by another app). BigCommerce knows best.
    await s.orders.setState(storeHash, orderId, { state: 'shipped', attentionReason: null, lastError: null }, s.clock.now());
    await s.syncLog.append(
      { storeHash, orderId, flow: 'fulfillment', message: 'BigCommerce reports the order fully shipped (the rest was shipped outside the app).' },
      s.clock.now(),
    );
    return;
  }
  const heard = await s.webhookEvents.statusesHeardSince(storeHash, orderId, since);
  if (heard.some((id) => id !== statusBefore)) return;
  const wanted = order.state === 'shipped' ? SHIPPED_STATUS_ID : PARTIALLY_SHIPPED_STATUS_ID;
  if (order.bcStatusId === wanted) return;
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');
  const label = await statusLabel(s, storeHash, wanted);
  try {
    await setOrderStatus(client, orderId, wanted);
  } catch (err) {
    if (err instanceof BigCommerceApiError && !err.retryable && err.status !== 401) {
      await s.syncLog.append(
        { storeHash, orderId, flow: 'fulfillment', level: 'error', message: `BigCommerce refused to set the status to "${label}" after the shipment`, detail: err.message },
        s.clock.now(),
      );
      return;
    }
    throw toJobError(err);
  }
  await s.orders.recordStatus(storeHash, orderId, wanted, label, s.clock.now());
  await s.syncLog.append({ storeHash, orderId, flow: 'fulfillment', message: `Status set to "${label}" (BigCommerce did not move it after the shipment).` }, s.clock.now());
}
