import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkRetryResponse } from '../../server/api/contract.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { seedOrders } from './seed-orders.js';

// Issue 8 points 4 and 6: Retry only where it helps (409 with the reason otherwise), and bulk
// Retry from the list with the skipped orders and why.
let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
  await seedOrders(t.db, [
    { orderId: 201, state: 'failed', attentionCode: 'out_of_retries', attempts: 20, lastError: 'The warehouse did not answer.' },
    {
      orderId: 202,
      state: 'needs_attention',
      attentionCode: 'unmapped_shipping_method',
      attentionSubject: 'Flat Rate',
      attentionReason: 'Shipping method "Flat Rate" has no mapping.',
    },
    { orderId: 203, state: 'shipped', backendOrderId: 'WH-203' },
    { orderId: 204, state: 'rejected', attentionCode: 'warehouse_rejected', attentionReason: 'The warehouse rejected the order: address incomplete.' },
    // At the warehouse, with a shipment BigCommerce refused: Retry writes the shipment again.
    { orderId: 205, state: 'needs_attention', attentionCode: 'other', backendOrderId: 'WH-205', attentionReason: 'BigCommerce refused shipment shp_205: no.' },
    { orderId: 206, state: 'failed', attentionCode: 'out_of_retries', attempts: 3 },
    { orderId: 207, state: 'sent', backendOrderId: 'WH-207' },
    { orderId: 208, state: 'failed', attentionCode: 'out_of_retries', attempts: 3, store: 'otherstore' },
  ]);
  await t.db('shipments').insert({
    store_hash: STORE,
    backend_shipment_id: 'shp_205',
    order_id: 205,
    items: '[]',
    state: 'failed',
    error: 'no.',
    created_at: 1,
    updated_at: 1,
  });
});
afterAll(() => t.close());

const jobsFor = async (orderId: number) =>
  (await t.db('jobs').where({ store_hash: STORE, kind: JOB.orderSync })).map((j) => JSON.parse(String(j.payload))).filter((p) => p.orderId === orderId);
const activity = async (orderId: number) => (await t.db('sync_log').where({ store_hash: STORE, order_id: orderId }).orderBy('id').select('message')).map((r) => String(r.message));
const stateOf = async (orderId: number) => String((await t.db('orders').where({ store_hash: STORE, order_id: orderId }).first()).state);

describe('POST /api/orders/:id/retry', () => {
  it('answers 409 with the remedy when Retry cannot help, and queues nothing', async () => {
    const res = await t.api('post', '/api/orders/202/retry');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('retry_cannot_help');
    expect(res.body.error.message).toMatch(/^Order #202: Retry cannot fix this: Shipping method "Flat Rate" has no warehouse method\. Map it in Settings/);
    expect(await jobsFor(202)).toEqual([]);
    expect(await activity(202)).toEqual([]);
    expect(await stateOf(202)).toBe('needs_attention');
  });

  it('answers 409 for a shipped order', async () => {
    const res = await t.api('post', '/api/orders/203/retry');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Order #203: Nothing to retry: it has shipped.');
  });

  it('queues an order that ran out of retries: state "queued", one job, one Activity line', async () => {
    const res = await t.api('post', '/api/orders/201/retry');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orderId: 201, state: 'queued', attempts: 0, lastError: null, remedy: null, canRetry: false });
    expect(await jobsFor(201)).toEqual([{ orderId: 201, recheck: true }]);
    expect(await activity(201)).toEqual(['Retry requested.']);
  });

  it('answers 404 for an order of another store', async () => {
    expect((await t.api('post', '/api/orders/208/retry')).status).toBe(404);
  });
});

describe('POST /api/orders/retry (bulk)', () => {
  it('queues the orders Retry helps and lists the others with the reason', async () => {
    const res = await t.api('post', '/api/orders/retry', { orderIds: [204, 202, 205, 206, 203, 207, 208, 999, 206] });
    expect(res.status).toBe(200);
    const body = res.body as BulkRetryResponse;
    expect(body.retried).toBe(3);
    expect(body.skipped).toEqual([
      { orderId: 202, reason: expect.stringMatching(/^Retry cannot fix this: Shipping method "Flat Rate"/) },
      { orderId: 203, reason: 'Nothing to retry: it has shipped.' },
      { orderId: 207, reason: 'Nothing to retry: it is already at the warehouse.' },
      { orderId: 208, reason: 'Order #208 has not been seen by the app.' },
      { orderId: 999, reason: 'Order #999 has not been seen by the app.' },
    ]);
    for (const id of [204, 205, 206]) expect(await jobsFor(id), `order ${id}`).toEqual([{ orderId: id, recheck: true }]);
    for (const id of [202, 203, 207]) expect(await jobsFor(id), `order ${id}`).toEqual([]);
    expect(await activity(204)).toEqual(['Retry requested.']);
    expect(await activity(206)).toEqual(['Retry requested.']); // named twice, retried once
    expect(await activity(205)).toEqual(['Retry requested. The failed shipment is sent to BigCommerce again.']);
    const shipmentJobs = await t.db('jobs').where({ store_hash: STORE, kind: JOB.shipmentRetry });
    expect(shipmentJobs.map((j) => JSON.parse(String(j.payload)))).toEqual([{ backendShipmentId: 'shp_205' }]);
    expect(await stateOf(204)).toBe('queued');
    expect(await stateOf(206)).toBe('queued');
    // Already at the warehouse: only its shipment is written again, the order keeps its state.
    expect(await stateOf(205)).toBe('needs_attention');
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['no body', undefined, /orderIds: must be a list of order numbers/],
    ['an empty list', { orderIds: [] }, /orderIds: name at least one order/],
    ['101 orders', { orderIds: Array.from({ length: 101 }, (_, i) => i + 1) }, /orderIds: at most 100 orders at once/],
    ['a string id', { orderIds: ['12'] }, /orderIds\.0: must be order numbers/],
    ['a negative id', { orderIds: [-1] }, /orderIds\.0: must be positive/],
    ['a fraction', { orderIds: [1.5] }, /orderIds\.0: must be whole numbers/],
  ];
  for (const [what, body, message] of bad) {
    it(`answers 400 for ${what}`, async () => {
      const res = await t.api('post', '/api/orders/retry', body as object | undefined);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });
  }
});
