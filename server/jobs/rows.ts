import type { ClaimedJob, JobRecord, JobState } from './types.js';

/** A `jobs` row as the drivers return it (PostgreSQL returns bigint columns as strings). */
export interface JobRow {
  id: number | string;
  store_hash: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  state: JobState;
  attempts: number | string;
  max_attempts: number | string;
  run_at: number | string;
  lease_owner: string | null;
  lease_expires_at: number | string | null;
  last_error: string | null;
  created_at: number | string;
  updated_at: number | string;
  finished_at: number | string | null;
}

const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toRecord(row: JobRow): JobRecord {
  return {
    id: num(row.id),
    storeHash: row.store_hash,
    kind: row.kind,
    payload: parsePayload(row.payload),
    dedupeKey: row.dedupe_key,
    state: row.state,
    attempts: num(row.attempts),
    maxAttempts: num(row.max_attempts),
    runAt: num(row.run_at),
    lastError: row.last_error,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: numOrNull(row.lease_expires_at),
    finishedAt: numOrNull(row.finished_at),
  };
}

/** Only for rows just returned by the claim statement, which always sets the lease. */
export function toClaimed(row: JobRow): ClaimedJob {
  const rec = toRecord(row);
  if (rec.state !== 'running' || rec.leaseOwner == null || rec.leaseExpiresAt == null) {
    throw new Error(`Job ${rec.id} is not leased (state ${rec.state})`);
  }
  return { ...rec, state: 'running', leaseOwner: rec.leaseOwner, leaseExpiresAt: rec.leaseExpiresAt };
}

function parsePayload(text: string): unknown {
  // A row written by hand (or by an older version) must not wedge the worker; the handler will
  // see the raw text and can fail the job permanently if it cannot use it.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Rows of a `knex.raw` result: better-sqlite3 gives the array, pg gives `{ rows }`. */
export function rawRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

export { isPostgres } from '../storage/postgres.js';

/** SQLite `SQLITE_CONSTRAINT_UNIQUE` / PostgreSQL `23505`: here, another pending job holds the dedupe key. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** Anything thrown, as an Error (handlers may throw strings or plain objects). */
export function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : safeJson(thrown));
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** What goes into `last_error`: bounded, so a huge message (an HTML error page) cannot bloat the table. */
export function errorText(err: Error, max = 2000): string {
  const text = `${err.name}: ${err.message}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
