import type { Knex } from 'knex';
import { backoffDelay, explicitDelay, type BackoffOptions } from './backoff.js';
import { errorText, isUniqueViolation } from './rows.js';
import { PermanentJobError, RetryableJobError, type ClaimedJob, type JobRecord } from './types.js';

// Writes made by the worker run that holds a job's lease. Every one is fenced on
// (id, state running, lease_owner = this run's token): once a lease expired and another worker
// took the job over, the old run can no longer complete, fail, extend or release it. A fenced
// write that matches no row is reported as `lost`, never as an error.

const fence = (db: Knex, job: ClaimedJob) => db('jobs').where({ id: job.id, state: 'running', lease_owner: job.leaseOwner });

const leaseCleared = { lease_owner: null, lease_expires_at: null };

/** Marks the job done. False when the lease was lost (the job is someone else's now). */
export async function completeJob(db: Knex, job: ClaimedJob, now: number): Promise<boolean> {
  const n = await fence(db, job).update({ state: 'done', ...leaseCleared, finished_at: now, updated_at: now });
  return n > 0;
}

/** Pushes the lease out to now + leaseMs (heartbeat of a long handler). False when lost. */
export async function extendLease(db: Knex, job: ClaimedJob, now: number, leaseMs: number): Promise<boolean> {
  const n = await fence(db, job).update({ lease_expires_at: now + leaseMs, updated_at: now });
  return n > 0;
}

export type FailDecision = { next: 'retry'; runAt: number; attempts: number } | { next: 'dead'; attempts: number };

export interface FailPolicy {
  now: number;
  backoff: BackoffOptions;
  random: () => number;
}

/**
 * What a failure means. PermanentJobError → dead. RetryableJobError with countsAsAttempt:false
 * (a 429 wait imposed on us) gives the attempt back and never kills the job. Anything else that
 * is not permanent (including plain Errors: network, 5xx, bugs) is retried with backoff until the
 * attempt that was just made is the last allowed one.
 */
export function decideFailure(job: ClaimedJob, error: Error, policy: FailPolicy): FailDecision {
  if (error instanceof PermanentJobError) return { next: 'dead', attempts: job.attempts };
  const opts = error instanceof RetryableJobError ? error.opts : {};
  const givesBack = opts.countsAsAttempt === false;
  const attempts = givesBack ? Math.max(0, job.attempts - 1) : job.attempts;
  if (!givesBack && job.attempts >= job.maxAttempts) return { next: 'dead', attempts };
  const delay = opts.delayMs !== undefined ? explicitDelay(opts.delayMs, policy.backoff) : backoffDelay(Math.max(1, job.attempts), policy.backoff, policy.random);
  return { next: 'retry', runAt: policy.now + delay, attempts };
}

export type FailOutcome =
  { kind: 'retry'; job: JobRecord; retryAt: number } | { kind: 'dead'; job: JobRecord } | { kind: 'superseded'; job: JobRecord; byId: number | null } | { kind: 'lost' };

/** Records a failed run: back to pending with a delay, or dead. */
export async function failJob(db: Knex, job: ClaimedJob, error: Error, policy: FailPolicy): Promise<FailOutcome> {
  const { now } = policy;
  const decision = decideFailure(job, error, policy);
  const lastError = errorText(error);
  if (decision.next === 'dead') {
    const n = await fence(db, job).update({
      state: 'dead',
      attempts: decision.attempts,
      last_error: lastError,
      ...leaseCleared,
      finished_at: now,
      updated_at: now,
    });
    if (n === 0) return { kind: 'lost' };
    return { kind: 'dead', job: after(job, { state: 'dead', attempts: decision.attempts, lastError, finishedAt: now }, now) };
  }
  const result = await toPending(db, job, { attempts: decision.attempts, runAt: decision.runAt, lastError }, now);
  if (result.kind !== 'pending') return result;
  return {
    kind: 'retry',
    retryAt: decision.runAt,
    job: after(job, { state: 'pending', attempts: decision.attempts, runAt: decision.runAt, lastError }, now),
  };
}

/**
 * Hands an unfinished job back (graceful stop ran out of grace): pending again at its original
 * run_at, and the attempt is given back because the job did not fail, we interrupted it.
 */
export async function releaseJob(db: Knex, job: ClaimedJob, now: number): Promise<'released' | 'superseded' | 'lost'> {
  const attempts = Math.max(0, job.attempts - 1);
  const result = await toPending(db, job, { attempts, runAt: job.runAt, lastError: job.lastError }, now);
  return result.kind === 'pending' ? 'released' : result.kind;
}

type ToPending = { kind: 'pending' } | { kind: 'superseded'; job: JobRecord; byId: number | null } | { kind: 'lost' };

/**
 * Moving a job back to pending collides with the partial unique index when a newer job with the
 * same dedupe key was enqueued while this one ran (allowed: a running job does not block one).
 * Same key means same work, and the newer job was enqueued after this run read its data, so it
 * covers this one: this job is closed as done with a note instead of running the work twice.
 * Detecting the collision from the constraint error (rather than checking first) is race-free on
 * both dialects; these writes run outside any transaction, so a failed statement aborts nothing.
 */
async function toPending(db: Knex, job: ClaimedJob, next: { attempts: number; runAt: number; lastError: string | null }, now: number): Promise<ToPending> {
  try {
    const n = await fence(db, job).update({
      state: 'pending',
      attempts: next.attempts,
      run_at: next.runAt,
      last_error: next.lastError,
      ...leaseCleared,
      updated_at: now,
    });
    return n > 0 ? { kind: 'pending' } : { kind: 'lost' };
  } catch (err) {
    if (!isUniqueViolation(err) || job.dedupeKey === null) throw err;
  }
  const twin: { id: number | string } | undefined = await db('jobs').where({ dedupe_key: job.dedupeKey, state: 'pending' }).first('id');
  const byId = twin ? Number(twin.id) : null;
  const note = `superseded by pending job #${byId ?? '?'} with the same dedupe key`;
  const lastError = next.lastError ? `${next.lastError} (${note})` : note;
  const n = await fence(db, job).update({
    state: 'done',
    attempts: next.attempts,
    last_error: lastError,
    ...leaseCleared,
    finished_at: now,
    updated_at: now,
  });
  if (n === 0) return { kind: 'lost' };
  return { kind: 'superseded', byId, job: after(job, { state: 'done', attempts: next.attempts, lastError, finishedAt: now }, now) };
}

/** The record as it now is in the table, for events and logs (saves a read). */
function after(job: ClaimedJob, changes: Partial<JobRecord>, now: number): JobRecord {
  return { ...job, ...changes, leaseOwner: null, leaseExpiresAt: null, updatedAt: now };
}
