import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderFulfillmentDetail } from '../../server/api/contract.js';
import { controlPanelOrderUrl } from '../../server/api/order-detail.js';
import type { OrderDetails } from '../../server/storage/orders-repo.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { seedOrders } from './seed-orders.js';

// Issue 8 point 5: an order page a merchant can work from, read from the database alone.
let t: SignedInApp;
const details: OrderDetails = {
  lines: [{ id: 11, name: 'Red lamp', bcSku: 'LAMP-RED', warehouseSku: 'WH-LAMP-R', quantity: 2, quantityShipped: 1 }],
  shipTo: [
    {
      consignmentId: 1,
      name: 'Ada Lovelace',
      company: null,
      lines: ['12 St James’s Square', 'London SW1Y 4JH', 'United Kingdom'],
      email: 'ada@analytical.example',
      phone: null,
      shippingMethod: 'Flat Rate',
      mappedMethod: null,
      lineIds: [11],
    },
  ],
};
const seenAt = Date.parse('2026-11-30T10:40:00Z');

beforeAll(async () => {
  t = await signedInBareApp();
  await seedOrders(t.db, [
    {
      orderId: 301,
      state: 'needs_attention',
      attentionCode: 'unmapped_shipping_method',
      attentionSubject: 'Flat Rate',
      attentionReason: 'Shipping method "Flat Rate" has no mapping.',
      bcStatusId: 11,
      bcStatus: 'Awaiting Fulfillment',
      bcStatusSeenAt: seenAt,
      details,
    },
    { orderId: 302, state: 'failed', attentionCode: 'out_of_retries', attempts: 20, lastError: 'The warehouse did not answer.' },
  ]);
});
afterAll(() => t.close());

const detail = async (orderId: number): Promise<OrderDetail & OrderFulfillmentDetail> => {
  const res = await t.api('get', `/api/orders/${orderId}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /api/orders/:id', () => {
  it('carries the remedy, Retry only where it helps, the status as last seen, the lines and the address', async () => {
    const calls = t.app.services.bigcommerce.forStore;
    let bcCalls = 0;
    t.app.services.bigcommerce.forStore = (h) => {
      bcCalls += 1;
      return calls(h);
    };
    const d = await detail(301);
    t.app.services.bigcommerce.forStore = calls;
    expect(bcCalls).toBe(0);
    expect(d.remedy).toMatchObject({ code: 'unmapped_shipping_method', subject: 'Flat Rate', canRetry: false, action: { label: 'Map "Flat Rate"' } });
    expect(d.canRetry).toBe(false);
    expect(d).toMatchObject({ bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', bcStatusSeenAt: '2026-11-30T10:40:00.000Z' });
    expect(d.controlPanelUrl).toBe(`https://store-${STORE}.mybigcommerce.com/manage/orders/301`);
    expect(d.lines).toEqual(details.lines);
    expect(d.shipTo).toEqual(details.shipTo);
  });

  it('offers Retry for an order out of retries, with empty lines when none were kept', async () => {
    const d = await detail(302);
    expect(d.canRetry).toBe(true);
    expect(d.remedy).toMatchObject({ code: 'out_of_retries', canRetry: true });
    expect(d).toMatchObject({ lines: [], shipTo: [], bcStatusId: null, bcStatusSeenAt: null, attempts: 20 });
  });

  it('folds repeated timeline entries and keeps the rest apart', async () => {
    const at = (min: number) => Date.parse('2026-11-30T10:40:00Z') + min * 60_000;
    const log = (message: string, min: number, level: 'info' | 'warn' | 'error' = 'warn', detail: string | null = 'HTTP 503') =>
      t.app.services.syncLog.append({ storeHash: STORE, orderId: 302, flow: 'orders', level, message, detail }, at(min));
    await log('Received', 0, 'info', null);
    for (let i = 0; i < 7; i++) await log('The warehouse is unavailable; will retry', i + 1);
    await log('The warehouse is unavailable; will retry', 9, 'warn', 'HTTP 502');
    await log('Gave up', 10, 'error', null);
    await log('Gave up', 11, 'error', null);
    const d = await detail(302);
    expect(d.timeline.map(({ message, detail, count, at, lastAt }) => ({ message, detail, count, at, lastAt }))).toEqual([
      { message: 'Received', detail: null, count: 1, at: '2026-11-30T10:40:00.000Z', lastAt: '2026-11-30T10:40:00.000Z' },
      { message: 'The warehouse is unavailable; will retry', detail: 'HTTP 503', count: 7, at: '2026-11-30T10:41:00.000Z', lastAt: '2026-11-30T10:47:00.000Z' },
      { message: 'The warehouse is unavailable; will retry', detail: 'HTTP 502', count: 1, at: '2026-11-30T10:49:00.000Z', lastAt: '2026-11-30T10:49:00.000Z' },
      { message: 'Gave up', detail: null, count: 2, at: '2026-11-30T10:50:00.000Z', lastAt: '2026-11-30T10:51:00.000Z' },
    ]);
    // Activity keeps every entry.
    const activity = await t.api('get', '/api/activity?orderId=302&limit=100');
    expect(activity.body.total).toBe(11);
  });
});

describe('controlPanelOrderUrl', () => {
  it('encodes a store hash that is not a plain name', () => {
    expect(controlPanelOrderUrl('a/b', 7)).toBe('https://store-a%2Fb.mybigcommerce.com/manage/orders/7');
  });
});
