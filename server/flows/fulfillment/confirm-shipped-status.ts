// The order.shipped-status job (issue 9 point 7). BigCommerce moves an order to Shipped or
// Partially Shipped itself when shipments are created (../shared/notes §3.5 found no document
// stating it; the sandbox does it by default, `setShipmentAutoStatus(false)` reproduces stores
// where it does not). Instead of re-reading every order after its shipment to make sure, this job
// runs a minute later and looks at what the app heard: a statusUpdated event since the shipment
// naming another status than the one before it means BigCommerce (or the merchant) moved the
// order, and it is left alone — no call. Only
// when nothing was heard is the status the app's shipments imply set, with one PUT.
import { z } from 'zod';
import { BigCommerceApiError, setOrderStatus } from '../../bigcommerce/index.js';
import { PermanentJobError, type JobRecord } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import { JOB } from '../../webhooks/topics.js';
import { toJobError } from '../job-errors.js';
import { statusLabel } from '../status-label.js';
import { PARTIALLY_SHIPPED_STATUS_ID, SHIPPED_STATUS_ID } from './fully-shipped.js';

/** Long enough for BigCommerce's statusUpdated event to arrive and be recorded (seconds, usually). */
export const SHIPPED_STATUS_CHECK_DELAY_MS = 60_000;

const payloadSchema = z.object({
  orderId: z.number().int().positive(),
  since: z.number().int().nonnegative(),
  /** The status the app knew before its shipment: an event naming it since is a late echo, not a move. */
  statusBefore: z.number().int().nonnegative().nullable().default(null),
});
export type ShippedStatusPayload = z.infer<typeof payloadSchema>;

/** One pending check per order: a later shipment within the minute is covered by the same check. */
export async function enqueueShippedStatusCheck(s: Pick<Services, 'jobs' | 'clock'>, storeHash: string, orderId: number, statusBefore: number | null): Promise<void> {
  const now = s.clock.now();
  const payload: ShippedStatusPayload = { orderId, since: now, statusBefore };
  await s.jobs.queue.enqueue({
    storeHash,
    kind: JOB.orderShippedStatus,
    payload,
    dedupeKey: `shipped-status:${storeHash}:${orderId}`,
    runAt: now + SHIPPED_STATUS_CHECK_DELAY_MS,
  });
}

export async function confirmShippedStatus(s: Pick<Services, 'bigcommerce' | 'orders' | 'webhookEvents' | 'syncLog' | 'clock' | 'orderStatuses'>, job: JobRecord): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Invalid ${job.kind} payload: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  const { orderId, since, statusBefore } = parsed.data;
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
