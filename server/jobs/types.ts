import type { Knex } from 'knex';

/** Durable background jobs (at-least-once). See queue.ts and worker.ts. */
export type JobState = 'pending' | 'running' | 'done' | 'dead';

export interface JobRecord {
  id: number;
  storeHash: string;
  kind: string;
  payload: unknown;
  dedupeKey: string | null;
  state: JobState;
  /** Attempts started so far (incremented when a worker claims the job). */
  attempts: number;
  maxAttempts: number;
  /** ms epoch: not before. */
  runAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  /** Worker lease token while running (null otherwise). Optional so callers may build fakes. */
  leaseOwner?: string | null;
  /** ms epoch when the lease runs out; another worker may then take the job over. */
  leaseExpiresAt?: number | null;
  /** ms epoch when the job became done or dead. */
  finishedAt?: number | null;
}

/** A job leased to one worker run: `leaseOwner` fences every later write (see lease.ts). */
export interface ClaimedJob extends JobRecord {
  state: 'running';
  leaseOwner: string;
  leaseExpiresAt: number;
}

export interface EnqueueInput {
  storeHash: string;
  kind: string;
  payload?: unknown;
  /**
   * While a *pending* job with the same key exists, enqueue does not add another (it returns the
   * existing id with deduped=true). A job already running does not block a new one (the running
   * one may have read stale data), but the new one is not claimed until the running one has
   * finished: jobs with one key run one at a time (e.g. `hooks:<store>`, see claim.ts).
   */
  dedupeKey?: string;
  /** ms epoch; default now. Used to debounce bursts (several events for one order → one fetch). */
  runAt?: number;
  maxAttempts?: number;
}

export interface JobQueue {
  /** Pass `trx` to enqueue in the caller's transaction (event + job stored atomically). */
  enqueue(input: EnqueueInput, trx?: Knex): Promise<{ id: number; deduped: boolean }>;
  get(id: number): Promise<JobRecord | undefined>;
  /** Moves a dead job of that store back to pending with a fresh attempt budget. */
  retryDead(storeHash: string, id: number): Promise<boolean>;
  /** Counts by state, optionally for one store (for the UI and tests). */
  counts(storeHash?: string): Promise<Record<JobState, number>>;
  /** Deletes pending jobs of a store (uninstall), except those of the kinds in `keepKinds`. */
  cancelPending(storeHash: string, opts?: { keepKinds?: readonly string[] }): Promise<number>;
}

/** Throw from a handler: retry later with backoff (or after `delayMs`). */
export class RetryableJobError extends Error {
  constructor(
    message: string,
    readonly opts: { delayMs?: number; /** false: a wait imposed on us (429), not a failure. */ countsAsAttempt?: boolean } = {},
  ) {
    super(message);
    this.name = 'RetryableJobError';
  }
}

/** Throw from a handler: no point retrying; the job goes dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface JobContext {
  /**
   * Aborted when the worker is stopping and the grace period ran out, or when the lease was lost
   * (another worker took the job over). Either way this run's outcome will not be recorded.
   */
  signal: AbortSignal;
}

export type JobHandler = (job: JobRecord, ctx: JobContext) => Promise<void>;

export interface JobEvents {
  /** A job failed and will be retried at `retryAt`. */
  onRetry?(job: JobRecord, error: Error, retryAt: number): Promise<void> | void;
  /** A job used its last attempt (or threw PermanentJobError) and is now dead. */
  onDead?(job: JobRecord, error: Error): Promise<void> | void;
}
