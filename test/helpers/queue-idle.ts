import type { KnexJobQueue } from '../../server/jobs/queue.js';
import { JOB } from '../../server/webhooks/topics.js';

/**
 * Follow-ups scheduled a while ahead by design (the shipped-status check runs a minute after a
 * shipment): "the work has settled" does not wait for them; tests of the follow-up drive it directly.
 */
export const SCHEDULED_FOLLOW_UPS: readonly string[] = [JOB.orderShippedStatus];

/** Jobs waiting to run, scheduled follow-ups left out. */
export async function pendingWork(queue: KnexJobQueue): Promise<number> {
  return (await queue.counts(undefined, { excludeKinds: SCHEDULED_FOLLOW_UPS })).pending;
}
