// History at scale: one store with 1M webhook events and 1M activity rows over 60 days in a SQLite
// file. Times the Webhook history and Activity list queries (as the API runs them) with and without
// the retention indexes (migration 006), and the longest single statement of a retention run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { up as addRetentionIndexes, down as dropRetentionIndexes } from '../migrations/006_retention.js';
import { cutoffsFor } from '../server/flows/retention/policy.js';
import { DEFAULT_LIMITS, purgeExpired } from '../server/flows/retention/purge.js';
import { migrateToLatest, openDatabase, type Db } from '../server/storage/db.js';
import { RetentionRepo } from '../server/storage/retention-repo.js';
import { SyncLogRepo } from '../server/storage/sync-log-repo.js';
import { WebhookEventsRepo } from '../server/storage/webhook-events-repo.js';

const STORE = 'benchstore';
const DEFAULT_STORE = STORE;
const DAY = 24 * 60 * 60_000;

export interface Timing {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface HistoryAtScaleReport {
  rows: { webhookEvents: number; activity: number };
  seedMs: number;
  fileMb: number;
  withIndexes: Record<string, Timing>;
  withoutIndexes: Record<string, Timing>;
  /** The queries this change replaced (exact count(*), DISTINCT topics), on the indexed database. */
  replaced: Record<string, Timing>;
  purge: {
    deleted: number;
    statements: number;
    batchSize: number;
    longestStatementMs: number;
    p95StatementMs: number;
    p99StatementMs: number;
    statementsOver50Ms: number;
    /** Longest event-loop delay seen during the run (perf_hooks histogram): what a request waits. */
    maxEventLoopDelayMs: number;
    totalMs: number;
  };
}

export async function seedHistory(db: Db, n: number, now: number, opts: { storeHash?: string; spanDays?: number } = {}): Promise<void> {
  // Generated inside SQLite: a million rows in seconds. Times spread evenly over the last 60 days
  // by default, so half of it is past the default 30-day retention. Payload about the size
  // BigCommerce sends. The UI benchmark seeds another store within the retention period.
  const STORE = opts.storeHash ?? DEFAULT_STORE;
  if (!/^[a-z0-9]+$/.test(STORE)) throw new Error('seedHistory: store hash must be lower-case letters and digits');
  const span = (opts.spanDays ?? 60) * DAY;
  await db.raw(`
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${n})
    INSERT INTO webhook_events (store_hash, source, event_id, dedupe_key, topic, resource_id, payload, status, error, received_at, processed_at)
    SELECT '${STORE}', CASE WHEN (i / 7) % 4 = 0 THEN 'fulfillment' ELSE 'bigcommerce' END, 'evt' || i, 'evt' || i,
      CASE WHEN (i / 7) % 4 = 0 THEN (CASE WHEN i % 9 = 0 THEN 'inventory.updated' ELSE 'shipment.created' END)
        ELSE (CASE i % 3 WHEN 0 THEN 'store/order/created' WHEN 1 THEN 'store/order/statusUpdated' ELSE 'store/order/updated' END) END,
      -- About a quarter from the warehouse (issue 8): shipments name their order, stock reports none.
      CASE WHEN (i / 7) % 4 = 0 AND i % 9 = 0 THEN NULL ELSE CAST(100000 + i / 3 AS TEXT) END,
      '{"scope":"store/order/created","store_id":"1001","data":{"type":"order","id":' || (100000 + i / 3) || '},"hash":"' || hex(randomblob(20)) || '","created_at":' || i || ',"producer":"stores/${STORE}"}',
      CASE WHEN i % 100 = 0 THEN 'failed' WHEN i % 50 = 1 THEN 'duplicate' ELSE 'processed' END,
      CASE WHEN i % 100 = 0 THEN 'Warehouse answered 503' END,
      ${now - span} + i * ${Math.floor(span / n)}, ${now - span} + i * ${Math.floor(span / n)}
    FROM c`);
  await db.raw(`
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${n})
    INSERT INTO sync_log (store_hash, order_id, flow, level, message, detail, at)
    SELECT '${STORE}', 100000 + i / 4, 'orders',
      CASE WHEN i % 50 = 0 THEN 'error' WHEN i % 12 = 0 THEN 'warn' ELSE 'info' END,
      'Sent to the warehouse as WH-' || i, NULL, ${now - span} + i * ${Math.floor(span / n)}
    FROM c`);
  // No ANALYZE: production databases never run it, so the planner must pick the indexes unaided.
}

const quantile = (sorted: number[], q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { p50Ms: quantile(s, 0.5), p95Ms: quantile(s, 0.95), maxMs: Number(s[s.length - 1]!.toFixed(2)) };
}

async function timeCases(cases: Record<string, () => Promise<unknown>>, runs: number): Promise<Record<string, Timing>> {
  const out: Record<string, Timing> = {};
  for (const [name, run] of Object.entries(cases)) {
    await run(); // warm the page cache
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
    out[name] = timing(samples);
  }
  return out;
}

async function timeQueries(db: Db, now: number, runs: number): Promise<Record<string, Timing>> {
  const events = new WebhookEventsRepo(db);
  const log = new SyncLogRepo(db);
  const lastWeek = { from: now - 7 * DAY, to: now - 6 * DAY };
  const cases: Record<string, () => Promise<unknown>> = {
    'webhooks first page': () => events.list(STORE, {}, 1, 25),
    'webhooks status=failed': () => events.list(STORE, { status: 'failed' }, 1, 25),
    'webhooks topic filter': () => events.list(STORE, { topic: 'store/order/created' }, 1, 25),
    'webhooks one day': () => events.list(STORE, lastWeek, 1, 25),
    'webhooks page 400': () => events.list(STORE, {}, 400, 25),
    'webhooks topics': () => events.topics(STORE),
    'webhooks source=warehouse': () => events.list(STORE, { source: 'fulfillment' }, 1, 25),
    'webhooks warehouse failed': () => events.list(STORE, { source: 'fulfillment', status: 'failed' }, 1, 25),
    'webhooks BigCommerce one day': () => events.list(STORE, { source: 'bigcommerce', ...lastWeek }, 1, 25),
    'webhooks one order': () => events.list(STORE, { orderId: 150_000 }, 1, 25),
    'webhooks one order failed': () => events.list(STORE, { orderId: 150_000, status: 'failed' }, 1, 25),
    'activity first page': () => log.list(STORE, {}, 1, 25),
    'activity level=error': () => log.list(STORE, { level: 'error' }, 1, 25),
    'activity one order': () => log.list(STORE, { orderId: 150_000 }, 1, 25),
    'activity page 400': () => log.list(STORE, {}, 400, 25),
  };
  return timeCases(cases, runs);
}

export async function benchHistoryAtScale(opts: { rows?: number; runs?: number } = {}): Promise<HistoryAtScaleReport> {
  const n = opts.rows ?? 1_000_000;
  const runs = opts.runs ?? 40;
  const dir = mkdtempSync(join(tmpdir(), 'fb-history-'));
  const db = openDatabase(`sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    await migrateToLatest(db);
    await db('stores').insert({ hash: STORE, status: 'installed', installed_at: 0, updated_at: 0 });
    const now = Date.now();
    const t0 = performance.now();
    await seedHistory(db, n, now);
    const seedMs = performance.now() - t0;
    const [{ page_count: pages }] = (await db.raw('PRAGMA page_count')) as [{ page_count: number }];
    const [{ page_size: pageSize }] = (await db.raw('PRAGMA page_size')) as [{ page_size: number }];

    const withIndexes = await timeQueries(db, now, runs);
    await dropRetentionIndexes(db);
    const withoutIndexes = await timeQueries(db, now, Math.max(3, Math.floor(runs / 4)));
    await addRetentionIndexes(db);
    const replaced = await timeCases(
      {
        'webhooks exact count(*)': () => db('webhook_events').where({ store_hash: STORE }).count({ n: '*' }),
        'webhooks DISTINCT topics': () => db('webhook_events').where({ store_hash: STORE }).distinct('topic').orderBy('topic'),
        'activity exact count(*)': () => db('sync_log').where({ store_hash: STORE }).count({ n: '*' }),
      },
      Math.max(3, Math.floor(runs / 4)),
    );

    // A retention run with the default limits, timing every statement (the stall a request sees).
    const statements: number[] = [];
    let last = performance.now();
    const { batchSize } = DEFAULT_LIMITS;
    const started = performance.now();
    let deleted = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    for (;;) {
      const report = await purgeExpired(new RetentionRepo(db), cutoffsFor({ webhookDays: 30, activityDays: 30, uninstalledDays: 30, closedOrderDays: 365 }, now), {
        ...DEFAULT_LIMITS,
        pause: async () => {
          statements.push(performance.now() - last);
          await DEFAULT_LIMITS.pause();
          last = performance.now();
        },
      });
      deleted += report.webhookEvents + report.activity;
      if (report.complete) break;
      last = performance.now();
    }
    loopDelay.disable();
    const sorted = [...statements].sort((a, b) => a - b);
    const st = timing(statements);
    return {
      rows: { webhookEvents: n, activity: n },
      seedMs: Math.round(seedMs),
      fileMb: Math.round((pages * pageSize) / 1e6),
      withIndexes,
      withoutIndexes,
      replaced,
      purge: {
        deleted,
        statements: statements.length,
        batchSize,
        longestStatementMs: st.maxMs,
        p95StatementMs: st.p95Ms,
        p99StatementMs: quantile(sorted, 0.99),
        statementsOver50Ms: statements.filter((ms) => ms > 50).length,
        maxEventLoopDelayMs: Number((loopDelay.max / 1e6).toFixed(1)),
        totalMs: Math.round(performance.now() - started),
      },
    };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
