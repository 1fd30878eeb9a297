// Jobs and the store's BigCommerce quota (issue 7 point 4). Every job handler runs with a short
// quota wait limit: when a store's quota is used up, its job goes back to the queue until the
// window resets (QuotaWaitJobError) instead of holding a worker that other stores' jobs need, and
// the store's other pending jobs are postponed to the reset with it.
// That the store's work waits is said once per store and window, in the log and in Activity.
import { withQuotaWaitLimit, type RateLimiterState } from '../bigcommerce/index.js';
import type { Clock } from '../clock.js';
import type { KnexJobQueue } from '../jobs/queue.js';
import type { JobHandler } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import type { SyncLogRepo } from '../storage/sync-log-repo.js';
import { QuotaWaitJobError, toJobError } from './job-errors.js';

/**
 * Longest quota wait a job sits out in its worker. Short waits (the limiter's 250 ms floor, a
 * window about to reset) are cheaper in place than a trip through the queue.
 */
export const JOB_QUOTA_WAIT_MS = 1_000;

export interface QuotaWaitDeps {
  logger: Logger;
  clock: Clock;
  syncLog: Pick<SyncLogRepo, 'append'>;
  /** The store's limiter: a wait for the merchant's own share of the quota is not news. */
  bigcommerce?: { quota(storeHash: string): Pick<RateLimiterState, 'lastWait'> };
}

/**
 * Says "this store's work waits on its quota" at most once per store and quota window (per
 * process: it is a notice, not a record, so several instances may each say it once).
 */
export class QuotaWaitNotice {
  /** store hash → end of the window last reported. */
  private readonly reported = new Map<string, number>();

  constructor(private readonly deps: QuotaWaitDeps) {}

  async report(storeHash: string, kind: string, err: QuotaWaitJobError): Promise<void> {
    const now = this.deps.clock.now();
    if (err.reason === 'reserve' && this.deps.bigcommerce?.quota(storeHash).lastWait === 'share') {
      // The app used the share the merchant gave it (Settings › Orders and rules): working as
      // chosen, once per window during a backfill, so it is not an Activity warning.
      this.deps.logger.debug({ storeHash, kind, resumeAt: err.resumeAt }, "the app's share of the store API quota is spent; its jobs wait for the window to reset");
      return;
    }
    const until = this.reported.get(storeHash);
    if (until !== undefined && now < until) return; // this window was already reported
    this.reported.set(storeHash, Math.max(err.resumeAt, now + 1));
    const seconds = Math.max(1, Math.ceil((err.resumeAt - now) / 1000));
    const why = err.reason === 'paused' ? 'BigCommerce answered 429 Too Many Requests' : 'only the reserve left for other apps remains';
    this.deps.logger.warn({ storeHash, kind, resumeAt: err.resumeAt, reason: err.reason }, 'store API quota used up; its jobs wait for the window to reset');
    try {
      await this.deps.syncLog.append(
        {
          storeHash,
          flow: 'system',
          level: 'warn',
          message: `BigCommerce API quota used up: background work waits about ${seconds} s for the next window.`,
          detail: `${why}. The quota is shared with every app on the store; nothing is lost, the work resumes by itself.`,
        },
        now,
      );
    } catch (error) {
      // A side channel: failing to write it must not change the job's outcome.
      this.deps.logger.error({ err: error, storeHash }, 'could not record the quota wait in Activity');
    }
  }
}

export interface QuotaWaitOptions {
  notice: QuotaWaitNotice;
  /** Postpones the store's other pending jobs to the reset (they would hit the same wall). */
  queue: Pick<KnexJobQueue, 'deferStore'>;
  logger: Logger;
  maxWaitMs?: number;
}

/**
 * The one wrapper around every job handler. Each error is translated with toJobError, so what a
 * flow did not translate itself (a locked database, a client error thrown outside its try) still
 * gets the right retry policy. Quota waits are limited to `maxWaitMs`; a longer wait reschedules
 * the job (and the store's other pending jobs) for the window's reset and says so once.
 */
export function limitQuotaWaits(handlers: Record<string, JobHandler>, opts: QuotaWaitOptions): Record<string, JobHandler> {
  const maxWaitMs = opts.maxWaitMs ?? JOB_QUOTA_WAIT_MS;
  const onQuotaWait = async (storeHash: string, kind: string, err: QuotaWaitJobError) => {
    try {
      await opts.queue.deferStore(storeHash, err.resumeAt);
    } catch (error) {
      // Only an optimisation: each job still finds out by itself.
      opts.logger.error({ err: error, storeHash }, 'could not postpone the store’s jobs to its quota reset');
    }
    await opts.notice.report(storeHash, kind, err);
  };
  const wrapped: Record<string, JobHandler> = {};
  for (const [kind, handler] of Object.entries(handlers)) {
    wrapped[kind] = async (job, ctx) => {
      try {
        await withQuotaWaitLimit(maxWaitMs, () => handler(job, ctx));
      } catch (err) {
        // Translated first, so a quota wait a flow let through never counts as a failed attempt.
        const error = toJobError(err);
        if (error instanceof QuotaWaitJobError) await onQuotaWait(job.storeHash, job.kind, error);
        throw error;
      }
    };
  }
  return wrapped;
}
