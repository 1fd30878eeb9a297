import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_CAP } from '../../server/storage/capped-list.js';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { OrdersQuery, parseOrderSearch } from '../../server/storage/orders-query.js';
import type { ActivityEntry } from '../../server/api/contract.js';
import { foldRepeats } from '../../server/storage/sync-log-repo.js';

let db: Db;
let closeDb: () => Promise<void>;
beforeEach(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});
afterEach(async () => {
  await closeDb();
});

/** `n` orders 1..n of store s1 in one statement, `state(i)` choosing each one's state. */
async function manyOrders(n: number, stateSql = `'sent'`): Promise<void> {
  await db.raw(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO orders (store_hash, order_id, state, customer, customer_email, created_at, updated_at)
     SELECT 's1', i, ${stateSql}, 'Customer ' || i, 'c' || i || '@example.com', 1, 1 FROM k`,
    [n],
  );
}

describe('OrdersQuery', () => {
  it(`counts every match but pages through at most ${LIST_CAP}`, async () => {
    await manyOrders(LIST_CAP + 5, `CASE WHEN i % 1000 = 0 THEN 'failed' ELSE 'sent' END`);
    const q = new OrdersQuery(db);
    const first = await q.list('s1', {}, 1, 25);
    expect(first).toMatchObject({ total: LIST_CAP, totalCapped: true });
    expect(first.counts).toMatchObject({ all: LIST_CAP + 5, sent: LIST_CAP + 5 - 10, failed: 10, attention: 10 });
    expect(first.items[0]?.orderId).toBe(LIST_CAP + 5);
    expect((await q.list('s1', {}, LIST_CAP / 25, 25)).items).toHaveLength(25);
    expect((await q.list('s1', {}, LIST_CAP / 25 + 1, 25)).items).toEqual([]);
    expect(await q.list('s1', { state: 'attention' }, 1, 25)).toMatchObject({ total: 10, totalCapped: false });
  });

  it('pages a search that matches orders far apart, and one that matches a single order', async () => {
    await manyOrders(500);
    await db('orders').whereIn('order_id', [7, 250, 499]).update({ sku_search: 'lamp-red' });
    await db('orders').where({ order_id: 300 }).update({ state: 'failed' });
    const q = new OrdersQuery(db);
    const ids = async (...args: Parameters<OrdersQuery['list']>) => (await q.list(...args)).items.map((o) => o.orderId);
    expect(await ids('s1', { search: { text: 'lamp' } }, 1, 2)).toEqual([499, 250]);
    expect(await ids('s1', { search: { text: 'lamp' } }, 2, 2)).toEqual([7]);
    // One match: the page reads that order alone, not the store again.
    const pages: unknown[][] = [];
    const listen = (x: { sql: string; bindings?: unknown[] }) => {
      if (/order by/i.test(x.sql)) pages.push(x.bindings ?? []);
    };
    db.on('query', listen);
    expect(await ids('s1', { search: { text: 'c123@' } }, 1, 25)).toEqual([123]);
    db.off('query', listen);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual(expect.arrayContaining([123, 123]));
    expect(await ids('s1', { search: { text: 'customer 4' }, state: 'attention' }, 1, 25)).toEqual([]);
    expect(await ids('s1', { search: { text: 'customer 3' }, state: 'failed' }, 1, 25)).toEqual([300]);
  });

  it('exports newest first, flagging a cut', async () => {
    await manyOrders(3);
    const q = new OrdersQuery(db);
    expect(await q.forExport('s1', {}, 2)).toMatchObject({ rows: [{ orderId: 3 }, { orderId: 2 }], truncated: true });
    expect((await q.forExport('s1', {}, 3)).truncated).toBe(false);
  });
});

describe('parseOrderSearch', () => {
  it('reads an order number with or without "#", anything else as text', () => {
    expect(parseOrderSearch(' #42 ')).toEqual({ orderId: 42 });
    expect(parseOrderSearch('42')).toEqual({ orderId: 42 });
    expect(parseOrderSearch('#')).toEqual({ text: '#' });
    expect(parseOrderSearch('42a')).toEqual({ text: '42a' });
    expect(parseOrderSearch('   ')).toBeUndefined();
  });
});

describe('foldRepeats', () => {
  const entry = (id: number, message: string, over: Partial<ActivityEntry> = {}): ActivityEntry => ({
    id,
    at: new Date(Date.UTC(2026, 10, 30, 10, 40 + id)).toISOString(),
    level: 'warn',
    flow: 'orders',
    orderId: 1,
    message,
    detail: null,
    ...over,
  });

  it('folds only consecutive entries with the same level, message and detail', () => {
    const folded = foldRepeats([
      entry(1, 'failed'),
      entry(2, 'failed'),
      entry(3, 'failed', { level: 'error' }),
      entry(4, 'failed', { level: 'error', detail: 'x' }),
      entry(5, 'sent'),
      entry(6, 'failed'),
    ]);
    expect(folded.map((e) => [e.id, e.level, e.count, e.at.slice(11, 16), e.lastAt.slice(11, 16)])).toEqual([
      [1, 'warn', 2, '10:41', '10:42'],
      [3, 'error', 1, '10:43', '10:43'],
      [4, 'error', 1, '10:44', '10:44'],
      [5, 'warn', 1, '10:45', '10:45'],
      [6, 'warn', 1, '10:46', '10:46'],
    ]);
    expect(folded[0]).not.toHaveProperty('flow');
  });
});
