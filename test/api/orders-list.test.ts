import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdersListResponse } from '../../server/api/contract.js';
import { signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { seedOrders } from './seed-orders.js';

// Issue 8 point 6: search by number, name, e-mail and SKU; state (and "attention") and date
// filters; counts for the filter pills; readable 400s.
let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
  await seedOrders(t.db, [
    { orderId: 101, state: 'sent', customer: 'Ada Lovelace', email: 'ada@analytical.example', skus: 'lamp-red wh-lamp-r', date: '2026-11-29T23:59:59.999Z' },
    { orderId: 102, state: 'needs_attention', customer: 'Grace Hopper', email: 'grace@navy.example', skus: 'mug-blue', date: '2026-11-30T00:00:00Z' },
    { orderId: 103, state: 'rejected', customer: 'Linus Torvalds', email: 'linus@kernel.example', skus: 'floor-lamp', date: '2026-11-30T10:40:00Z' },
    { orderId: 104, state: 'failed', customer: 'Margaret Hamilton', email: 'mh@apollo.example', skus: 'lamp-blue', date: '2026-11-30T23:59:59.999Z' },
    { orderId: 105, state: 'shipped', customer: 'Ken 50%_off', email: null, skus: null, date: '2026-12-01T00:00:00Z' },
    { orderId: 106, state: 'retrying', customer: 'Émile Zola', email: 'EMILE@Example.com', skus: 'book-1', date: null },
    { orderId: 1231, state: 'sent', customer: 'Number Lookalike 123', date: '2026-11-30T12:00:00Z' },
    // Another store's order matching every search: never listed nor counted.
    { orderId: 123, store: 'otherstore', state: 'needs_attention', customer: 'Ada Lovelace', email: 'ada@analytical.example', skus: 'lamp-red', date: '2026-11-30T12:00:00Z' },
  ]);
});
afterAll(() => t.close());

const list = async (query: string): Promise<OrdersListResponse> => {
  const res = await t.api('get', `/api/orders${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as OrdersListResponse;
};
const ids = async (query: string) => (await list(query)).items.map((o) => o.orderId);

describe('GET /api/orders search', () => {
  it('finds an order by its number, with or without "#"', async () => {
    expect(await ids('?search=%23104')).toEqual([104]);
    expect(await ids('?search=104')).toEqual([104]);
    // A number is an order number, not part of a name ("Number Lookalike 123").
    expect(await ids('?search=123')).toEqual([]);
  });

  it('finds part of the customer name or e-mail, ignoring case', async () => {
    expect(await ids('?search=hopper')).toEqual([102]);
    expect(await ids('?search=LOVE')).toEqual([101]);
    expect(await ids('?search=apollo.example')).toEqual([104]);
    expect(await ids('?search=emile%40example')).toEqual([106]);
    expect(await ids('?search=%20Zola%20')).toEqual([106]);
  });

  it('finds the start of a SKU (BigCommerce or warehouse), not its middle', async () => {
    expect(await ids('?search=LAMP')).toEqual([104, 101]);
    expect(await ids('?search=lamp-red')).toEqual([101]);
    expect(await ids('?search=wh-lamp')).toEqual([101]);
    expect(await ids('?search=-lamp')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await ids('?search=50%25_')).toEqual([105]);
    expect(await ids('?search=%25')).toEqual([105]);
    expect(await ids('?search=_')).toEqual([105]);
  });
});

describe('GET /api/orders filters and counts', () => {
  it('"attention" lists needs attention, rejected and failed, newest first', async () => {
    const r = await list('?state=attention');
    expect(r.items.map((o) => [o.orderId, o.state])).toEqual([
      [104, 'failed'],
      [103, 'rejected'],
      [102, 'needs_attention'],
    ]);
    expect(r.total).toBe(3);
  });

  it('a date covers its whole UTC day, both ends included', async () => {
    expect(await ids('?from=2026-11-30&to=2026-11-30')).toEqual([1231, 104, 103, 102]);
    expect(await ids('?from=2026-11-30')).toEqual([1231, 105, 104, 103, 102]);
    expect(await ids('?to=2026-11-29')).toEqual([101]);
  });

  it('alert=1 lists only orders with an open alert (the Overview links there)', async () => {
    await t.db('orders').where({ store_hash: 'abc123', order_id: 103 }).update({ alert: 'Cancelled in BigCommerce but already shipped' });
    try {
      expect(await ids('?alert=1')).toEqual([103]);
      expect((await ids('?alert=0')).length).toBeGreaterThan(1);
    } finally {
      await t.db('orders').where({ store_hash: 'abc123', order_id: 103 }).update({ alert: null });
    }
  });

  it('instants bound the range exactly', async () => {
    expect(await ids('?from=2026-11-30T10:40:00Z&to=2026-11-30T12:00:00Z')).toEqual([1231, 103]);
    // An offset is honoured; no offset means UTC.
    expect(await ids('?from=2026-11-30T11:40:00%2B01:00&to=2026-11-30T10:40')).toEqual([103]);
  });

  it('counts every state for the same search and dates, whatever the state filter', async () => {
    const r = await list('?state=shipped&from=2026-11-30&to=2026-12-01');
    expect(r.items.map((o) => o.orderId)).toEqual([105]);
    expect(r.total).toBe(1);
    expect(r.counts).toEqual({
      all: 5,
      attention: 3,
      waiting: 0,
      queued: 0,
      retrying: 0,
      sent: 1,
      partially_shipped: 0,
      shipped: 1,
      cancelled: 0,
      held: 0,
      skipped: 0,
      rejected: 1,
      needs_attention: 1,
      failed: 1,
    });
    const searched = await list('?search=lamp');
    expect(searched.counts).toMatchObject({ all: 2, sent: 1, failed: 1, attention: 1, needs_attention: 0 });
    expect((await list('')).counts).toMatchObject({ all: 7, attention: 3, retrying: 1 });
  });

  it('answers the summary fields of each order', async () => {
    const [o] = (await list('?search=106')).items;
    expect(o).toEqual({
      orderId: 106,
      customer: 'Émile Zola',
      email: 'EMILE@Example.com',
      orderDate: null,
      state: 'retrying',
      bcStatus: null,
      backendOrderId: null,
      lastError: null,
      attempts: 0,
      nextAttemptAt: null,
      updatedAt: '2026-11-30T12:00:00.000Z',
    });
  });

  it('pages through the matches', async () => {
    const first = await list('?limit=2');
    const second = await list('?limit=2&page=2');
    expect(first.items.map((o) => o.orderId)).toEqual([1231, 106]);
    expect(second.items.map((o) => o.orderId)).toEqual([105, 104]);
    expect(second).toMatchObject({ total: 7, totalCapped: false, page: 2, limit: 2 });
    expect((await list('?limit=2&page=5')).items).toEqual([]);
  });
});

describe('GET /api/orders bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['?state=lost', 'state', /must be one of: attention, waiting/],
    ['?page=0', 'page', /whole number from 1 to 100,000/],
    ['?limit=101', 'limit', /whole number from 1 to 100$/],
    ['?from=2026-02-30', 'from', /must be a date \(2026-11-30\)/],
    ['?to=yesterday', 'to', /must be a date/],
    ['?from=2026-11-30T25:00:00Z', 'from', /must be a date/],
    ['?from=2026-12-01&to=2026-11-30', 'to', /must not be before from/],
    [`?search=${'x'.repeat(201)}`, 'search', /at most 200 characters/],
    ['?alert=maybe', 'alert', /must be 1 or 0/],
  ];
  for (const [query, field, message] of cases) {
    it(`${query.slice(0, 40)} → 400 naming ${field}`, async () => {
      const res = await t.api('get', `/api/orders${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.fields[field]).toMatch(message);
      expect(res.body.error.message).toContain(field);
    });
  }
});
