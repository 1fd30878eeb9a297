import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryPlansOf } from '../helpers/query-plans.js';
import { down as dropRetentionIndexes, up as addRetentionIndexes } from '../../migrations/006_retention.js';
import { down as dropHistorySourceIndexes, up as addHistorySourceIndexes } from '../../migrations/017_history_source.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { OrdersQuery } from '../../server/storage/orders-query.js';
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

const plansOf = (run: () => Promise<unknown>) => queryPlansOf(db, run);

/** Every statement searches the named index and none sorts in a temporary B-tree or scans a table. */
function expectServedBy(plans: string[], index: string | RegExp) {
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) {
    if (typeof index === 'string') expect(plan).toContain(index);
    else expect(plan).toMatch(index);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN (webhook_events|sync_log|orders)\b/);
  }
}

/** Events of both sources over ten orders, so the page queries run too (they do only when rows match). */
async function seedBothSources() {
  await db.batchInsert(
    'webhook_events',
    Array.from({ length: 300 }, (_, i) => {
      const warehouse = i % 3 === 0;
      return {
        store_hash: 's1',
        source: warehouse ? 'fulfillment' : 'bigcommerce',
        event_id: `e${i}`,
        dedupe_key: `e${i}`,
        topic: warehouse ? 'shipment.created' : 'store/order/created',
        resource_id: String(i % 10),
        payload: '{}',
        status: i % 7 ? 'processed' : 'failed',
        received_at: i,
      };
    }),
    100,
  );
}

describe('list queries use the indexes at scale', () => {
  const events = () => new WebhookEventsRepo(db);
  const log = () => new SyncLogRepo(db);
  const orders = () => new OrdersQuery(db);

  it('Webhook history: status filter, topic filter, unfiltered and date range', async () => {
    expectServedBy(await plansOf(() => events().list('s1', { status: 'failed' }, 1, 25)), 'webhook_events_store_status_received');
    expectServedBy(await plansOf(() => events().list('s1', { topic: 'store/order/created' }, 1, 25)), 'webhook_events_store_topic_received');
    expectServedBy(await plansOf(() => events().list('s1', {}, 1, 25)), 'webhook_events_store_hash_received_at_index');
    expectServedBy(await plansOf(() => events().list('s1', { from: 1, to: 2 }, 1, 25)), 'webhook_events_store_hash_received_at_index');
  });

  it('Webhook history by source (issue 8): alone, with a status and with a date range', async () => {
    await seedBothSources();
    expectServedBy(await plansOf(() => events().list('s1', { source: 'fulfillment' }, 1, 25)), /webhook_events_store_source_(status_)?received/);
    expectServedBy(await plansOf(() => events().list('s1', { source: 'fulfillment', status: 'failed' }, 1, 25)), 'webhook_events_store_source_status_received');
    expectServedBy(await plansOf(() => events().list('s1', { source: 'bigcommerce', from: 1, to: 50 }, 1, 25)), /webhook_events_store_(source_)?(hash_)?received/);
    // A topic names its source: the topic index serves it, and the other source matches nothing.
    expectServedBy(await plansOf(() => events().list('s1', { source: 'bigcommerce', topic: 'store/order/created' }, 1, 25)), 'webhook_events_store_topic_received');
    expect(await plansOf(() => events().list('s1', { source: 'fulfillment', topic: 'store/order/created' }, 1, 25))).toEqual([]);
  });

  it("Webhook history by order (issue 8): the order's events are a seek, whatever else is filtered", async () => {
    await seedBothSources();
    const cases = [
      {},
      { status: 'processed' as const },
      { source: 'bigcommerce' as const },
      { source: 'fulfillment' as const, status: 'failed' as const },
      { topic: 'shipment.created' },
      { from: 1, to: 50 },
    ];
    for (const f of cases) {
      const plans = await plansOf(() => events().list('s1', { orderId: 5, ...f }, 1, 25));
      expect(plans.length, JSON.stringify(f)).toBeGreaterThan(0);
      // Only one order's rows are sorted (a temporary B-tree over a few events is fine).
      for (const plan of plans) {
        expect(plan, JSON.stringify(f)).toContain('webhook_events_store_source_resource');
        expect(plan, JSON.stringify(f)).not.toMatch(/SCAN webhook_events\b/);
      }
    }
  });

  it("The flows settling an order's open events seek the order's index, not the source/status one", async () => {
    await seedBothSources();
    const seen: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
    db.on('query', listener);
    await events().settleForResource('s1', 'bigcommerce', '5', 'processed', null, 100, 100);
    await events().pendingNewStatuses('s1', 5);
    await events().newestStatusHeard('s1', 5, 0);
    db.off('query', listener);
    expect(seen).toHaveLength(3);
    const heard = seen.pop()!;
    const heardPlan = await db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${heard.sql}`, heard.bindings as never);
    expect(heardPlan.map((r) => r.detail).join(' | ')).toContain(
      'USING INDEX webhook_events_store_source_resource (store_hash=? AND source=? AND resource_id=? AND status=? AND received_at>?)',
    );
    for (const q of seen) {
      const rows = await db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never);
      expect(rows.map((r) => r.detail).join(' | ')).toContain('USING INDEX webhook_events_store_source_resource (store_hash=? AND source=? AND resource_id=? AND status=?');
    }
  });

  it('Webhook topics seek the topic index instead of reading every event', async () => {
    await db('webhook_events').insert(
      ['b', 'a', 'b', 'c'].map((topic, i) => ({
        store_hash: i === 3 ? 's2' : 's1',
        source: 'bigcommerce',
        event_id: `e${i}`,
        dedupe_key: `e${i}`,
        topic,
        payload: '{}',
        status: 'processed',
        received_at: i,
      })),
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

  it('Orders: state filter is ordered by the new index, and so are the pill counts', async () => {
    await db('orders').insert({ store_hash: 's1', order_id: 1, state: 'shipped', customer: 'A', created_at: 1, updated_at: 1 });
    expectServedBy(await plansOf(() => orders().list('s1', { state: 'shipped' }, 1, 25)), 'orders_store_state_order');
  });

  it('Orders: a date range seeks the order-date index', async () => {
    const plans = await plansOf(() => orders().counts('s1', { from: 1, to: 2 }));
    expect(plans.join(' ')).toContain('orders_store_order_date');
  });
});

describe('migration 006', () => {
  it('adds its indexes and removes exactly them on the way down', async () => {
    const indexes = async () => (await db.raw<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)).map((r) => r.name);
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

describe('migration 017', () => {
  it('adds the source and order indexes in place of the (store_hash, source, resource_id) one, and back', async () => {
    const indexes = async () =>
      (await db.raw<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'webhook_events' AND sql IS NOT NULL ORDER BY name`)).map(
        (r) => r.name,
      );
    const all = await indexes();
    await dropHistorySourceIndexes(db);
    const without = await indexes();
    expect(all.filter((n) => !without.includes(n)).sort()).toEqual([
      'webhook_events_store_source_received',
      'webhook_events_store_source_resource',
      'webhook_events_store_source_status_received',
    ]);
    expect(without.filter((n) => !all.includes(n))).toEqual(['webhook_events_store_hash_source_resource_id_index']);
    await addHistorySourceIndexes(db);
    expect(await indexes()).toEqual(all);
  });
});
