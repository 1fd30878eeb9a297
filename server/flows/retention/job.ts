import type { Clock } from '../../clock.js';
import type { RetentionConfig } from '../../config/env.js';
import type { JobQueue } from '../../jobs/types.js';
import type { Logger } from '../../logging/logger.js';
import type { RetentionRepo } from '../../storage/retention-repo.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { cutoffsFor } from './policy.js';
import { DEFAULT_LIMITS, purgeExpired, type PurgeLimits, type PurgeReport } from './purge.js';

/** The retention job belongs to no store; jobs.store_hash is required, so it gets this marker. */
export const SYSTEM_STORE = '_system';
export { RETENTION_DEDUPE_KEY } from '../job-catalogue.js';
/** A run that hit its batch budget continues after this pause rather than in one long burst. */
export const RETENTION_FOLLOW_UP_MS = 60_000;

export interface RetentionDeps {
  retention: RetentionRepo;
  config: { retention: RetentionConfig };
  clock: Clock;
  logger: Logger;
  jobs: { queue: Pick<JobQueue, 'enqueue'> };
}

/** Asks for a retention run (at most one pending: the catalogue's dedupe key; 3 attempts). */
export async function requestRetention(d: Pick<RetentionDeps, 'jobs'>, runAt?: number): Promise<void> {
  await enqueueJob(d.jobs.queue, JOB.retention, { storeHash: SYSTEM_STORE, runAt });
}

/** The job: deletes what is past its retention period, and queues a follow-up if rows are left. */
export async function runRetention(d: RetentionDeps, limits: PurgeLimits = DEFAULT_LIMITS): Promise<PurgeReport> {
  const now = d.clock.now();
  const report = await purgeExpired(d.retention, cutoffsFor(d.config.retention, now), limits);
  const deleted = report.webhookEvents + report.activity + report.closedOrders + report.storeRows;
  if (deleted > 0) d.logger.info({ ...report }, 'retention deleted expired rows');
  // Stopped by the worker: the job itself is run again, no follow-up needed.
  if (!report.complete && !limits.signal?.aborted) await requestRetention(d, d.clock.now() + RETENTION_FOLLOW_UP_MS);
  return report;
}
