// The order side of a failed order.sync attempt that the job queue will retry: the order shows
// "retrying" with the attempts made, the last error in merchant words and when the next attempt
// is due (the queue's backoff, known only once the queue rescheduled the job: the worker reports
// it through its onRetry event, runtime.ts). A wait imposed on the app (the store's API quota, a
// locked database, a replaced token) is no attempt: it only moves the next attempt's time.
import type { JobRecord } from '../../jobs/types.js';
import { RetryableJobError } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { PassingFailureJobError } from '../job-errors.js';
import { JOB, payloadOf } from '../job-catalogue.js';

/** For an error that is not a known passing failure (its raw text stays in the job's log). */
export const UNEXPECTED_RETRY_WORDS = 'The attempt failed unexpectedly; the app tries again by itself.';

export async function recordOrderRetry(s: Pick<Collaborators, 'orders' | 'clock'>, job: JobRecord, error: Error, retryAt: number): Promise<void> {
  const orderId = payloadOf(JOB.orderSync, job)?.orderId;
  if (orderId === undefined) return;
  const now = s.clock.now();
  const counted = !(error instanceof RetryableJobError && error.opts.countsAsAttempt === false);
  if (!counted) {
    await s.orders.moveNextAttempt(job.storeHash, orderId, retryAt, now);
    return;
  }
  await s.orders.markRetrying(
    job.storeHash,
    orderId,
    { attempts: job.attempts, nextAttemptAt: retryAt, lastError: error instanceof PassingFailureJobError ? error.merchantMessage : UNEXPECTED_RETRY_WORDS },
    now,
  );
}
