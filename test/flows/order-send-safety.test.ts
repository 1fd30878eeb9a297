// Review findings on the order import (issue 7): a create that may have reached the warehouse is
// never "not sent" (A), its body is frozen and resent unchanged (B), and the status after
// acceptance never overwrites a status the order moved to meanwhile (C). Real services and
// database; fake BigCommerce and warehouse clients; a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceApiError } from '../../server/bigcommerce/index.js';
import { failDeadOrderSync } from '../../server/flows/order-import/sync-dead.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { failDeadStatusJob, setStatusAfterAccept } from '../../server/flows/order-import/status-after-accept.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof bareApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
const s = () => b.app.services;
const key = (orderId: number) => `bigcommerce:${STORE}:${orderId}`;
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, 'order.sync', { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const timeline = async (orderId: number) => (await s().syncLog.timeline(STORE, orderId)).map((e) => `${e.message} ${e.detail ?? ''}`).join('\n');
const creates = () => wh.calls.filter((c) => c.op === 'create');

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  b = await connectedFakeApp(clock, { bigcommerce: () => store.client, fulfillment: () => wh.client });
});
afterEach(async () => b.close());

describe('A: an order cancelled in BigCommerce after a create that may have reached the warehouse', () => {
  it('repeats the create with the same key and body, learns the warehouse id, and cancels it there', async () => {
    store.orders.set(41, bcOrder(41, 11));
    wh.plan.push('lost'); // the warehouse created it, the answer never came
    await expect(sync(41)).rejects.toBeInstanceOf(RetryableJobError);
    expect(await row(41)).toMatchObject({ backendOrderId: null, state: 'retrying' });
    expect((await row(41)).sendStartedAt).not.toBeNull();

    clock.advance(60_000);
    store.setStatus(41, 5); // the merchant cancels it while it waits for the retry
    await sync(41);

    expect(creates()).toHaveLength(2);
    expect(creates()[1]).toMatchObject({ key: key(41), body: creates()[0]!.body });
    expect(wh.calls.at(-1)).toEqual({ op: 'cancel', id: 'WH-1' });
    expect(wh.orderFor(key(41))?.status).toBe('cancelled');
    expect(await row(41)).toMatchObject({ state: 'cancelled', backendOrderId: 'WH-1', alert: null, cancellation: { source: 'bigcommerce', outcome: 'cancelled' } });
    const said = await timeline(41);
    expect(said).toMatch(/earlier attempt had reached the warehouse/);
    expect(said).not.toMatch(/before it was sent: not sent/);
  });

  it('when the warehouse refuses the repeated create, nothing is there: not sent, and the body is released', async () => {
    store.orders.set(42, bcOrder(42, 11));
    wh.plan.push('timeout', { reject: 'SKU A-1 is not stocked in this warehouse.' });
    await expect(sync(42)).rejects.toBeInstanceOf(RetryableJobError);
    store.setStatus(42, 5);
    await sync(42);
    expect(wh.calls.filter((c) => c.op === 'cancel')).toHaveLength(0);
    expect(await row(42)).toMatchObject({ state: 'cancelled', backendOrderId: null, sendStartedAt: null, sendBody: null, alert: null, cancellation: { outcome: 'cancelled' } });
    expect(await timeline(42)).toMatch(/confirmed it does not have the order: not sent/);
  });

  it('a warehouse that stays down until the job is dead leaves an alert on the order', async () => {
    store.orders.set(43, bcOrder(43, 11));
    wh.plan.push('lost');
    await expect(sync(43)).rejects.toBeInstanceOf(RetryableJobError);
    store.setStatus(43, 5);
    wh.plan.push('server_error');
    await expect(sync(43)).rejects.toBeInstanceOf(RetryableJobError);
    expect((await row(43)).cancellation).toMatchObject({ outcome: 'pending' });
    expect((await row(43)).alert).toBeNull();

    await failDeadOrderSync(s(), jobOf(STORE, 'order.sync', { orderId: 43 }, { attempts: 20 }), new Error('Fulfillment backend unavailable: 503'));
    const dead = await row(43);
    expect(dead.state).toBe('failed');
    expect(dead.cancellation).toMatchObject({ outcome: 'failed' });
    expect(dead.alert).toMatch(/may have reached the warehouse.*Check the warehouse and cancel the order there/);
  });

  it('with passing cancellations on switched off, nothing is sent and the order says it may be at the warehouse', async () => {
    await s().settings.saveFlows(STORE, { cancellations: false }, clock.now());
    store.orders.set(44, bcOrder(44, 11));
    wh.plan.push('lost');
    await expect(sync(44)).rejects.toBeInstanceOf(RetryableJobError);
    store.setStatus(44, 5);
    await sync(44);
    await sync(44); // a second event: said once
    expect(creates()).toHaveLength(1);
    const r = await row(44);
    expect(r.alert).toMatch(/may have reached the warehouse.*switched off/);
    expect(r.state).not.toBe('cancelled');
    expect((await s().syncLog.timeline(STORE, 44)).filter((e) => /may be at the warehouse/.test(e.message))).toHaveLength(1);
  });

  it('a cancellation the warehouse did not answer is retried even without a new status event', async () => {
    store.orders.set(45, bcOrder(45, 11));
    wh.plan.push('lost');
    await expect(sync(45)).rejects.toBeInstanceOf(RetryableJobError);
    store.setStatus(45, 5);
    wh.cancelPlan.push('server_error');
    await expect(sync(45)).rejects.toBeInstanceOf(RetryableJobError);
    expect(await row(45)).toMatchObject({ backendOrderId: 'WH-1', cancellation: { outcome: 'pending' } });
    await sync(45);
    expect(wh.orderFor(key(45))?.status).toBe('cancelled');
    expect(await row(45)).toMatchObject({ state: 'cancelled', cancellation: { outcome: 'cancelled' } });
  });

  it('an order never attempted is still simply "not sent" when cancelled', async () => {
    store.orders.set(46, bcOrder(46, 5));
    await sync(46);
    expect(wh.calls).toHaveLength(0);
    expect(await row(46)).toMatchObject({ state: 'cancelled', alert: null });
    expect(await timeline(46)).toMatch(/before it was sent: not sent/);
  });
});

describe('B: the create body is built once and resent unchanged', () => {
  it('a retry after a lost answer resends the frozen body even though a mapping changed, and is answered as a repeat', async () => {
    store.orders.set(51, bcOrder(51, 11));
    wh.plan.push('lost');
    await expect(sync(51)).rejects.toBeInstanceOf(RetryableJobError);
    await s().mappings.setShipping(STORE, 'Flat Rate', 'EXPRESS', clock.now());
    clock.advance(30_000);
    await sync(51);
    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.body).toEqual(creates()[0]!.body);
    expect(creates()[1]!.body!.shipments[0]!.shipping_method).toBe('GROUND');
    const r = await row(51);
    expect(r).toMatchObject({ state: 'sent', backendOrderId: 'WH-1', attentionReason: null, sendBody: null });
    expect(r.payloadSent).toEqual(creates()[0]!.body);
    expect(await timeline(51)).toMatch(/already had this order \(WH-1\)/);
  });

  it('a body refused before anything was created is rebuilt after the merchant fixes the mapping', async () => {
    store.orders.set(52, bcOrder(52, 11));
    wh.plan.push({ reject: 'Unknown shipping method GROUND.' });
    await sync(52);
    expect(await row(52)).toMatchObject({ state: 'rejected', sendStartedAt: null, sendBody: null });
    await s().mappings.setShipping(STORE, 'Flat Rate', 'EXPRESS', clock.now());
    await sync(52);
    expect(creates()[1]!.body!.shipments[0]!.shipping_method).toBe('EXPRESS');
    expect(await row(52)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1' });
  });

  it('422 idempotency_key_reused says the warehouse has the order with other contents, not that it rejected it', async () => {
    store.orders.set(53, bcOrder(53, 11));
    // An attempt from before bodies were kept reached the warehouse with other contents.
    wh.byKey.set(key(53), { id: 'WH-OLD', body: '{"other":true}', status: 'received' });
    await sync(53);
    const r = await row(53);
    expect(r.state).toBe('needs_attention');
    expect(r.attentionReason).toMatch(/^The warehouse already has this order, received earlier with different contents/);
    expect(r.attentionReason).toMatch(/WH-OLD/);
    expect(r.attentionReason).not.toMatch(/rejected/);
    expect(r.sendStartedAt).not.toBeNull(); // it is at the warehouse: a cancellation must not say "not sent"
  });
});

describe('C: the status after acceptance', () => {
  const setStatusJob = async () => {
    const jobs = await b.db('jobs').where({ kind: 'order.set-status' }).select('payload');
    expect(jobs).toHaveLength(1);
    return jobOf(STORE, 'order.set-status', JSON.parse(String(jobs[0]!.payload)));
  };

  beforeEach(async () => {
    await s().settings.saveImport(STORE, { importStatusId: 11, statusAfterAcceptId: 9 }, clock.now());
  });

  it('is not applied when the order moved on before the job ran (shipped, cancelled)', async () => {
    store.orders.set(61, bcOrder(61, 11));
    await sync(61);
    const job = await setStatusJob();
    expect(job.payload).toEqual({ orderId: 61, statusId: 9, ifStatusId: 11 });
    store.setStatus(61, 2); // shipped meanwhile: BigCommerce tells the app with a statusUpdated event
    await b.db.transaction((trx) =>
      s().webhookEvents.record(
        {
          storeHash: STORE,
          source: 'bigcommerce',
          eventId: 'ev-61',
          topic: 'store/order/statusUpdated',
          resourceId: '61',
          payload: JSON.stringify({ data: { id: 61, status: { previous_status_id: 11, new_status_id: 2 } } }),
        },
        clock.now(),
        trx,
      ),
    );
    const callsBefore = store.calls.length;
    await setStatusAfterAccept(s(), job);
    // Known from the event: no GET, no PUT.
    expect(store.calls.slice(callsBefore)).toEqual([]);
    expect(store.orders.get(61)!.status_id).toBe(2);
    expect(await timeline(61)).toMatch(/Status not set to "Awaiting Shipment": the order moved to "Shipped"/);
  });

  it('is applied while the order still has the import status, and logged on the order: one PUT, no GET', async () => {
    store.orders.set(62, bcOrder(62, 11));
    await sync(62);
    const callsBefore = store.calls.length;
    await setStatusAfterAccept(s(), await setStatusJob());
    expect(store.calls.slice(callsBefore).map((c) => c.method)).toEqual(['PUT']);
    expect(store.orders.get(62)!.status_id).toBe(9);
    expect(await timeline(62)).toMatch(/Status set to "Awaiting Shipment" in BigCommerce/);
  });

  it('a refusal by BigCommerce is said on the order, and the job ends instead of dying anonymously', async () => {
    store.orders.set(63, bcOrder(63, 11));
    await sync(63);
    store.putFaults.push(
      new BigCommerceApiError('PUT /v2/orders/63 failed with 422: status is not allowed', { status: 422, method: 'PUT', path: '/v2/orders/63', storeHash: STORE }),
    );
    await expect(setStatusAfterAccept(s(), await setStatusJob())).resolves.toBeUndefined();
    const entry = (await s().syncLog.timeline(STORE, 63)).find((e) => /refused to set the status/.test(e.message));
    expect(entry).toMatchObject({ level: 'error', detail: expect.stringMatching(/status is not allowed/) });
  });

  it('a set-status job that used its last attempt is logged with its order', async () => {
    const handled = await failDeadStatusJob(s(), jobOf(STORE, 'order.set-status', { orderId: 64, statusId: 9, ifStatusId: 11 }), new Error('BigCommerce: 503'));
    expect(handled).toBe(true);
    const activity = await s().syncLog.list(STORE, { orderId: 64 }, 1, 10);
    expect(activity.items[0]).toMatchObject({ level: 'error', message: expect.stringMatching(/status to "Awaiting Shipment" after all retries/) });
  });

  it('a crash after the warehouse accepted but before the status job was queued sends again under the same key and then queues it', async () => {
    store.orders.set(66, bcOrder(66, 11));
    // The process dies between marking the order sent and queuing the status change: simulated by
    // the enqueue failing inside the transaction that marks it sent.
    const enqueue = s().jobs.queue.enqueue.bind(s().jobs.queue);
    let crash = true;
    s().jobs.queue.enqueue = async (input, trx) => {
      if (crash && input.kind === 'order.set-status') throw new Error('killed');
      return enqueue(input, trx);
    };
    try {
      await expect(sync(66)).rejects.toThrow('killed');
      expect((await row(66)).state).not.toBe('sent');
      expect(await b.db('jobs').where({ kind: 'order.set-status' })).toHaveLength(0);
      crash = false;
      await sync(66); // the job's retry
    } finally {
      s().jobs.queue.enqueue = enqueue;
    }
    expect(creates().map((c) => c.key)).toEqual([key(66), key(66)]);
    expect((await row(66)).state).toBe('sent');
    expect((await setStatusJob()).payload).toEqual({ orderId: 66, statusId: 9, ifStatusId: 11 });
  });

  it('costs BigCommerce calls only when the option is on: 1 per order without it', async () => {
    await s().settings.saveImport(STORE, { importStatusId: 11, statusAfterAcceptId: null }, clock.now());
    store.orders.set(65, bcOrder(65, 11));
    await sync(65);
    expect(store.calls).toHaveLength(1);
    expect(await b.db('jobs').where({ kind: 'order.set-status' })).toHaveLength(0);
  });
});
