// The order.set-status job: puts a BigCommerce order into a status the merchant chose, status_id
// only. Queued after the warehouse accepted an order (Settings › "status after acceptance") and
// after the warehouse cancelled one (statusOnBackendCancelId).
//
// The job may run long after it was queued (backoff, quota waits), and the order may have moved on
// meanwhile (shipped, cancelled). A job queued after acceptance therefore carries the status the
// order had when it was sent (`ifStatusId`) and changes nothing unless the order still has it —
// as the app knows it, without a GET (issue 9 point 7: import, status change and shipment cost 3
// calls in all): the status read at import, or the newest one a statusUpdated event named since.
// BigCommerce sends that event within seconds of a change, and the event intake records it before
// this job runs in all but a change made in the same few seconds.
import { BigCommerceApiError, setOrderStatus } from '../../bigcommerce/index.js';
import { PermanentJobError, type JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { JOB, payloadOf, type JobOfKind } from '../job-catalogue.js';
import { toJobError } from '../job-errors.js';
import { statusLabel } from '../status-label.js';

// The payload (orderId, statusId, ifStatusId) is declared in the job catalogue.

/** The order's status as the app last read or heard it (no BigCommerce call); null when it never saw the order. */
async function knownStatus(
  s: Pick<Collaborators, 'orders' | 'webhookEvents' | 'orderStatuses'>,
  storeHash: string,
  orderId: number,
): Promise<{ id: number; label: string } | null> {
  const row = await s.orders.get(storeHash, orderId);
  if (!row || row.bcStatusId === null) return null;
  const newest = (await s.webhookEvents.newestStatusHeard(storeHash, orderId, row.bcStatusSeenAt))?.statusId;
  if (newest !== undefined && newest !== row.bcStatusId) return { id: newest, label: await statusLabel(s, storeHash, newest) };
  return { id: row.bcStatusId, label: row.bcStatus ?? (await statusLabel(s, storeHash, row.bcStatusId)) };
}

/** Why the status is left as it is, or null to set it. `wanted` is the status's label. */
function whyNot(now: { id: number; label: string }, statusId: number, wanted: string, ifStatusId: number): string | null {
  if (now.id === statusId) return `Status already "${wanted}" in BigCommerce; not changed.`;
  if (now.id !== ifStatusId) return `Status not set to "${wanted}": the order moved to "${now.label}" in BigCommerce since it was sent, so it is left there.`;
  return null;
}

export async function setStatusAfterAccept(
  s: Pick<Collaborators, 'bigcommerce' | 'syncLog' | 'clock' | 'orders' | 'orderStatuses' | 'webhookEvents'>,
  job: JobOfKind<typeof JOB.orderSetStatus>,
): Promise<void> {
  const { orderId, statusId, ifStatusId } = job.payload;
  const storeHash = job.storeHash;
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');
  const wanted = await statusLabel(s, storeHash, statusId);

  try {
    if (ifStatusId !== undefined) {
      const now = (await knownStatus(s, storeHash, orderId)) ?? { id: ifStatusId, label: '' };
      const skip = whyNot(now, statusId, wanted, ifStatusId);
      if (skip) {
        await log('info', skip);
        return;
      }
    }
    await setOrderStatus(client, orderId, statusId);
  } catch (err) {
    // A refusal (the order was deleted, the status does not exist, …) will not change on a retry:
    // said on the order rather than as an anonymous dead background task.
    if (err instanceof BigCommerceApiError && !err.retryable && err.status !== 401) {
      await log('error', `BigCommerce refused to set the status to "${wanted}"`, err.message);
      return;
    }
    throw toJobError(err);
  }
  await s.orders.recordStatus(storeHash, orderId, statusId, wanted, s.clock.now());
  await log('info', `Status set to "${wanted}" in BigCommerce.`);
}

/** A set-status job that used its last attempt (BigCommerce down for hours, a revoked token): said on its order. */
export async function failDeadStatusJob(s: Pick<Collaborators, 'syncLog' | 'clock' | 'orderStatuses'>, job: JobRecord, error: Error): Promise<boolean> {
  const payload = payloadOf(JOB.orderSetStatus, job);
  if (!payload) return false;
  const { orderId, statusId } = payload;
  const wanted = await statusLabel(s, job.storeHash, statusId);
  await s.syncLog.append(
    { storeHash: job.storeHash, orderId, flow: 'orders', level: 'error', message: `Could not set the BigCommerce status to "${wanted}" after all retries`, detail: error.message },
    s.clock.now(),
  );
  return true;
}
