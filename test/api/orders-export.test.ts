import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import supertest from 'supertest';
import { csvCell, EXPORT_MAX_ROWS, exportOrders } from '../../server/api/orders-export.js';
import { csvRecords } from '../../server/api/csv-records.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { seedOrders } from './seed-orders.js';

// Issue 8 point 6: CSV export of the current filter.
let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
  await seedOrders(t.db, [
    {
      orderId: 401,
      state: 'rejected',
      customer: '=HYPERLINK("http://evil.example","Click")',
      email: '+1@example.com',
      date: '2026-11-30T10:40:00.123Z',
      bcStatus: 'Awaiting Fulfillment',
      backendOrderId: '-WH-401',
      lastError: 'Address "line 2", too long\nsecond line',
      attentionCode: 'warehouse_rejected',
      updatedAt: Date.parse('2026-11-30T11:00:00Z'),
    },
    { orderId: 402, state: 'shipped', customer: '@SUM(A1:A2)', email: null, date: '2026-11-29T08:00:00Z', backendOrderId: 'WH-402' },
    { orderId: 403, state: 'partially_shipped', customer: 'Zoë Ångström', date: '2026-11-30T09:00:00Z' },
  ]);
});
afterAll(() => t.close());

const csv = (query = '') =>
  t
    .api('get', `/api/orders/export.csv${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });

describe('GET /api/orders/export.csv', () => {
  it('answers a UTF-8 CSV attachment with the header row, newest first, formulas neutralised', async () => {
    const res = await csv();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['x-truncated']).toBeUndefined();
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = (await csvRecords(text)).map((r) => r.fields);
    expect(records[0]).toEqual(['order', 'date', 'customer', 'email', 'state', 'BigCommerce status', 'warehouse reference', 'last error', 'updated']);
    expect(records.slice(1)).toEqual([
      ['403', '2026-11-30T09:00:00Z', 'Zoë Ångström', 'c403@example.com', 'Partially shipped', '', '', '', '2026-11-30T12:00:00Z'],
      ['402', '2026-11-29T08:00:00Z', "'@SUM(A1:A2)", '', 'Shipped', '', 'WH-402', '', '2026-11-30T12:00:00Z'],
      [
        '401',
        '2026-11-30T10:40:00Z',
        `'=HYPERLINK("http://evil.example","Click")`,
        "'+1@example.com",
        'Rejected by warehouse',
        'Awaiting Fulfillment',
        "'-WH-401",
        'Address "line 2", too long\nsecond line',
        '2026-11-30T11:00:00Z',
      ],
    ]);
  });

  it('exports the list filter (state, search, dates)', async () => {
    const ids = async (q: string) => (await csvRecords((await csv(q)).body as string)).slice(1).map((r) => r.fields[0]);
    expect(await ids('?state=attention')).toEqual(['401']);
    expect(await ids('?search=zo%C3%AB')).toEqual(['403']);
    expect(await ids('?from=2026-11-30&to=2026-11-30')).toEqual(['403', '401']);
  });

  it('answers 400 JSON for a bad filter, not an order number error', async () => {
    const res = await t.api('get', '/api/orders/export.csv?from=soon');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('from');
  });

  it('stops at the row limit and says so', async () => {
    expect(EXPORT_MAX_ROWS).toBe(10_000);
    // The route's handler with a limit of 2 (10,000 rows would make a slow test).
    const app = express();
    app.use((_req, res, next) => {
      res.locals.session = { storeHash: STORE };
      next();
    });
    app.get('/export.csv', exportOrders(t.app.services, 2));
    const res = await supertest(app).get('/export.csv');
    expect(res.headers['x-truncated']).toBe('true');
    expect(res.headers['x-row-count']).toBe('2');
    expect((await csvRecords(res.text)).map((r) => r.fields[0])).toEqual(['order', '403', '402']);
    const all = await supertest(app).get('/export.csv?state=attention');
    expect(all.headers['x-truncated']).toBeUndefined();
    expect(all.headers['x-row-count']).toBe('1');
  });
});

describe('csvCell', () => {
  it('quotes what needs quoting and prefixes what a spreadsheet would run', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('-1,5')).toBe(`"'-1,5"`);
  });
});
