// Two BigCommerce stores connected to one backend account (one 3PL account, two storefronts).
// BigCommerce numbers orders per store, so both have an order #100 and #101: an order event must
// reach only the store its external_ref names; an inventory event reaches every store of the
// account, each through its own SKU mappings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleFulfillmentEvent } from '../../server/flows/fulfillment/events.js';
import { pollBackend } from '../../server/flows/fulfillment/poll.js';
import { signFulfillmentEvent, type FeedItemProblem, type FulfillmentClient, type ShipmentCreatedData } from '../../server/fulfillment/index.js';
import { toRecord, type JobRow } from '../../server/jobs/rows.js';
import type { JobRecord } from '../../server/jobs/types.js';
import { parseJobPayload } from '../../server/jobs/catalogue.js';
import { JOBS } from '../../server/flows/job-catalogue.js';
import { bareApp, OWNER } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';

const A = 'abc123';
const B = 'def456';
const OTHER = 'ghi789';
const ACCOUNT = 'acc-shared';
const KEY = 'whk_shared_key_123';

let t: Awaited<ReturnType<typeof bareApp>>;
const clock = new FakeClock(Date.UTC(2026, 0, 5, 12));
const s = () => t.app.services;

/** The shared account's shipment feed, as every store connected to it reads it (polling mode). */
let shipmentFeed: ShipmentCreatedData[] = [];
let feedProblems: FeedItemProblem[] = [];
const fakeBackend = (accountId: string): FulfillmentClient => ({
  accountId,
  getAccount: async () => ({ id: accountId, name: 'WH' }),
  createOrder: async () => ({ id: 'ord_x', status: 'received', created: true }),
  cancelOrder: async () => ({ status: 'cancelled' }),
  listShipments: async () => ({ data: shipmentFeed, nextCursor: 'cursor-1', hasMore: false, invalid: feedProblems }),
  listInventory: async () => ({ data: [], nextCursor: 'cursor-1', hasMore: false, invalid: [] }),
});

async function installStore(storeHash: string) {
  await s().lifecycle.install(
    { access_token: `tok-${storeHash}`, scope: 'store_v2_orders', context: `stores/${storeHash}`, account_uuid: 'acc', user: OWNER, owner: OWNER },
    clock.now(),
  );
}

beforeEach(async () => {
  shipmentFeed = [];
  feedProblems = [];
  t = await bareApp({ clock, deps: { fulfillmentFactory: ({ accountId }) => fakeBackend(accountId) } });
  for (const store of [A, B, OTHER]) await installStore(store);
  for (const store of [A, B]) await s().settings.saveBackend(store, { accountId: ACCOUNT, apiKey: KEY, accountName: 'WH', connected: true, error: null }, clock.now());
  await s().settings.saveBackend(OTHER, { accountId: 'acc-other', apiKey: 'whk_other_key', accountName: 'WH2', connected: true, error: null }, clock.now());
  // Both stores sent their own #100 and #101 to the shared account.
  for (const store of [A, B]) {
    for (const orderId of [100, 101]) {
      await s().orders.upsertSeen(
        store,
        orderId,
        { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: `${store} shopper`, orderDate: clock.now(), shippingMethod: 'Ground' },
        'sent',
        clock.now(),
      );
      await s().orders.markSent(store, orderId, `ord_${store}_${orderId}`, {}, clock.now());
    }
  }
});
afterEach(() => t.close());

const ref = (store: string, orderId: number) => ({ source: 'bigcommerce', store_hash: store, order_id: orderId });
let seq = 0;
const event = (type: string, data: unknown) => JSON.stringify({ id: `evt_${++seq}`, type, created_at: new Date(clock.now()).toISOString(), data });
const shipment = (store: string, orderId: number, over: Record<string, unknown> = {}) =>
  event('shipment.created', {
    order_id: `ord_${store}_${orderId}`,
    external_ref: ref(store, orderId),
    shipment_id: `shp_${seq}`,
    tracking_number: '1Z999AA10123456784',
    carrier: 'UPS',
    service: 'Ground',
    items: [{ sku: 'WH-MUG', quantity: 1 }],
    ...over,
  });
const post = (body: string, account = ACCOUNT, key = KEY) =>
  t.http
    .post('/webhooks/fulfillment')
    .set('content-type', 'application/json')
    .set({ 'Fulfillment-Account': account, 'Fulfillment-Signature': signFulfillmentEvent(body, key, Math.floor(clock.now() / 1000)) })
    .send(body);
const events = () => t.db('webhook_events').where({ source: 'fulfillment' }).orderBy('id');
const jobs = async () => ((await t.db('jobs').where({ kind: 'fulfillment.event' }).orderBy('id')) as JobRow[]).map(toRecord);
/** A stored job as the worker hands it to its handler: its payload parsed with the catalogue's schema. */
const asHandled = (job: JobRecord) => ({ ...job, attempts: 1, payload: parseJobPayload(JOBS['fulfillment.event'], job) });
/** Runs every queued event job, as the worker would. */
async function runEventJobs() {
  for (const job of await jobs()) await handleFulfillmentEvent(s(), asHandled(job));
}

describe('routing backend events between stores that share an account', () => {
  it("stores a shipment for B's #100 under B only, with B's job", async () => {
    expect((await post(shipment(B, 100))).status).toBe(200);
    expect((await events()).map((r) => [r.store_hash, r.topic, r.resource_id, r.status])).toEqual([[B, 'shipment.created', '100', 'received']]);
    expect((await jobs()).map((j) => j.storeHash)).toEqual([B]);
  });

  it("a cancellation of B's #101 cancels B's order and leaves A's #101 alone", async () => {
    expect((await post(event('order.cancelled', { order_id: `ord_${B}_101`, external_ref: ref(B, 101), reason: 'Out of stock' }))).status).toBe(200);
    await runEventJobs();
    const b = await s().orders.get(B, 101);
    const a = await s().orders.get(A, 101);
    expect(b?.cancellation).toMatchObject({ source: 'warehouse', outcome: 'cancelled' });
    expect(b?.state).toBe('cancelled');
    expect(a?.cancellation ?? null).toBeNull();
    expect(a?.state).toBe('sent');
    expect((await events()).map((r) => [r.store_hash, r.status])).toEqual([[B, 'processed']]);
  });

  it('refuses (403) an order event for a store not connected to the signing account, and stores nothing', async () => {
    for (const store of [OTHER, 'zzz000']) {
      const res = await post(event('order.rejected', { order_id: 'ord_x', external_ref: ref(store, 100), reason: 'nope' }));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(`"${store}"`);
    }
    expect(await events()).toEqual([]);
    expect(await jobs()).toEqual([]);
  });

  it("refuses an event for B when only A's key verifies the signature", async () => {
    await s().settings.saveBackend(B, { accountId: ACCOUNT, apiKey: 'whk_b_has_another_key', accountName: 'WH', connected: true, error: null }, clock.now());
    expect((await post(shipment(B, 100))).status).toBe(403);
    expect((await post(shipment(A, 100))).status).toBe(200);
    expect((await events()).map((r) => r.store_hash)).toEqual([A]);
  });

  it('applies an inventory event to every store of the account, each through its own SKU mappings', async () => {
    await s().mappings.createSku(A, { bcSku: 'A-MUG', backendSku: 'WH-MUG' }, clock.now());
    await s().mappings.createSku(B, { bcSku: 'B-MUG', backendSku: 'WH-MUG' }, clock.now());
    const body = event('inventory.updated', { items: [{ sku: 'WH-MUG', available: 7 }] });
    expect((await post(body)).status).toBe(200);
    expect((await events()).map((r) => [r.store_hash, r.resource_id, r.status])).toEqual([
      [A, null, 'received'],
      [B, null, 'received'],
    ]);
    await runEventJobs();
    const pending = async (store: string) => (await s().inventory.pending(store, 100)).map((r) => [r.sku, r.available]);
    expect(await pending(A)).toContainEqual(['A-MUG', 7]);
    expect(await pending(A)).not.toContainEqual(['B-MUG', 7]);
    expect(await pending(B)).toContainEqual(['B-MUG', 7]);
    expect(await pending(B)).not.toContainEqual(['A-MUG', 7]);
    expect(await pending(OTHER)).toEqual([]);

    // A redelivery is a duplicate in both stores and queues nothing new.
    expect((await post(body)).status).toBe(200);
    expect((await events()).filter((r) => r.status === 'duplicate').map((r) => r.store_hash)).toEqual([A, B]);
    expect(await jobs()).toHaveLength(2);
  });

  it('acknowledges an unknown type and records it as ignored with the reason, without a job', async () => {
    expect((await post(event('return.received', { external_ref: ref(B, 100) }))).status).toBe(200);
    expect((await events()).map((r) => [r.store_hash, r.resource_id, r.status, r.error])).toEqual([[B, '100', 'ignored', expect.stringContaining('return.received')]]);
    expect(await jobs()).toEqual([]);
  });

  it('does not apply an event stored under the wrong store (rows from before routing) and says why', async () => {
    // As the old receiver stored it: B's cancellation under A, the first store whose key verified.
    const payload = event('order.cancelled', { order_id: `ord_${B}_101`, external_ref: ref(B, 101), reason: 'Out of stock' });
    const row = await t.db.transaction((trx) =>
      s().webhookEvents.record({ storeHash: A, source: 'fulfillment', eventId: 'evt_old', topic: 'order.cancelled', resourceId: '101', payload }, clock.now(), trx),
    );
    await handleFulfillmentEvent(s(), asHandled(await fakeJob(A, row.id)));
    expect((await s().orders.get(A, 101))?.state).toBe('sent');
    expect((await s().orders.get(A, 101))?.cancellation ?? null).toBeNull();
    const stored = await t.db('webhook_events').where({ id: row.id }).first();
    expect([stored.status, stored.error]).toEqual(['ignored', expect.stringContaining(`for store ${B}`)]);
  });
});

describe('polling the shared account feed', () => {
  it('applies a polled shipment only in the store its external_ref names', async () => {
    shipmentFeed = [JSON.parse(shipment(B, 100)).data as ShipmentCreatedData];
    for (const store of [A, B]) await s().settings.saveFlowOptions(store, { syncMode: 'poll' }, clock.now());
    const shipmentRows = async (store: string) => (await t.db('shipments').where({ store_hash: store })).map((r) => r.order_id);

    await pollBackend(s(), A);
    expect(await shipmentRows(A)).toEqual([]);
    expect((await s().settings.get(A, clock.now())).shipmentsCursor).toBe('cursor-1');

    // B takes it up (and then fails on BigCommerce, which this test does not run).
    await expect(pollBackend(s(), B)).rejects.toThrow();
    expect(await shipmentRows(B)).toEqual([100]);
    expect(await shipmentRows(A)).toEqual([]);
  });

  it('skips a feed item it cannot read, says so in Activity, and moves the cursor on', async () => {
    feedProblems = [{ ref: '"shp_long"', message: 'carrier: Too big: expected string to have <=100 characters' }];
    await s().settings.saveFlowOptions(A, { syncMode: 'poll' }, clock.now());
    await pollBackend(s(), A);
    const activity = await t.db('sync_log').where({ store_hash: A, flow: 'fulfillment', level: 'error' });
    expect(activity.map((r) => [r.message, r.detail])).toEqual([
      ['Shipment "shp_long" in the warehouse\'s feed was skipped: it does not match the contract.', 'carrier: Too big: expected string to have <=100 characters'],
    ]);
    expect((await s().settings.get(A, clock.now())).shipmentsCursor).toBe('cursor-1');
  });
});

async function fakeJob(storeHash: string, eventRowId: number) {
  await s().jobs.queue.enqueue({ storeHash, kind: 'fulfillment.event', payload: { eventRowId } });
  return (await jobs()).at(-1)!;
}
