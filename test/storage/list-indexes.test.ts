import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { down as dropRetentionIndexes, up as addRetentionIndexes } from '../../migrations/006_retention.js';
import { LIST_CAP } from '../../server/storage/capped-list.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { OrdersRepo } from '../../server/storage/orders-repo.js';
import { SyncLogRepo } from '../../server/storage/sync-log-repo.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';

let db: Db;
beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

/** The query plans of every SELECT that `run` sends (the repos' real SQL, with its bindings). */
async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*(select|with)/i.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  db.on('query', listener);
  try {
    await run();
  } finally {
    db.off('query', listener);
  }
  const plans: string[] = [];
  for (const q of seen) {
    const rows = (await db.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never)) as Array<{ detail: string }>;
    plans.push(rows.map((r) => r.detail).join(' | '));
  }
  return plans;
}

/** Every statement searches the named index and none sorts in a temporary B-tree or scans a table. */
function expectServedBy(plans: string[], index: string | RegExp) {
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) {
    if (typeof index === 'string') expect(plan).toContain(index);
    else expect(plan).toMatch(index);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN (webhook_events|sync_log|orders)\b/);
  }
}

describe('list queries use the indexes at scale', () => {
  const events = () => new WebhookEventsRepo(db);
  const log = () => new SyncLogRepo(db);
  const orders = () => new OrdersRepo(db);

  it('Webhook history: status filter, topic filter, unfiltered and date range', async () => {
    expectServedBy(await plansOf(() => events().list('s1', { status: 'failed' }, 1, 25)), 'webhook_events_store_status_received');
    expectServedBy(await plansOf(() => events().list('s1', { topic: 'store/order/created' }, 1, 25)), 'webhook_events_store_topic_received');
    expectServedBy(await plansOf(() => events().list('s1', {}, 1, 25)), 'webhook_events_store_hash_received_at_index');
    expectServedBy(await plansOf(() => events().list('s1', { from: 1, to: 2 }, 1, 25)), 'webhook_events_store_hash_received_at_index');
  });

  it('Webhook topics seek the topic index instead of reading every event', async () => {
    await db('webhook_events').insert(
      ['b', 'a', 'b', 'c'].map((topic, i) => ({ store_hash: i === 3 ? 's2' : 's1', source: 'bigcommerce', event_id: `e${i}`, dedupe_key: `e${i}`, topic, payload: '{}', status: 'processed', received_at: i })),
    );
    expect(await events().topics('s1')).toEqual(['a', 'b']);
    expect(await events().topics('none')).toEqual([]);
    const plans = await plansOf(() => events().topics('s1'));
    expect(plans.join(' ')).toContain('webhook_events_store_topic_received');
    expect(plans.join(' ')).not.toMatch(/DISTINCT|TEMP B-TREE/);
  });

  it('Activity: level filter, order filter, unfiltered', async () => {
    expectServedBy(await plansOf(() => log().list('s1', { level: 'error' }, 1, 25)), 'sync_log_store_level_at');
    expectServedBy(await plansOf(() => log().list('s1', { orderId: 5 }, 1, 25)), 'sync_log_store_hash_order_id_at_index');
    // The count may walk any covering index starting with store_hash; the page must not sort.
    expectServedBy(await plansOf(() => log().list('s1', {}, 1, 25)), /INDEX sync_log_store_/);
  });

  it('Orders: state filter is ordered by the new index', async () => {
    expectServedBy(await plansOf(() => orders().list('s1', { state: 'shipped' }, 1, 25)), 'orders_store_state_order');
  });
});

describe('migration 006', () => {
  it('adds its indexes and removes exactly them on the way down', async () => {
    const indexes = async () =>
      ((await db.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)) as Array<{ name: string }>).map((r) => r.name);
    const all = await indexes();
    await dropRetentionIndexes(db);
    const without = await indexes();
    expect(all.filter((n) => !without.includes(n)).sort()).toEqual([
      'orders_store_state_order',
      'sync_log_at',
      'sync_log_store_level_at',
      'webhook_events_duplicate_of',
      'webhook_events_received',
      'webhook_events_store_status_received',
      'webhook_events_store_topic_received',
    ]);
    await addRetentionIndexes(db);
    expect(await indexes()).toEqual(all);
  });
});

describe('capped totals', () => {
  it(`counts up to ${LIST_CAP}, flags the rest and serves no page beyond it`, async () => {
    const rows = Array.from({ length: LIST_CAP + 5 }, (_, i) => ({ store_hash: 's1', flow: 'orders', level: 'info', message: `m${i}`, at: i }));
    await db.batchInsert('sync_log', rows, 500);
    const repo = new SyncLogRepo(db);

    const first = await repo.list('s1', {}, 1, 25);
    expect(first).toMatchObject({ total: LIST_CAP, totalCapped: true });
    expect(first.items[0]?.message).toBe(`m${LIST_CAP + 4}`);
    const last = await repo.list('s1', {}, LIST_CAP / 25, 25);
    expect(last.items).toHaveLength(25);
    expect(await repo.list('s1', {}, LIST_CAP / 25 + 1, 25)).toMatchObject({ items: [], total: LIST_CAP, totalCapped: true });
    // A page straddling the cap is cut at it.
    expect((await repo.list('s1', {}, 2, 9_999)).items).toHaveLength(1);

    expect(await repo.list('s1', { level: 'error' }, 1, 25)).toMatchObject({ items: [], total: 0, totalCapped: false });
    await db('sync_log').where('at', '<', 6).delete();
    expect(await repo.list('s1', {}, 1, 25)).toMatchObject({ total: LIST_CAP - 1, totalCapped: false });
  });
});
