import type { Knex } from 'knex';
import { isPostgres, rawRows, toClaimed, type JobRow } from './rows.js';
import type { ClaimedJob } from './types.js';

export interface ClaimOptions {
  /** Lease token written to `lease_owner`; later writes of this run are fenced on it. */
  leaseOwner: string;
  limit: number;
  leaseMs: number;
  now: number;
}

/**
 * Leases up to `limit` jobs that are due: pending with `run_at <= now`, or running with an expired
 * lease (its worker was killed or hung). Sets state running, attempts+1, the lease owner and expiry.
 *
 * One statement on both dialects, so the claim is atomic without an explicit transaction:
 *
 * - SQLite: an UPDATE takes the database write lock before it reads, and SQLite has one writer, so
 *   two processes cannot lease the same row. A single statement also avoids the deferred-
 *   transaction trap (SELECT then UPDATE in `BEGIN`), where a reader upgrading to writer after
 *   another process committed gets SQLITE_BUSY at once instead of waiting out busy_timeout.
 * - PostgreSQL: `FOR UPDATE SKIP LOCKED` in the candidate CTEs lets concurrent workers take
 *   disjoint rows instead of queueing behind each other; a row changed after our snapshot is
 *   re-checked against the WHERE once locked. (Written for the PostgreSQL move; untested here.)
 *
 * The two kinds of candidate are selected by separate branches, each served by its own index
 * ((state, run_at) and (state, lease_expires_at)); one `pending OR expired` WHERE makes SQLite's
 * planner fall back to a multi-index OR plus a sort on every claim.
 */
export async function claimJobs(db: Knex, opts: ClaimOptions): Promise<ClaimedJob[]> {
  const limit = Math.floor(opts.limit);
  if (limit <= 0) return [];
  const lock = isPostgres(db) ? ' FOR UPDATE SKIP LOCKED' : '';
  const sql = `
    WITH due AS (
      SELECT id, run_at FROM jobs
      WHERE state = 'pending' AND run_at <= ?
      ORDER BY run_at, id LIMIT ?${lock}
    ), expired AS (
      SELECT id, run_at FROM jobs
      WHERE state = 'running' AND lease_expires_at < ?
      ORDER BY run_at, id LIMIT ?${lock}
    ), picked AS (
      SELECT id FROM (SELECT id, run_at FROM due UNION ALL SELECT id, run_at FROM expired) AS candidates
      ORDER BY run_at, id LIMIT ?
    )
    UPDATE jobs
    SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?, updated_at = ?
    WHERE id IN (SELECT id FROM picked)
    RETURNING *`;
  const result: unknown = await db.raw(sql, [
    opts.now,
    limit,
    opts.now,
    limit,
    limit,
    opts.leaseOwner,
    opts.now + opts.leaseMs,
    opts.now,
  ]);
  // RETURNING order is unspecified; hand the jobs out oldest first.
  return rawRows<JobRow>(result)
    .map(toClaimed)
    .sort((a, b) => a.runAt - b.runAt || a.id - b.id);
}
