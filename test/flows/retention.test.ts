import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestRetention, runRetention, RETENTION_FOLLOW_UP_MS, SYSTEM_STORE } from '../../server/flows/retention/job.js';
import { jobHandlers, startScheduler } from '../../server/flows/runtime.js';
import { KnexJobQueue } from '../../server/jobs/queue.js';
import { buildServices } from '../../server/services.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { RetentionRepo, STORE_TABLES } from '../../server/storage/retention-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { testConfig } from '../helpers/config.js';
import { FakeClock } from '../helpers/harness.js';
import { LogCapture } from '../helpers/log-capture.js';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 5, 1);

let db: Db;
let clock: FakeClock;
let logs: LogCapture;

beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  clock = new FakeClock(T0);
  logs = new LogCapture();
});
afterEach(async () => {
  await db.destroy();
});

const noPause = { pause: async () => {} };

function deps(env: Record<string, string> = {}) {
  return { retention: new RetentionRepo(db), config: testConfig(env), clock, logger: logs.logger, jobs: { queue: new KnexJobQueue({ db, clock }) } };
}

async function addStore(hash: string, status: 'installed' | 'uninstalled' = 'installed', uninstalledAt: number | null = null) {
  await db('stores').insert({ hash, status, installed_at: T0 - 400 * DAY, uninstalled_at: uninstalledAt, updated_at: T0 });
}

let nextEventId = 1;
async function addEvents(hash: string, at: number, n = 1) {
  const rows = Array.from({ length: n }, () => {
    const id = `e${nextEventId++}`;
    return {
      store_hash: hash,
      source: 'bigcommerce',
      event_id: id,
      dedupe_key: id,
      topic: 'store/order/created',
      resource_id: '1',
      payload: '{}',
      status: 'processed',
      received_at: at,
    };
  });
  await db.batchInsert('webhook_events', rows, 200);
}

async function addLog(hash: string, at: number, orderId: number | null = null) {
  await db('sync_log').insert({ store_hash: hash, order_id: orderId, flow: 'orders', level: 'info', message: 'm', at });
}

async function addOrder(hash: string, orderId: number, state: string, updatedAt: number) {
  await db('orders').insert({ store_hash: hash, order_id: orderId, state, customer: 'c', created_at: updatedAt, updated_at: updatedAt });
  await db('shipments').insert({
    store_hash: hash,
    backend_shipment_id: `s${orderId}`,
    order_id: orderId,
    items: '[]',
    state: 'created',
    created_at: updatedAt,
    updated_at: updatedAt,
  });
}

/** Everything a store owns, table by table (tables found from the schema, not from STORE_TABLES). */
async function rowsOf(hash: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await storeKeyedTables()) {
    const [{ n }] = (await db(table).where({ store_hash: hash }).count({ n: '*' })) as [{ n: number }];
    if (Number(n) > 0) out[table] = Number(n);
  }
  const [{ n }] = (await db('stores').where({ hash }).count({ n: '*' })) as [{ n: number }];
  if (Number(n) > 0) out.stores = Number(n);
  return out;
}

async function storeKeyedTables(): Promise<string[]> {
  const tables = await db.raw<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'knex_%'`);
  const out: string[] = [];
  for (const { name } of tables) {
    const cols = await db.raw<Array<{ name: string }>>(`SELECT name FROM pragma_table_info(?)`, [name]);
    if (cols.some((c) => c.name === 'store_hash')) out.push(name);
  }
  return out.sort();
}

describe('retention', () => {
  it('deletes webhook events and activity past 30 days and keeps newer ones', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 31 * DAY, 3);
    await addEvents('s1', T0 - 29 * DAY, 2);
    await addLog('s1', T0 - 31 * DAY, 7);
    await addLog('s1', T0 - 1 * DAY, 7);

    const report = await runRetention(deps(), { batchSize: 500, maxBatches: 50, ...noPause });

    expect(report).toMatchObject({ webhookEvents: 3, activity: 1, complete: true });
    expect((await db('webhook_events').select('received_at')).map((r) => Number(r.received_at))).toEqual([T0 - 29 * DAY, T0 - 29 * DAY]);
    expect((await db('sync_log').select('at')).map((r) => Number(r.at))).toEqual([T0 - DAY]);
    expect(logs.text()).toContain('retention deleted expired rows');
  });

  it('keeps an original while a redelivery that shows its payload is kept', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 31 * DAY);
    const [original] = await db('webhook_events').select('id');
    await db('webhook_events').insert({
      store_hash: 's1',
      source: 'bigcommerce',
      event_id: 'e-orig',
      topic: 't',
      payload: '',
      status: 'duplicate',
      duplicate_of: original.id,
      received_at: T0 - 29 * DAY,
    });

    expect(await runRetention(deps(), { batchSize: 500, maxBatches: 50, ...noPause })).toMatchObject({ webhookEvents: 0 });
    expect(await db('webhook_events').count({ n: '*' })).toEqual([{ n: 2 }]);

    clock.advance(2 * DAY);
    expect(await runRetention(deps(), { batchSize: 500, maxBatches: 50, ...noPause })).toMatchObject({ webhookEvents: 2 });
  });

  it('finds expired events through indexes, not a table scan', async () => {
    const sent: Array<{ sql: string; bindings: unknown[] }> = [];
    const listen = (q: { sql: string; bindings: unknown[] }) => sent.push(q);
    db.on('query', listen);
    await new RetentionRepo(db).deleteWebhookEventsBefore(T0, 10);
    db.off('query', listen);
    expect(sent).toHaveLength(1);
    const plan = await db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sent[0]!.sql}`, sent[0]!.bindings as never);
    const text = plan.map((r) => r.detail).join(' | ');
    expect(text).toContain('webhook_events_received');
    expect(text).toContain('webhook_events_duplicate_of');
    expect(text).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
  });

  it('honours configured periods', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 8 * DAY);
    await addLog('s1', T0 - 8 * DAY);
    const report = await runRetention(deps({ RETENTION_WEBHOOK_DAYS: '7', RETENTION_ACTIVITY_DAYS: '10' }), { batchSize: 500, maxBatches: 50, ...noPause });
    expect(report).toMatchObject({ webhookEvents: 1, activity: 0 });
  });

  it('keeps open orders at any age and deletes closed ones past RETENTION_ORDER_DAYS with their shipments', async () => {
    await addStore('s1');
    const ancient = T0 - 800 * DAY;
    for (const [id, state] of [
      [1, 'waiting'],
      [2, 'sent'],
      [3, 'needs_attention'],
      [4, 'failed'],
    ] as const)
      await addOrder('s1', id, state, ancient);
    await addOrder('s1', 5, 'shipped', T0 - 366 * DAY);
    await addOrder('s1', 6, 'cancelled', T0 - 366 * DAY);
    await addOrder('s1', 7, 'shipped', T0 - 300 * DAY);
    // The states of issue 8 are open too: a retrying or rejected order still needs the app or the merchant.
    for (const [id, state] of [
      [8, 'queued'],
      [9, 'retrying'],
      [10, 'partially_shipped'],
      [11, 'rejected'],
    ] as const)
      await addOrder('s1', id, state, ancient);

    const report = await runRetention(deps(), { batchSize: 500, maxBatches: 50, ...noPause });

    expect(report.closedOrders).toBe(2);
    expect((await db('orders').orderBy('order_id').select('order_id')).map((r) => Number(r.order_id))).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11]);
    expect((await db('shipments').orderBy('order_id').select('order_id')).map((r) => Number(r.order_id))).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11]);
  });

  it('keeps closed orders forever with RETENTION_ORDER_DAYS=0', async () => {
    await addStore('s1');
    await addOrder('s1', 5, 'shipped', T0 - 3000 * DAY);
    const report = await runRetention(deps({ RETENTION_ORDER_DAYS: '0' }), { batchSize: 500, maxBatches: 50, ...noPause });
    expect(report.closedOrders).toBe(0);
    expect(await db('orders').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it("deletes an uninstalled store's data only after the grace period, every table, and leaves other stores alone", async () => {
    await addStore('gone', 'uninstalled', T0 - 29 * DAY);
    await addStore('kept');
    for (const hash of ['gone', 'kept']) {
      await addEvents(hash, T0 - DAY, 3);
      await addLog(hash, T0 - DAY);
      await addOrder(hash, 1, 'waiting', T0 - DAY);
      await db('store_settings').insert({ store_hash: hash, webhook_secret_enc: 'x', updated_at: T0 });
      await db('sku_mappings').insert({ store_hash: hash, bc_sku: 'A', backend_sku: 'B', updated_at: T0 });
      await db('jobs').insert({ store_hash: hash, kind: 'k', state: 'dead', max_attempts: 1, run_at: T0, created_at: T0, updated_at: T0 });
      await db('inventory_items').insert({ store_hash: hash, sku: 'A', location_id: 1, backend_sku: 'B', available: 1, status: 'synced', updated_at: T0 });
    }
    await db('users').insert([
      { id: 1, email: 'only-gone@example.com', updated_at: T0 },
      { id: 2, email: 'both@example.com', updated_at: T0 },
    ]);
    await db('store_members').insert([
      { store_hash: 'gone', user_id: 1, role: 'owner', created_at: T0 },
      { store_hash: 'gone', user_id: 2, role: 'user', created_at: T0 },
      { store_hash: 'kept', user_id: 2, role: 'owner', created_at: T0 },
    ]);
    const keptBefore = await rowsOf('kept');
    const goneBefore = await rowsOf('gone');

    // Inside the grace period: nothing of it goes (its recent rows are within every other period too).
    let report = await runRetention(deps(), { batchSize: 2, maxBatches: 100, ...noPause });
    expect(report.storesDeleted).toBe(0);
    expect(await rowsOf('gone')).toEqual(goneBefore);

    clock.advance(2 * DAY);
    report = await runRetention(deps(), { batchSize: 2, maxBatches: 100, ...noPause });

    expect(report).toMatchObject({ storesDeleted: 1, complete: true });
    expect(await rowsOf('gone')).toEqual({});
    expect(await rowsOf('kept')).toEqual(keptBefore);
    expect((await db('users').select('id')).map((r) => Number(r.id))).toEqual([2]);
  });

  it("keeps a reinstalled store's data, also when the reinstall lands in the middle of a purge", async () => {
    await addStore('back', 'uninstalled', T0 - 40 * DAY);
    await db('stores').where({ hash: 'back' }).update({ status: 'installed', uninstalled_at: null });
    await addEvents('back', T0 - DAY, 2);
    await runRetention(deps(), { batchSize: 500, maxBatches: 50, ...noPause });
    expect(await rowsOf('back')).toMatchObject({ stores: 1, webhook_events: 2 });

    // Expired when listed, reinstalled before the next batch: the statement itself re-checks.
    await db('stores')
      .where({ hash: 'back' })
      .update({ status: 'uninstalled', uninstalled_at: T0 - 40 * DAY });
    const repo = new RetentionRepo(db);
    expect(await repo.expiredStores(T0 - 30 * DAY)).toEqual(['back']);
    await db('stores').where({ hash: 'back' }).update({ status: 'installed', uninstalled_at: null });
    expect(await repo.deleteStoreRows('webhook_events', 'back', T0 - 30 * DAY, 500)).toBe(0);
    expect(await repo.deleteStore('back', T0 - 30 * DAY)).toBe(false);
    expect(await rowsOf('back')).toMatchObject({ stores: 1, webhook_events: 2 });
  });

  it('deletes in bounded batches with a pause between them, and queues a follow-up run when rows are left', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 40 * DAY, 25);
    const repo = new RetentionRepo(db);
    const perStatement: number[] = [];
    const counting = Object.assign(Object.create(repo) as RetentionRepo, {
      deleteWebhookEventsBefore: async (cutoff: number, limit: number) => {
        const n = await repo.deleteWebhookEventsBefore(cutoff, limit);
        perStatement.push(n);
        return n;
      },
    });
    let pauses = 0;
    const limits = { batchSize: 4, maxBatches: 3, pause: async () => void pauses++ };

    const first = await runRetention({ ...deps(), retention: counting }, limits);

    expect(perStatement).toEqual([4, 4, 4]);
    expect(pauses).toBe(3);
    expect(first).toMatchObject({ webhookEvents: 12, batches: 3, complete: false });
    const followUp = await db('jobs').where({ kind: JOB.retention, state: 'pending' }).first();
    expect(followUp).toMatchObject({ store_hash: SYSTEM_STORE, dedupe_key: 'retention', run_at: T0 + RETENTION_FOLLOW_UP_MS });

    await db('jobs').delete();
    const second = await runRetention({ ...deps(), retention: counting }, { ...limits, maxBatches: 10 });
    expect(second).toMatchObject({ webhookEvents: 13, complete: true });
    expect(Math.max(...perStatement)).toBe(4);
    expect(await db('jobs').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('stops between statements when the worker aborts the run, without queuing a follow-up', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 40 * DAY, 10);
    const abort = new AbortController();
    const report = await runRetention(deps(), { batchSize: 2, maxBatches: 100, pause: async () => abort.abort(), signal: abort.signal });
    expect(report).toMatchObject({ webhookEvents: 2, batches: 1, complete: false });
    expect(await db('jobs').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('is a job the worker can run', async () => {
    await addStore('s1');
    await addEvents('s1', T0 - 40 * DAY, 2);
    const s = buildServices({ config: testConfig(), db, logger: logs.logger, clock, clientDir: '/nonexistent' });
    const handler = jobHandlers(s)[JOB.retention];
    expect(handler).toBeDefined();
    await handler!(
      {
        id: 1,
        storeHash: SYSTEM_STORE,
        kind: JOB.retention,
        payload: null,
        dedupeKey: 'retention',
        state: 'running',
        attempts: 1,
        maxAttempts: 3,
        runAt: T0,
        lastError: null,
        createdAt: T0,
        updatedAt: T0,
      } as never,
      { signal: new AbortController().signal },
    );
    expect(await db('webhook_events').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('is queued by the scheduler at boot, one pending run at a time', async () => {
    const s = buildServices({ config: testConfig(), db, logger: logs.logger, clock, clientDir: '/nonexistent' });
    const stop = startScheduler(s);
    try {
      await vi.waitFor(async () => expect(await db('jobs').where({ kind: JOB.retention }).count({ n: '*' })).toEqual([{ n: 1 }]));
    } finally {
      await stop();
    }
    await requestRetention(s);
    expect(await db('jobs').where({ kind: JOB.retention, state: 'pending', store_hash: SYSTEM_STORE }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('STORE_TABLES names every table keyed by store_hash', async () => {
    expect([...STORE_TABLES].sort()).toEqual(await storeKeyedTables());
  });
});
