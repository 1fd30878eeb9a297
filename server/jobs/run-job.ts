import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import type { BackoffOptions } from './backoff.js';
import { completeJob, extendLease, failJob, releaseJob } from './lease.js';
import { asError } from './rows.js';
import { PermanentJobError, type ClaimedJob, type JobEvents, type JobHandler } from './types.js';

export interface RunDeps {
  db: Knex;
  logger: Logger;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  events: JobEvents;
  leaseMs: number;
  backoff: BackoffOptions;
  random: () => number;
}

/** How one run ended. `lost`: the lease had passed to another worker; `error`: the outcome could not be written. */
export type RunOutcome = 'done' | 'retried' | 'dead' | 'superseded' | 'lost' | 'released' | 'error';

/**
 * One leased job being executed: the handler, its lease heartbeat, and recording the outcome.
 * `finished` never rejects, so a handler or database failure cannot take the worker loop down.
 */
export class JobRun {
  readonly finished: Promise<RunOutcome>;
  private readonly controller = new AbortController();
  private releasing = false;
  private settling = false;
  private readonly log: Logger;

  constructor(
    readonly job: ClaimedJob,
    private readonly deps: RunDeps,
  ) {
    this.log = deps.logger.child({ jobId: job.id, kind: job.kind, storeHash: job.storeHash, attempt: job.attempts });
    this.finished = this.execute();
  }

  /**
   * Graceful stop ran out of time: abort the handler and hand the job back (pending, attempt not
   * counted). Whatever the handler does afterwards is not recorded.
   */
  async release(): Promise<void> {
    if (this.settling) return; // the outcome is already being written
    this.releasing = true;
    this.controller.abort(new Error('Worker stopping: grace period over'));
    try {
      const r = await releaseJob(this.deps.db, this.job, this.deps.clock.now());
      this.log.warn({ result: r }, 'job released at shutdown');
    } catch (err) {
      // The lease will expire and another worker will take the job; only the attempt is spent.
      this.log.error({ err }, 'could not release job at shutdown');
    }
  }

  private async execute(): Promise<RunOutcome> {
    const heartbeat = this.startHeartbeat();
    const error = await this.invoke();
    clearInterval(heartbeat);
    if (this.releasing) return 'released';
    this.settling = true;
    try {
      return error ? await this.recordFailure(error) : await this.recordSuccess();
    } catch (err) {
      // Nothing is lost: the job stays running under our lease, which expires and is reclaimed.
      this.log.error({ err }, 'could not record job outcome; it will run again when its lease expires');
      return 'error';
    }
  }

  private async invoke(): Promise<Error | undefined> {
    const { job } = this;
    // Claimed again after a lease expired on its last allowed attempt: the previous run most likely
    // crashed the process or hung. Running it again could crash the next worker the same way.
    if (job.attempts > job.maxAttempts) {
      return new PermanentJobError(`Lease expired during the last allowed attempt (${job.maxAttempts}); the worker running it crashed or hung`);
    }
    const handler = Object.hasOwn(this.deps.handlers, job.kind) ? this.deps.handlers[job.kind] : undefined;
    if (!handler) return new PermanentJobError(`No handler registered for job kind "${job.kind}"`);
    try {
      // A copy, so a handler that mutates its argument cannot change the lease fence.
      await handler({ ...job }, { signal: this.controller.signal });
      return undefined;
    } catch (thrown) {
      return asError(thrown);
    }
  }

  private async recordSuccess(): Promise<RunOutcome> {
    const ok = await completeJob(this.deps.db, this.job, this.deps.clock.now());
    if (!ok) this.log.warn('job finished but its lease had passed to another worker; result not recorded');
    else this.log.debug('job done');
    return ok ? 'done' : 'lost';
  }

  private async recordFailure(error: Error): Promise<RunOutcome> {
    const { db, clock, backoff, random, events } = this.deps;
    const outcome = await failJob(db, this.job, error, { now: clock.now(), backoff, random });
    switch (outcome.kind) {
      case 'lost':
        this.log.warn({ err: error }, 'job failed but its lease had passed to another worker');
        return 'lost';
      case 'superseded':
        this.log.info({ err: error, byId: outcome.byId }, 'job failed; a newer pending job with its dedupe key covers it');
        return 'superseded';
      case 'retry':
        this.log.warn({ err: error, retryAt: outcome.retryAt }, 'job failed; will retry');
        await this.emit('onRetry', () => events.onRetry?.(outcome.job, error, outcome.retryAt));
        return 'retried';
      case 'dead':
        this.log.error({ err: error }, 'job dead');
        await this.emit('onDead', () => events.onDead?.(outcome.job, error));
        return 'dead';
    }
  }

  /** Event listeners are side channels (alerts, UI): their failure must not change the job. */
  private async emit(name: string, fn: () => Promise<void> | void): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log.error({ err }, `job event listener ${name} failed`);
    }
  }

  /**
   * Extends the lease every leaseMs/2 while the handler runs, so a long job is not taken over.
   * A lost lease (we were too slow, e.g. the event loop stalled) aborts the handler: another worker
   * owns the job and our result would be discarded anyway.
   */
  private startHeartbeat(): NodeJS.Timeout {
    const { db, clock, leaseMs } = this.deps;
    let inFlight = false;
    return setInterval(
      () => {
        if (inFlight || this.settling || this.releasing) return;
        inFlight = true;
        extendLease(db, this.job, clock.now(), leaseMs)
          .then((ok) => {
            if (ok || this.settling || this.releasing) return;
            this.log.warn('job lease lost to another worker; aborting handler');
            this.controller.abort(new Error('Job lease lost'));
          })
          .catch((err: unknown) => this.log.error({ err }, 'could not extend job lease'))
          .finally(() => {
            inFlight = false;
          });
      },
      Math.max(1, Math.floor(leaseMs / 2)),
    );
  }
}
