import type { KnexJobQueue } from '../../server/jobs/queue.js';
import { JOB } from '../../server/flows/job-catalogue.js';

/**
 * Follow-ups scheduled a while ahead by design (the shipped-status check runs a minute after a
 * shipment): "the work has settled" does not wait for them; tests of the follow-up drive it directly.
 */
export const SCHEDULED_FOLLOW_UPS: readonly string[] = [JOB.orderShippedStatus];

/** Jobs waiting to run, scheduled follow-ups left out. */
export async function pendingWork(queue: KnexJobQueue): Promise<number> {
  return (await queue.counts(undefined, { excludeKinds: SCHEDULED_FOLLOW_UPS })).pending;
}

/**
 * The work has settled: no job waiting or running in the database (scheduled follow-ups left out)
 * and none in the worker's hands. Both sides are read, so a job between its claim and its handler,
 * or between its handler and its row, is never taken for settled.
 */
export async function workSettled(queue: KnexJobQueue, worker: { readonly running: number }): Promise<boolean> {
  if (worker.running > 0) return false;
  const c = await queue.counts(undefined, { excludeKinds: SCHEDULED_FOLLOW_UPS });
  return c.pending === 0 && c.running === 0 && worker.running === 0;
}
