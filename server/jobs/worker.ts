import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { claimJobs } from './claim.js';
import { DEFAULT_RETENTION_MS, type KnexJobQueue } from './queue.js';
import { JobRun, type RunDeps, type RunOutcome } from './run-job.js';
import type { JobEvents, JobHandler } from './types.js';

/** Resolves after `ms`, or early (never rejecting) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface JobWorkerOptions {
  db: Knex;
  /** Used for housekeeping (purge of old done jobs). */
  queue: Pick<KnexJobQueue, 'purgeFinished'>;
  handlers: Record<string, JobHandler>;
  events?: JobEvents;
  logger: Logger;
  /** Job times (run_at, leases). Pass the same clock as the queue's. */
  clock: Clock;
  concurrency?: number;
  /** Longest wait between polls when idle; wake() cuts it short. */
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  sleep?: Sleep;
  random?: () => number;
  backoff?: Partial<BackoffOptions>;
  /** Done jobs older than this are purged (default 7 days). */
  retentionMs?: number;
  purgeEveryMs?: number;
  /** Pause after a database error in the loop before trying again. */
  errorPauseMs?: number;
  /** Kinds that yield to other work in the claim (claim.ts `backgroundKinds`). */
  backgroundKinds?: readonly string[];
}

export type WorkerStats = Record<RunOutcome | 'claimed', number>;

const emptyStats = (): WorkerStats => ({
  claimed: 0,
  done: 0,
  retried: 0,
  dead: 0,
  superseded: 0,
  lost: 0,
  released: 0,
  error: 0,
});

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Polls the jobs table, leases due jobs up to `concurrency`, and runs them (at-least-once: a job
 * whose worker dies is run again once its lease expires, so handlers must be idempotent).
 */
export class JobWorker {
  readonly workerId: string;
  private readonly opts: Required<Pick<JobWorkerOptions, 'concurrency' | 'pollMs' | 'leaseMs' | 'retentionMs' | 'purgeEveryMs' | 'errorPauseMs'>>;
  private readonly deps: RunDeps;
  private readonly sleep: Sleep;
  private readonly active = new Set<JobRun>();
  private readonly stats = emptyStats();
  private claimSeq = 0;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private waiting: AbortController | undefined;
  private nextPurgeAt = 0;

  constructor(private readonly o: JobWorkerOptions) {
    // Lease tokens are `<workerId>#<n>` in a 64-char column.
    this.workerId = (o.workerId ?? `${hostname().slice(0, 24)}:${process.pid}:${randomBytes(3).toString('hex')}`).slice(0, 48);
    this.opts = {
      concurrency: Math.max(1, Math.floor(o.concurrency ?? 4)),
      pollMs: o.pollMs ?? 250,
      leaseMs: o.leaseMs ?? 30_000,
      retentionMs: o.retentionMs ?? DEFAULT_RETENTION_MS,
      purgeEveryMs: o.purgeEveryMs ?? 60 * 60_000,
      errorPauseMs: o.errorPauseMs ?? 1_000,
    };
    this.sleep = o.sleep ?? defaultSleep;
    this.deps = {
      db: o.db,
      logger: o.logger.child({ component: 'job-worker', workerId: this.workerId }),
      clock: o.clock,
      handlers: o.handlers,
      events: o.events ?? {},
      leaseMs: this.opts.leaseMs,
      backoff: { ...DEFAULT_BACKOFF, ...o.backoff },
      random: o.random ?? Math.random,
    };
  }

  get running(): number {
    return this.active.size;
  }

  /** Totals since construction. */
  getStats(): WorkerStats {
    return { ...this.stats };
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runLoop().finally(() => {
      this.loop = undefined;
    });
  }

  /** Poll now (e.g. right after an enqueue) instead of at the end of the current pollMs wait. */
  wake(): void {
    this.wakeRequested = true;
    this.waiting?.abort();
  }

  /**
   * Stops claiming, waits up to `graceMs` for running handlers, then aborts the rest and releases
   * their jobs to pending without counting the attempt (they did not fail; we interrupted them).
   */
  async stop({ graceMs = 10_000 }: { graceMs?: number } = {}): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    if (this.active.size === 0) return;
    const grace = new AbortController();
    const allDone = Promise.all([...this.active].map((r) => r.finished)).then(() => true);
    const finished = await Promise.race([allDone, this.sleep(graceMs, grace.signal).then(() => false)]);
    grace.abort();
    if (finished) return;
    // Sequential: one pooled connection anyway, and it keeps the log readable.
    for (const run of [...this.active]) await run.release();
  }

  /**
   * For tests and scripts (not together with start()): claims and runs jobs until none is due and
   * none is running, then returns what happened in this call. Throws after `timeoutMs` (real time).
   */
  async runUntilIdle({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<WorkerStats> {
    if (this.loop) throw new Error('runUntilIdle: the worker loop is running; stop() it first');
    const before = this.getStats();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const free = this.opts.concurrency - this.active.size;
      const claimed = free > 0 ? await this.claimAndLaunch(free) : 0;
      if (claimed === 0 && this.active.size === 0) break;
      if (claimed === 0) {
        const left = deadline - Date.now();
        const timeout = new AbortController();
        await Promise.race([Promise.race([...this.active].map((r) => r.finished)), this.sleep(Math.max(0, left), timeout.signal)]);
        timeout.abort();
      }
      if (Date.now() >= deadline) throw new Error(`runUntilIdle: still busy after ${timeoutMs} ms (${this.active.size} running)`);
    }
    const after = this.getStats();
    const delta = emptyStats();
    for (const k of Object.keys(delta) as (keyof WorkerStats)[]) delta[k] = after[k] - before[k];
    return delta;
  }

  private async runLoop(): Promise<void> {
    const log = this.deps.logger;
    log.info({ concurrency: this.opts.concurrency, leaseMs: this.opts.leaseMs }, 'job worker started');
    while (!this.stopping) {
      await this.maybePurge();
      const free = this.opts.concurrency - this.active.size;
      try {
        if (free > 0) await this.claimAndLaunch(free);
      } catch (err) {
        // Database busy, locked, or gone for a moment: keep the worker alive and try again.
        log.error({ err }, 'job claim failed; retrying after a pause');
        await this.pause(this.opts.errorPauseMs);
        continue;
      }
      // Whether or not we claimed a full batch, wait: a finishing job or wake() cuts this short.
      await this.pause(this.opts.pollMs);
    }
    log.info({ running: this.active.size }, 'job worker stopped claiming');
  }

  private async claimAndLaunch(limit: number): Promise<number> {
    const jobs = await claimJobs(this.o.db, {
      leaseOwner: `${this.workerId}#${++this.claimSeq}`,
      limit,
      leaseMs: this.opts.leaseMs,
      now: this.o.clock.now(),
      backgroundKinds: this.o.backgroundKinds,
    });
    for (const job of jobs) {
      const run = new JobRun(job, this.deps);
      this.active.add(run);
      this.stats.claimed++;
      void run.finished.then((outcome) => {
        this.active.delete(run);
        this.stats[outcome]++;
        this.wake(); // a slot is free
      });
    }
    return jobs.length;
  }

  private async pause(ms: number): Promise<void> {
    if (this.wakeRequested || this.stopping) {
      this.wakeRequested = false;
      return;
    }
    this.waiting = new AbortController();
    await this.sleep(ms, this.waiting.signal);
    this.waiting = undefined;
    this.wakeRequested = false;
  }

  private async maybePurge(): Promise<void> {
    const now = this.o.clock.now();
    if (now < this.nextPurgeAt) return;
    this.nextPurgeAt = now + this.opts.purgeEveryMs;
    try {
      const n = await this.o.queue.purgeFinished(this.opts.retentionMs);
      if (n > 0) this.deps.logger.info({ purged: n }, 'purged finished jobs');
    } catch (err) {
      this.deps.logger.error({ err }, 'purging finished jobs failed');
    }
  }
}
