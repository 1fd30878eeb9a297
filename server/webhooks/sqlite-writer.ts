import type { Knex } from 'knex';
import { busyRetryOf } from '../storage/busy-retry-client.js';
import { DUPLICATE_PAYLOAD } from '../storage/webhook-events-repo.js';
import type { KnexJobQueue } from '../jobs/queue.js';
import { jobOf, type EventWrite } from './intake.js';

/** The slice of better-sqlite3's API this file uses. */
interface Statement {
  get(...params: unknown[]): { id: number } | undefined;
  run(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): Statement;
  transaction<T>(fn: () => T): () => T;
}
/** The slice of Knex's client (which Knex types as `any`) this file uses: the driver's name and the pool. */
interface KnexClient {
  config: { client?: unknown };
  acquireConnection(): Promise<SqliteConnection>;
  releaseConnection(conn: SqliteConnection): Promise<void>;
}

const SQL = {
  event: `INSERT INTO webhook_events (store_hash, source, event_id, dedupe_key, topic, resource_id, payload, status, error, received_at, processed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (store_hash, source, dedupe_key) DO NOTHING RETURNING id`,
  original: `SELECT id FROM webhook_events WHERE store_hash = ? AND source = ? AND dedupe_key = ?`,
  // A redelivery keeps its row (the history shows it) but not the payload again: see DUPLICATE_PAYLOAD.
  duplicate: `INSERT INTO webhook_events (store_hash, source, event_id, dedupe_key, topic, resource_id, payload, status, duplicate_of, received_at, processed_at)
              VALUES (?, ?, ?, NULL, ?, ?, ?, 'duplicate', ?, ?, ?) RETURNING id`,
  job: `INSERT INTO jobs (store_hash, kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)
        ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  pullForward: `UPDATE jobs SET run_at = ?, updated_at = ? WHERE dedupe_key = ? AND state = 'pending' AND run_at > ?`,
};

type Prepared = Record<keyof typeof SQL, Statement>;
const cache = new WeakMap<SqliteConnection, Prepared>();

function prepared(conn: SqliteConnection): Prepared {
  let p = cache.get(conn);
  if (!p) {
    p = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, conn.prepare(sql)])) as Prepared;
    cache.set(conn, p);
  }
  return p;
}

/**
 * The webhook hot path on SQLite: the same rows and rules as intake.ts recordEventsWithJobs
 * (WebhookEventsRepo.recordMany plus KnexJobQueue.enqueueMany), with statements prepared once and one synchronous transaction per
 * batch (Knex re-prepares every statement, which was most of the acknowledgement cost; bench/).
 * Returns null on other databases, where the Knex path is used.
 *
 * The transaction runs synchronously, so a lock held by another process makes it throw
 * SQLITE_BUSY at once (busy_timeout is 0); it is retried on timers within the database's busy
 * budget, handing the connection back between attempts so reads are not held up meanwhile.
 */
export function sqliteBatchWriter(db: Knex, queue: Pick<KnexJobQueue, 'defaultMaxAttempts' | 'dedupeKeyOf'>) {
  const client = db.client as KnexClient;
  if (client.config.client !== 'better-sqlite3') return null;
  const retry = busyRetryOf(db);
  const once = async (writes: EventWrite[], now: number): Promise<Array<{ duplicate: boolean }>> => {
    const conn = await client.acquireConnection();
    try {
      const st = prepared(conn);
      return conn.transaction(() =>
        writes.map((w) => {
          const { event: e, statusWithoutJob } = w;
          const status = w.job ? 'received' : (statusWithoutJob ?? 'received');
          const error = status === 'ignored' ? (w.ignoredReason ?? null) : null;
          const first = st.event.get(e.storeHash, e.source, e.eventId, e.eventId, e.topic, e.resourceId, e.payload, status, error, now, status === 'ignored' ? now : null);
          if (!first) {
            const original = st.original.get(e.storeHash, e.source, e.eventId)?.id ?? null;
            st.duplicate.get(e.storeHash, e.source, e.eventId, e.topic, e.resourceId, DUPLICATE_PAYLOAD, original, now, now);
            return { duplicate: true };
          }
          const job = jobOf(w, first.id);
          if (job) {
            const runAt = job.runAt ?? now;
            const key = queue.dedupeKeyOf(job);
            const inserted = st.job.get(job.storeHash, job.kind, JSON.stringify(job.payload ?? null), key, job.maxAttempts ?? queue.defaultMaxAttempts, runAt, now, now);
            // A pending twin holds the key: pull it forward if this request is earlier.
            if (!inserted && key !== null) st.pullForward.run(runAt, now, key, runAt);
          }
          return { duplicate: false };
        }),
      )();
    } finally {
      await client.releaseConnection(conn);
    }
  };
  return (writes: EventWrite[], now: number) => (retry ? retry.run(() => once(writes, now), { write: true }) : once(writes, now));
}
