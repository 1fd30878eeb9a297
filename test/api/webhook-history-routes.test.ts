// Issue 8 point 7: the Webhook history API over both sources (source and order filters) and the
// replay of a stored event (the receiver's own job again, recorded in Activity, refusals in words).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplayResponse, WebhookEventSummary } from '../../server/api/contract.js';
import { signFulfillmentEvent } from '../../server/fulfillment/index.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';
import { OWNER, STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';

const KEY = 'whk_history_key';
let t: SignedInApp;
let clock: FakeClock;
let secret = '';
beforeEach(async () => {
  clock = new FakeClock(Date.now());
  t = await signedInBareApp({ clock });
  secret = (await t.app.services.settings.get(STORE, clock.now())).webhookSecret;
  await t.app.services.settings.saveBackend(STORE, { accountId: 'acc-1', apiKey: KEY, accountName: 'WH', connected: true, error: null }, clock.now());
  await t.db('jobs').delete(); // the install's own jobs (webhook upkeep, store details)
});
afterEach(() => t.close());

async function bigcommerce(scope: string, id: number, hash = randomUUID()) {
  clock.advance(1_000);
  const body = JSON.stringify({ scope, store_id: '1', producer: `stores/${STORE}`, hash, created_at: 1, data: { type: scope.includes('product') ? 'product' : 'order', id } });
  const res = await t.http.post('/webhooks/bigcommerce').set('content-type', 'application/json').set(SECRET_HEADER, secret).send(body);
  expect(res.status).toBe(200);
}

const ref = (orderId: number) => ({ source: 'bigcommerce', store_hash: STORE, order_id: orderId });
const DATA = {
  'shipment.created': (orderId: number) => ({
    order_id: 'WH-1',
    external_ref: ref(orderId),
    shipment_id: `shp-${orderId}`,
    tracking_number: '1Z',
    carrier: 'UPS',
    service: null,
    items: [{ sku: 'A-1', quantity: 1 }],
  }),
  'order.cancelled': (orderId: number) => ({ order_id: 'WH-1', external_ref: ref(orderId), reason: 'Out of stock' }),
  'inventory.updated': () => ({ items: [{ sku: 'A-1', available: 4 }] }),
} as const;

async function warehouse(type: keyof typeof DATA, orderId = 0, id = randomUUID()) {
  clock.advance(1_000);
  const body = JSON.stringify({ id, type, created_at: new Date(clock.now()).toISOString(), data: DATA[type](orderId) });
  const res = await t.http
    .post('/webhooks/fulfillment')
    .set('content-type', 'application/json')
    .set({ 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': signFulfillmentEvent(body, KEY, Math.floor(clock.now() / 1000)) })
    .send(body);
  expect(res.status).toBe(200);
}

const list = async (query: string) => {
  const res = await t.api('get', `/api/webhook-events${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: WebhookEventSummary[]; total: number };
};
const rowIdOf = async (topic: string) => Number((await t.db('webhook_events').where({ topic }).whereNot({ status: 'duplicate' }).orderBy('id', 'desc').first('id')).id);
const pendingJobs = () => t.db('jobs').where({ state: 'pending' }).orderBy('id');
/** As if the worker had run every job: nothing pending, every event settled. */
const settleAll = async () => {
  await t.db('jobs').update({ state: 'done' });
  await t.db('webhook_events').where({ status: 'received' }).update({ status: 'processed', processed_at: 1 });
};
const replay = (id: number) => t.api('post', `/api/webhook-events/${id}/replay`);

describe('GET /api/webhook-events over both sources', () => {
  beforeEach(async () => {
    await bigcommerce('store/order/created', 100);
    await bigcommerce('store/product/updated', 100); // a product #100, not order #100
    await warehouse('shipment.created', 100);
    await warehouse('inventory.updated');
    await bigcommerce('store/order/statusUpdated', 200);
  });

  it('lists both sources, each event with its source and order', async () => {
    const { items, total } = await list('');
    expect(total).toBe(5);
    expect(items.map((e) => [e.topic, e.source, e.orderId])).toEqual([
      ['store/order/statusUpdated', 'bigcommerce', 200],
      ['inventory.updated', 'fulfillment', null],
      ['shipment.created', 'fulfillment', 100],
      ['store/product/updated', 'bigcommerce', null],
      ['store/order/created', 'bigcommerce', 100],
    ]);
  });

  it('filters by source, by order (both sources) and by both with a status', async () => {
    expect((await list('?source=fulfillment')).items.map((e) => e.topic)).toEqual(['inventory.updated', 'shipment.created']);
    expect((await list('?source=bigcommerce')).total).toBe(3);
    expect((await list('?orderId=100')).items.map((e) => e.topic)).toEqual(['shipment.created', 'store/order/created']);
    expect((await list('?orderId=100&source=bigcommerce&status=received')).items.map((e) => e.topic)).toEqual(['store/order/created']);
    expect((await list('?orderId=100&topic=shipment.created')).total).toBe(1);
    // A BigCommerce topic with the warehouse as source matches nothing.
    expect((await list('?source=fulfillment&topic=store/order/created')).total).toBe(0);
    expect((await list('?source=&orderId=&topic=')).total).toBe(5); // blank filters are no filters
  });

  it('lists the topics of both sources', async () => {
    const res = await t.api('get', '/api/webhook-events/topics');
    expect(res.body.topics).toEqual(['inventory.updated', 'shipment.created', 'store/order/created', 'store/order/statusUpdated', 'store/product/updated']);
  });

  it('answers bad filters with a 400 naming the field', async () => {
    for (const [q, field] of [
      ['?source=shopify', 'source'],
      ['?orderId=abc', 'orderId'],
      ['?orderId=-3', 'orderId'],
      ['?orderId=1.5', 'orderId'],
      ['?orderId=99999999999999999999', 'orderId'],
    ] as const) {
      const res = await t.api('get', `/api/webhook-events${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toContain(field);
    }
  });
});

describe('POST /api/webhook-events/:id/replay', () => {
  it('queues exactly the job the BigCommerce receiver queued, reopens the event and logs who replayed it', async () => {
    await bigcommerce('store/order/statusUpdated', 300);
    const [received] = await pendingJobs();
    await settleAll();
    const id = await rowIdOf('store/order/statusUpdated');

    const res = await replay(id);
    expect(res.status).toBe(200);
    const body = res.body as ReplayResponse;
    expect(body.event).toMatchObject({ id, source: 'bigcommerce', orderId: 300, status: 'received', topic: 'store/order/statusUpdated' });
    expect(body.message).toContain(`Event #${id}`);
    const [again] = await pendingJobs();
    expect([again.kind, JSON.parse(again.payload), again.dedupe_key, again.run_at - clock.now()]).toEqual([
      received.kind,
      JSON.parse(received.payload),
      received.dedupe_key,
      received.run_at - received.created_at,
    ]);
    expect(again.kind).toBe('order.sync');
    const log = await t.db('sync_log').where({ flow: 'webhooks' });
    expect(log.map((l) => [l.order_id, l.level, l.message])).toEqual([[300, 'info', `Webhook event #${id} (store/order/statusUpdated) replayed by ${OWNER.email}`]]);
  });

  it('queues exactly the job the warehouse receiver queued for a shipment', async () => {
    await warehouse('shipment.created', 400);
    const [received] = await pendingJobs();
    await settleAll();
    const id = await rowIdOf('shipment.created');

    expect((await replay(id)).status).toBe(200);
    const [again] = await pendingJobs();
    expect([again.kind, JSON.parse(again.payload), again.dedupe_key]).toEqual([received.kind, JSON.parse(received.payload), received.dedupe_key]);
    expect(JSON.parse(again.payload)).toEqual({ eventRowId: id });
    expect((await t.db('sync_log').where({ flow: 'webhooks' }).first()).order_id).toBe(400);
  });

  it('replays the newest stock report, not one a later report superseded', async () => {
    await warehouse('inventory.updated');
    const older = await rowIdOf('inventory.updated');
    await warehouse('inventory.updated');
    const newer = await rowIdOf('inventory.updated');
    await settleAll();

    const refused = await replay(older);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`Replay event #${newer} instead`);
    expect((await replay(newer)).status).toBe(200);
    expect((await pendingJobs()).map((j) => j.kind)).toEqual(['fulfillment.event']);
  });

  it('refuses a redelivery, naming the original to replay', async () => {
    const hash = randomUUID();
    await bigcommerce('store/order/created', 500, hash);
    await bigcommerce('store/order/created', 500, hash);
    await settleAll();
    const [original, dup] = (await t.db('webhook_events').orderBy('id')).map((r) => Number(r.id));
    const res = await replay(dup!);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`Event #${dup} is a redelivery of event #${original}. Replay event #${original} instead.`);
    expect(await pendingJobs()).toEqual([]);
    expect(await t.db('sync_log').where({ flow: 'webhooks' })).toEqual([]);
  });

  it('refuses while the flow that acts on the event is off, saying which', async () => {
    await warehouse('shipment.created', 600);
    await bigcommerce('store/order/created', 600);
    await bigcommerce('store/order/statusUpdated', 600);
    await settleAll();
    await t.app.services.settings.saveFlows(STORE, { fulfillment: false, orders: false }, clock.now());

    const shipment = await replay(await rowIdOf('shipment.created'));
    expect([shipment.status, shipment.body.error.message]).toEqual([409, 'The Fulfillment flow is off. Turn it on in Settings to replay this event.']);
    const created = await replay(await rowIdOf('store/order/created'));
    expect([created.status, created.body.error.message]).toEqual([409, 'The Orders flow is off. Turn it on in Settings to replay this event.']);
    // A status change also passes a cancellation on: Cancellations is still on.
    expect((await replay(await rowIdOf('store/order/statusUpdated'))).status).toBe(200);
    await t.app.services.settings.saveFlows(STORE, { cancellations: false }, clock.now());
    const status = await replay(await rowIdOf('store/order/statusUpdated'));
    expect(status.body.error.message).toBe('The Orders and Cancellations flows are off. Turn one on in Settings to replay this event.');
  });

  it('refuses an event the app does not act on', async () => {
    await bigcommerce('store/product/updated', 7);
    const res = await replay(await rowIdOf('store/product/updated'));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('Fulfillment Bridge does not act on store/product/updated events, so there is nothing to replay.');
  });

  it("answers 404 for another store's event and 400 for an id that is not a number", async () => {
    const [id] = await t
      .db('webhook_events')
      .insert({
        store_hash: 'otherstore',
        source: 'bigcommerce',
        event_id: 'x',
        dedupe_key: 'x',
        topic: 'store/order/created',
        resource_id: '1',
        payload: '{}',
        status: 'processed',
        received_at: 1,
      })
      .returning('id');
    const res = await replay(Number(typeof id === 'object' ? id.id : id));
    expect([res.status, res.body.error.message]).toEqual([404, 'No such webhook event.']);
    expect(await t.db('webhook_events').where({ store_hash: 'otherstore' }).first('status')).toEqual({ status: 'processed' });
    expect((await replay(0)).status).toBe(400);
    expect((await t.api('post', '/api/webhook-events/abc/replay')).status).toBe(400);
    expect(await pendingJobs()).toEqual([]);
  });
});
