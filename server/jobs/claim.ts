import type { Knex } from 'knex';
import { isPostgres, isUniqueViolation, rawRows, toClaimed, type JobRow } from './rows.js';
import type { ClaimedJob } from './types.js';

export interface ClaimOptions {
  /** Lease token written to `lease_owner`; later writes of this run are fenced on it. */
  leaseOwner: string;
  limit: number;
  leaseMs: number;
  now: number;
  /**
   * Kinds that can wait (periodic safety nets, housekeeping). Between stores with as many jobs
   * running, and within a store, a job of any other kind goes first: with 1,000 installed stores a
   * scheduler run queues a job for each of them, and a store's new order must not wait behind all
   * of them (bench/fairness-scale.ts). Fairness still comes first: a store that holds the workers
   * does not get ahead of another store's background job.
   */
  backgroundKinds?: readonly string[];
}

/**
 * Leases up to `limit` jobs that are due: pending with `run_at <= now`, or running with an expired
 * lease (its worker was killed or hung). Sets state running, attempts+1, the lease owner and expiry.
 *
 * Fair across stores. One store's backlog (600 orders at once) must not delay another store's
 * next order, so jobs are not taken in global due-time order: every store with due work offers
 * its oldest due jobs, and the job whose store has the fewest jobs running (counting the jobs
 * this claim already took) goes first; ties go to the oldest run_at. A store that already holds
 * the workers therefore yields the next free one to any other store that has a due job.
 *
 * Serial per dedupe key. A pending job is not taken while a job with the same dedupe key is
 * running (same key = same work, e.g. `hooks:<store>`); an expired running job is taken over
 * before its pending twin, so one claim never takes two jobs of one key. The partial unique
 * index jobs_running_dedupe (migration 005) makes "one running job per key" a database
 * guarantee: a racing claim on PostgreSQL fails instead of running both.
 *
 * Index-friendly: the stores with pending jobs are enumerated by a loose index scan (one seek
 * per store on (state, store_hash, run_at)) and each store's k oldest due jobs by one range
 * read, so a claim costs O(stores · k) index reads whatever the backlog (k = limit, the free
 * worker slots); only those candidates are ranked.
 * Expired leases keep their own branch on (state, lease_expires_at).
 *
 * One statement on both dialects, so the claim is atomic without an explicit transaction:
 *
 * - SQLite: an UPDATE takes the database write lock before it reads, and SQLite has one writer, so
 *   two processes cannot lease the same row. A single statement also avoids the deferred-
 *   transaction trap (SELECT then UPDATE in `BEGIN`), where a reader upgrading to writer after
 *   another process committed gets SQLITE_BUSY at once (storage/busy-retry.ts waits out a lock, not this).
 * - PostgreSQL: the picked rows are locked `FOR UPDATE SKIP LOCKED` (in a plain SELECT, where
 *   PostgreSQL allows it) and re-checked once locked, so concurrent workers take disjoint rows.
 */
export async function claimJobs(db: Knex, opts: ClaimOptions): Promise<ClaimedJob[]> {
  const limit = Math.floor(opts.limit);
  if (limit <= 0) return [];
  // PostgreSQL re-checks each picked row once it holds its lock (another worker may have leased it
  // after our snapshot). SQLite needs no re-check (single writer), and must not get one: its planner
  // would drive the lookup from the state indexes, reading the whole backlog, instead of the ids.
  const lock = isPostgres(db) ? `AND ((state = 'pending' AND run_at <= :now) OR (state = 'running' AND lease_expires_at < :now)) FOR UPDATE SKIP LOCKED` : '';
  // Background jobs are deduplicated per store (one pending of each kind), so reading that many more
  // of a store's oldest due jobs finds its other work even behind them.
  const kinds = opts.backgroundKinds ?? [];
  const background = kinds.length === 0 ? '0' : `CASE WHEN j.kind IN (${kinds.map((_, i) => `:bg${i}`).join(', ')}) THEN 1 ELSE 0 END`;
  // Each store's oldest due jobs. PostgreSQL joins them LATERAL: given `x.id IN (correlated
  // subquery)` it ran the subquery once per store *and job* (a nested loop over the whole table,
  // 1,400 runs for 200 jobs of 7 stores). SQLite has no LATERAL and plans the IN form as one range
  // read per store.
  const perStore = isPostgres(db) ? { open: 'CROSS JOIN LATERAL (', close: ') x' } : { open: 'JOIN jobs x ON x.id IN (', close: ')' };
  const sql = `
    WITH RECURSIVE stores (store_hash) AS (
      SELECT (SELECT MIN(store_hash) FROM jobs WHERE state = 'pending')
      UNION ALL
      SELECT (SELECT MIN(j.store_hash) FROM jobs j WHERE j.state = 'pending' AND j.store_hash > s.store_hash)
      FROM stores s WHERE s.store_hash IS NOT NULL
    ), due AS (
      SELECT x.id, 0 AS expired FROM stores s
      ${perStore.open}
        SELECT y.id FROM jobs y
        WHERE y.state = 'pending' AND y.store_hash = s.store_hash AND y.run_at <= :now
          AND NOT EXISTS (SELECT 1 FROM jobs b WHERE b.state = 'running' AND b.dedupe_key = y.dedupe_key)
        ORDER BY y.run_at, y.id LIMIT :storeLimit${perStore.close}
      WHERE s.store_hash IS NOT NULL
    ), expired AS (
      SELECT id, 1 AS expired FROM jobs
      WHERE state = 'running' AND lease_expires_at < :now
      ORDER BY run_at, id LIMIT :limit
    ), candidates AS (
      SELECT j.id, j.store_hash, j.run_at, ${background} AS background,
        ROW_NUMBER() OVER (PARTITION BY j.store_hash ORDER BY c.expired DESC, ${background}, j.run_at, j.id) AS store_rank
      FROM (SELECT id, expired FROM due UNION ALL SELECT id, expired FROM expired) AS c
      JOIN jobs j ON j.id = c.id
    ), busy AS (
      SELECT store_hash, COUNT(*) AS n FROM jobs
      WHERE state = 'running' AND lease_expires_at >= :now
      GROUP BY store_hash
    ), picked AS (
      SELECT c.id FROM candidates c LEFT JOIN busy b ON b.store_hash = c.store_hash
      ORDER BY COALESCE(b.n, 0) + c.store_rank, c.background, c.run_at, c.id LIMIT :limit
    ), locked AS (
      SELECT id FROM jobs WHERE id IN (SELECT id FROM picked) ${lock}
    )
    UPDATE jobs
    SET state = 'running', attempts = attempts + 1, lease_owner = :owner, lease_expires_at = :expires, updated_at = :now
    WHERE id IN (SELECT id FROM locked)
    RETURNING *`;
  let result: unknown;
  try {
    const bindings = { now: opts.now, limit, storeLimit: limit + kinds.length, owner: opts.leaseOwner, expires: opts.now + opts.leaseMs };
    result = await db.raw(sql, { ...bindings, ...Object.fromEntries(kinds.map((k, i) => [`bg${i}`, k])) });
  } catch (err) {
    // PostgreSQL only: another process leased a job with the same dedupe key after our snapshot
    // was taken. Nothing was claimed; the next poll tries again without that key.
    // On SQLite (one writer) it cannot happen, so there it is a bug and is thrown.
    if (isPostgres(db) && isUniqueViolation(err)) return [];
    throw err;
  }
  // RETURNING order is unspecified; hand the jobs out oldest first.
  return rawRows<JobRow>(result)
    .map(toClaimed)
    .sort((a, b) => a.runAt - b.runAt || a.id - b.id);
}
