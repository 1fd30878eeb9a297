// Issue 8 point 3: one honest state model on the order row. Each transition the import flow
// makes: queued, retrying (attempts, merchant words, next attempt from the queue's backoff),
// failed (out of retries), rejected (a warehouse 4xx, or a rejection event) counted among the
// orders that need attention, and the attention code each held order carries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBackendCancellation } from '../../server/flows/fulfillment/cancellations.js';
import { QuotaWaitJobError } from '../../server/flows/job-errors.js';
import { createWorker } from '../../server/flows/runtime.js';
import { remedyOf } from '../../server/flows/order-import/remedy.js';
import { requeueHeldOrders } from '../../server/flows/order-import/requeue-held.js';
import { recordOrderRetry } from '../../server/flows/order-import/sync-retry.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { catchUpAfterFlowOn } from '../../server/flows/flow-catch-up.js';
import { OrdersQuery } from '../../server/storage/orders-query.js';
import { JOB, orderSyncKey } from '../../server/flows/job-catalogue.js';
import { reconcileOrders } from '../../server/flows/order-import/reconcile-orders.js';
import { STORE } from '../helpers/bare-app.js';
import { OrderListFake } from '../helpers/order-list-fake.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof connectedFakeApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
let list: OrderListFake;
const s = () => b.app.services;
const sync = (orderId: number, attempts = 1) => syncOrder(s(), jobOf(STORE, JOB.orderSync, { orderId }, { attempts }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const timeline = async (orderId: number) => (await s().syncLog.timeline(STORE, orderId)).map((e) => e.message);
const attentionCount = async () => (await new OrdersQuery(s().db).list(STORE, { state: 'attention' }, 1, 25)).counts.attention;

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  list = new OrderListFake(store);
  b = await connectedFakeApp(clock, { bigcommerce: () => list.client, fulfillment: () => wh.client });
});
afterEach(async () => b.close());

describe('retrying and failed', () => {
  it('a warehouse outage makes the order "retrying": attempts, merchant words, and the next attempt the queue scheduled', async () => {
    store.orders.set(90, bcOrder(90, 11));
    wh.plan.push('server_error', 'server_error');
    await s().jobs.queue.enqueue({ storeHash: STORE, kind: JOB.orderSync, payload: { orderId: 90 }, dedupeKey: orderSyncKey(STORE, 90) });
    // random 1: the backoff draws its ceiling (2 s after the first failure, 4 s after the second).
    const worker = createWorker(s(), { pollMs: 5, random: () => 1 });
    await worker.runUntilIdle({ timeoutMs: 5_000 });

    const job = await b.db('jobs').where({ kind: JOB.orderSync }).first();
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    const first = await row(90);
    expect(first).toMatchObject({ state: 'retrying', attempts: 1, nextAttemptAt: Number(job.run_at), attentionCode: null });
    expect(first.nextAttemptAt).toBe(clock.now() + 2_000);
    expect(first.lastError).toBe('The warehouse did not answer (server error 503).');
    expect(remedyOf(first)).toBeNull();

    clock.advance(2_000);
    await worker.runUntilIdle({ timeoutMs: 5_000 });
    expect(await row(90)).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: clock.now() + 4_000 });
    // The timeline keeps the raw detail; the row says it in merchant words.
    // The same line each time, so the order page folds the repeats.
    const lines = await b.db('sync_log').where({ store_hash: STORE, order_id: 90, message: 'The warehouse is unavailable; will retry.' }).select('detail');
    expect(lines.map((l) => l.detail)).toEqual([expect.stringMatching(/503/), expect.stringMatching(/503/)]);

    clock.advance(4_000);
    await worker.runUntilIdle({ timeoutMs: 5_000 });
    expect(await row(90)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1', nextAttemptAt: null, lastError: null, attempts: 2 });
  });

  it('a quota wait is no attempt: it only moves the next attempt', async () => {
    store.orders.set(91, bcOrder(91, 11));
    wh.plan.push('timeout');
    await expect(sync(91, 3)).rejects.toThrow();
    expect(await row(91)).toMatchObject({ state: 'retrying', attempts: 3, lastError: 'The warehouse did not answer in time.' });
    await recordOrderRetry(s(), jobOf(STORE, JOB.orderSync, { orderId: 91 }, { attempts: 3 }), new Error('boom'), clock.now() + 60_000);
    expect(await row(91)).toMatchObject({ attempts: 3, nextAttemptAt: clock.now() + 60_000, lastError: 'The attempt failed unexpectedly; the app tries again by itself.' });

    const quota = new QuotaWaitJobError(clock.now() + 90_000, 'paused', 90_000);
    // The attempt was given back: the job's count is one less.
    await recordOrderRetry(s(), jobOf(STORE, JOB.orderSync, { orderId: 91 }, { attempts: 2 }), quota, clock.now() + 90_000);
    expect(await row(91)).toMatchObject({ state: 'retrying', attempts: 3, nextAttemptAt: clock.now() + 90_000 });
  });

  it('a quota wait leaves an order that has not failed yet "queued"', async () => {
    store.orders.set(92, bcOrder(92, 11, 'Unmapped'));
    await sync(92);
    await s().orders.markQueued(STORE, [92], clock.now());
    await recordOrderRetry(s(), jobOf(STORE, JOB.orderSync, { orderId: 92 }), new QuotaWaitJobError(clock.now() + 1_000, 'reserve', 1_000), clock.now() + 1_000);
    expect(await row(92)).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null });
  });

  it('out of retries: "failed" with its attempts kept, in merchant words, and a remedy that offers Retry', async () => {
    store.orders.set(93, bcOrder(93, 11));
    wh.plan.push('server_error', 'server_error');
    await s().jobs.queue.enqueue({ storeHash: STORE, kind: JOB.orderSync, payload: { orderId: 93 }, dedupeKey: orderSyncKey(STORE, 93), maxAttempts: 2 });
    const worker = createWorker(s(), { pollMs: 5, random: () => 0 });
    await worker.runUntilIdle({ timeoutMs: 5_000 });
    clock.advance(60_000);
    await worker.runUntilIdle({ timeoutMs: 5_000 });
    const failed = await row(93);
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 2,
      attentionCode: 'out_of_retries',
      nextAttemptAt: null,
      lastError: 'The warehouse did not answer (server error 503).',
    });
    expect(remedyOf(failed)).toMatchObject({ code: 'out_of_retries', canRetry: true, message: expect.stringMatching(/gave up after 2 attempts/) });
    expect(await attentionCount()).toBe(1);
  });
});

describe('rejected by the warehouse', () => {
  it('a 4xx on create: "rejected" with the warehouse’s message, counted in needs attention', async () => {
    store.orders.set(94, bcOrder(94, 11));
    wh.plan.push({ reject: 'Address line 1 is too long.' });
    await sync(94);
    const rejected = await row(94);
    expect(rejected).toMatchObject({ state: 'rejected', attentionCode: 'warehouse_rejected', attentionReason: 'The warehouse rejected the order: Address line 1 is too long.' });
    expect(remedyOf(rejected)).toMatchObject({ canRetry: true, message: expect.stringMatching(/Address line 1 is too long/) });
    expect(await attentionCount()).toBe(1);
  });

  it('a refusal naming an unknown SKU names the BigCommerce SKU; mapping it sends the order by itself and says so', async () => {
    store.orders.set(95, bcOrder(95, 11));
    wh.plan.push({ reject: 'SKU A-1 is not stocked in this warehouse.' });
    await sync(95);
    expect(await row(95)).toMatchObject({ state: 'rejected', attentionCode: 'unmapped_sku', attentionSubject: 'A-1' });
    expect(remedyOf(await row(95))?.action).toEqual({ label: 'Map SKU "A-1"', path: '/settings/mappings?mapSku=A-1#sku-mappings' });

    await s().mappings.createSku(STORE, { bcSku: 'A-1', backendSku: 'WH-A1' }, clock.now());
    expect(await requeueHeldOrders(s(), STORE)).toBe(1);
    expect(await row(95)).toMatchObject({ state: 'queued', attentionCode: null, attentionReason: null });
    expect(await timeline(95)).toContain('SKU "A-1" mapped: sending the order again.');
    await sync(95);
    expect(await row(95)).toMatchObject({ state: 'sent' });
    expect(wh.calls.at(-1)?.body?.shipments[0]?.lines[0]?.sku).toBe('WH-A1');
  });

  it('a rejection event: "rejected" (not "cancelled"), counted in needs attention; settled when the merchant cancels it in BigCommerce', async () => {
    store.orders.set(96, bcOrder(96, 11));
    await sync(96);
    const sent = await row(96);
    await applyBackendCancellation(s(), STORE, 'rejected', {
      order_id: sent.backendOrderId!,
      external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 96 },
      reason: 'Fraud check failed',
    });
    const rejected = await row(96);
    expect(rejected).toMatchObject({ state: 'rejected', attentionCode: 'warehouse_rejected', attentionReason: 'The warehouse rejected this order: Fraud check failed' });
    expect(remedyOf(rejected)).toMatchObject({ canRetry: false });
    expect(await attentionCount()).toBe(1);

    store.setStatus(96, 5);
    const payload = JSON.stringify({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 96, status: { previous_status_id: 11, new_status_id: 5 } } });
    await s().webhookEvents.record({ storeHash: STORE, source: 'bigcommerce', eventId: 'e-96', topic: 'store/order/statusUpdated', resourceId: '96', payload }, clock.now(), b.db);
    await sync(96);
    expect(await row(96)).toMatchObject({ state: 'cancelled', attentionCode: null, alert: null, cancellation: { source: 'warehouse', outcome: 'rejected' } });
    expect(wh.calls.filter((c) => c.op === 'cancel')).toEqual([]);
    expect(await attentionCount()).toBe(0);
  });

  it('a warehouse cancellation stays "cancelled" (closed)', async () => {
    store.orders.set(97, bcOrder(97, 11));
    await sync(97);
    await applyBackendCancellation(s(), STORE, 'cancelled', {
      order_id: (await row(97)).backendOrderId!,
      external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 97 },
      reason: 'Out of stock',
    });
    expect(await row(97)).toMatchObject({ state: 'cancelled', attentionCode: null });
  });
});

describe('held for a fix inside the app', () => {
  it('an unmapped method: needs attention naming it; mapping it queues the order, says so, and it goes out', async () => {
    store.orders.set(100, bcOrder(100, 11, 'Express'));
    await sync(100);
    expect(await row(100)).toMatchObject({ state: 'needs_attention', attentionCode: 'unmapped_shipping_method', attentionSubject: 'Express' });
    await s().mappings.setShipping(STORE, 'Express', 'EXP', clock.now());
    await requeueHeldOrders(s(), STORE);
    expect(await row(100)).toMatchObject({ state: 'queued', attentionCode: null });
    expect(await timeline(100)).toContain('Shipping method "Express" mapped: sending the order.');
    await sync(100);
    expect(await row(100)).toMatchObject({ state: 'sent' });
  });

  it('a mapping of another method leaves a held order as it is (no "queued" flapping)', async () => {
    store.orders.set(101, bcOrder(101, 11, 'Express'));
    await sync(101);
    await s().mappings.setShipping(STORE, 'Other', 'OTH', clock.now());
    await requeueHeldOrders(s(), STORE);
    expect(await row(101)).toMatchObject({ state: 'needs_attention', attentionCode: 'unmapped_shipping_method' });
    expect(await b.db('jobs').where({ kind: JOB.orderSync })).toHaveLength(1); // still re-checked
  });

  it('found fixed by a sync (no requeue said so): the timeline says why it goes out now', async () => {
    store.orders.set(102, bcOrder(102, 11, 'Express'));
    await sync(102);
    await s().mappings.setShipping(STORE, 'Express', 'EXP', clock.now());
    await sync(102);
    expect(await row(102)).toMatchObject({ state: 'sent' });
    expect(await timeline(102)).toContain('Shipping method "Express" mapped: sending the order.');
  });

  it('a line without a SKU names the product', async () => {
    const o = bcOrder(103, 11);
    o.consignments!.shipping[0]!.line_items[0]!.sku = '';
    o.consignments!.shipping[0]!.line_items[0]!.name = 'Red lamp';
    store.orders.set(103, o);
    await sync(103);
    expect(await row(103)).toMatchObject({ state: 'needs_attention', attentionCode: 'missing_sku', attentionSubject: 'Red lamp' });
  });

  it('no warehouse connected, then connected: queued with a timeline line', async () => {
    await b.db('store_settings').where({ store_hash: STORE }).update({ backend_account_id: null, backend_api_key_enc: null });
    store.orders.set(104, bcOrder(104, 11));
    await sync(104);
    expect(await row(104)).toMatchObject({ state: 'needs_attention', attentionCode: 'backend_not_connected' });
    await s().settings.saveBackend(STORE, { accountId: 'acc', apiKey: 'key', accountName: 'Fake', connected: true, error: null }, clock.now());
    await requeueHeldOrders(s(), STORE);
    expect(await row(104)).toMatchObject({ state: 'queued' });
    expect(await timeline(104)).toContain('Warehouse connected: sending the order.');
  });

  it('refused credentials (401) and a reused key each carry their code', async () => {
    store.orders.set(105, bcOrder(105, 11));
    wh.plan.push('unauthorized');
    await sync(105);
    expect(await row(105)).toMatchObject({ state: 'needs_attention', attentionCode: 'warehouse_refused_key' });

    store.orders.set(106, bcOrder(106, 11));
    wh.plan.push('lost');
    await expect(sync(106)).rejects.toThrow();
    // The warehouse has the first body; a different one under the same key is a conflict.
    const key = [...wh.byKey.keys()].find((k) => k.endsWith(':106'))!;
    wh.byKey.set(key, { ...wh.byKey.get(key)!, body: '{"other":true}' });
    await sync(106);
    expect(await row(106)).toMatchObject({ state: 'needs_attention', attentionCode: 'warehouse_conflict' });
    expect(remedyOf(await row(106))).toMatchObject({ canRetry: false });
  });
});

describe('queued and waiting', () => {
  it('the Orders flow off holds a queued order as "waiting"; turning it on queues it again', async () => {
    store.orders.set(107, bcOrder(107, 11, 'Express'));
    await sync(107);
    await s().orders.markQueued(STORE, [107], clock.now());
    await s().settings.saveFlows(STORE, { orders: false }, clock.now());
    await sync(107);
    expect((await row(107)).state).toBe('waiting');
    await s().settings.saveFlows(STORE, { orders: true }, clock.now());
    await catchUpAfterFlowOn(s(), STORE, 'orders', { importStatusId: 11 });
    expect((await row(107)).state).toBe('queued');
  });

  it('the reconciliation queues a known order it finds in the import status; one held for a fix keeps its state', async () => {
    store.orders.set(109, bcOrder(109, 1));
    await sync(109);
    expect((await row(109)).state).toBe('waiting');
    store.orders.set(110, bcOrder(110, 11, 'Express'));
    await sync(110);
    list.setStatus(109, 11, clock.now());
    list.touch(110, clock.now());
    await reconcileOrders(s(), STORE);
    expect((await row(109)).state).toBe('queued');
    expect((await row(110)).state).toBe('needs_attention');
    expect((await b.db('jobs').where({ kind: JOB.orderSync })).map((j) => JSON.parse(j.payload).orderId).sort()).toEqual([109, 110]);
  });

  it('out of the import status an unsent order is "waiting", whatever held it', async () => {
    store.orders.set(108, bcOrder(108, 11, 'Express'));
    await sync(108);
    store.setStatus(108, 1);
    await sync(108);
    expect(await row(108)).toMatchObject({ state: 'waiting', attentionCode: null, attentionReason: null });
  });
});
