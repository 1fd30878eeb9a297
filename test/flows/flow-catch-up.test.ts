// Review finding (issue 7, point 3): turning a flow off and back on lost the work that arrived
// while it was off. Now Orders sends the orders it held, Fulfillment applies the shipments the
// warehouse pushed meanwhile, and Cancellations passes on both directions' cancellations.
// Real services, routes and database; fake BigCommerce and warehouse clients; a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowWasOffReason, handleFulfillmentEvent } from '../../server/flows/fulfillment/events.js';
import { CANCELLATIONS_OFF_ALERT } from '../../server/flows/order-import/sent-order.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { OrderListFake } from '../helpers/order-list-fake.js';
import { bcOrder, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';
import { queued, runQueued } from '../helpers/run-queued.js';

const clock = new FakeClock(Date.parse('2026-03-02T10:00:00Z'));
let b: SignedInApp;
let store: FakeStore;
let list: OrderListFake;
let wh: FakeWarehouse;
const s = () => b.app.services;
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, 'order.sync', { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const creates = () => wh.calls.filter((c) => c.op === 'create');
const cancels = () => wh.calls.filter((c) => c.op === 'cancel');
const switchFlows = async (flows: object) => {
  const res = await b.api('put', '/api/settings/flows', flows);
  expect(res.status).toBe(200);
};
const settingsLog = async () => (await b.db('sync_log').where({ store_hash: STORE, flow: 'settings' }).orderBy('id').select('message')).map((r) => String(r.message));

let seq = 0;
/** A backend event stored as the receiver stores it, and handled as its job would be. */
async function warehouseEvent(type: string, data: Record<string, unknown>): Promise<number> {
  const envelope = { id: `evt_${++seq}`, type, created_at: new Date(clock.now()).toISOString(), data };
  const { id } = await s().webhookEvents.record(
    {
      storeHash: STORE,
      source: 'fulfillment',
      eventId: envelope.id,
      topic: type,
      resourceId: String((data.external_ref as { order_id: number }).order_id),
      payload: JSON.stringify(envelope),
    },
    clock.now(),
    b.db,
  );
  await handleFulfillmentEvent(s(), jobOf(STORE, 'fulfillment.event', { eventRowId: id }));
  return id;
}
const ref = (orderId: number) => ({ source: 'bigcommerce', store_hash: STORE, order_id: orderId });

async function sentOrder(orderId: number): Promise<string> {
  store.orders.set(orderId, bcOrder(orderId, 11));
  await sync(orderId);
  return (await row(orderId)).backendOrderId!;
}

beforeEach(async () => {
  store = new FakeStore(STORE);
  list = new OrderListFake(store);
  wh = new FakeWarehouse();
  b = await signedInBareApp({ clock, deps: { bigcommerceFactory: () => list.client, fulfillmentFactory: () => wh.client } });
  await s().settings.saveBackend(STORE, { accountId: 'acc', apiKey: 'key', accountName: 'Fake', connected: true, error: null }, clock.now());
  await s().mappings.setShipping(STORE, 'Flat Rate', 'GROUND', clock.now());
  await b.db('jobs').delete(); // what /load and install queued
});
afterEach(async () => b.close());

describe('Orders off, then on', () => {
  it('sends the orders it held at the import status, and queues a reconciliation', async () => {
    await switchFlows({ orders: false });
    store.orders.set(70, bcOrder(70, 11));
    store.orders.set(71, bcOrder(71, 1)); // waiting in another status: not the flow's doing
    await sync(70);
    await sync(71);
    expect(creates()).toEqual([]);
    expect(await row(70)).toMatchObject({ state: 'waiting', backendOrderId: null });
    await b.db('jobs').delete();

    await switchFlows({ orders: true });
    expect((await queued(b.db, 'order.sync')).map((j) => j.payload)).toEqual([{ orderId: 70 }]);
    expect(await queued(b.db, 'orders.reconcile')).toHaveLength(1);
    expect((await settingsLog()).at(-1)).toBe('1 order(s) held while Orders was off are queued to be sent.');

    await runQueued(s(), ['order.sync']);
    expect(creates().map((c) => c.body?.external_ref.order_id)).toEqual([70]);
    expect((await row(70)).state).toBe('sent');
  });

  it('switching a flow that was already on queues nothing', async () => {
    await switchFlows({ orders: true, fulfillment: true, cancellations: true });
    expect((await queued(b.db)).map((j) => j.kind)).toEqual(['webhooks.reconcile']);
  });
});

describe('Fulfillment off, then on', () => {
  it('keeps pushed shipments with a reason while off, and queues them again when turned on', async () => {
    const backendId = await sentOrder(72);
    await switchFlows({ fulfillment: false });
    const shipment = {
      order_id: backendId,
      external_ref: ref(72),
      shipment_id: 'shp_1',
      tracking_number: '1Z1',
      carrier: 'UPS',
      service: null,
      items: [{ sku: 'A-1', quantity: 2 }],
    };
    const eventRowId = await warehouseEvent('shipment.created', shipment);
    expect(await s().webhookEvents.get(STORE, eventRowId)).toMatchObject({ status: 'ignored', error: flowWasOffReason('Fulfillment') });
    await b.db('jobs').delete();

    await switchFlows({ fulfillment: true });
    expect(await s().webhookEvents.get(STORE, eventRowId)).toMatchObject({ status: 'received', error: null });
    expect((await queued(b.db, 'fulfillment.event')).map((j) => j.payload)).toEqual([{ eventRowId }]);
    expect((await settingsLog()).at(-1)).toMatch(/^1 shipment event\(s\) received while Fulfillment was off are queued/);

    // Turned on twice: queued once.
    await switchFlows({ fulfillment: false });
    await switchFlows({ fulfillment: true });
    expect(await queued(b.db, 'fulfillment.event')).toHaveLength(1);
  });
});

describe('Cancellations off, then on', () => {
  it('a BigCommerce cancellation is kept pending with an alert while off, and sent to the warehouse when turned on', async () => {
    const backendId = await sentOrder(73);
    await switchFlows({ cancellations: false });
    store.setStatus(73, 5);
    const payload = JSON.stringify({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 73, status: { previous_status_id: 11, new_status_id: 5 } } });
    const ev = await s().webhookEvents.record(
      { storeHash: STORE, source: 'bigcommerce', eventId: 'e-73', topic: 'store/order/statusUpdated', resourceId: '73', payload },
      clock.now(),
      b.db,
    );
    await sync(73);
    expect(cancels()).toEqual([]);
    expect(await row(73)).toMatchObject({ state: 'sent', alert: CANCELLATIONS_OFF_ALERT, cancellation: { outcome: 'pending' } });
    expect(await s().webhookEvents.get(STORE, ev.id)).toMatchObject({ status: 'ignored', error: 'The Cancellations flow is off.' });
    await b.db('jobs').delete();

    await switchFlows({ cancellations: true });
    expect((await queued(b.db, 'order.sync')).map((j) => j.payload)).toEqual([{ orderId: 73 }]);
    await runQueued(s(), ['order.sync']);
    expect(cancels()).toEqual([{ op: 'cancel', id: backendId }]);
    expect(await row(73)).toMatchObject({ state: 'cancelled', alert: null, cancellation: { outcome: 'cancelled' } });
  });

  it('a warehouse cancellation received while off is applied when turned on', async () => {
    const backendId = await sentOrder(74);
    await switchFlows({ cancellations: false });
    const eventRowId = await warehouseEvent('order.cancelled', { order_id: backendId, external_ref: ref(74), reason: 'Out of stock' });
    expect(await s().webhookEvents.get(STORE, eventRowId)).toMatchObject({ status: 'ignored', error: flowWasOffReason('Cancellations') });
    expect((await row(74)).state).toBe('sent');
    await b.db('jobs').delete();

    await switchFlows({ cancellations: true });
    await runQueued(s(), ['fulfillment.event']);
    expect(await row(74)).toMatchObject({ state: 'cancelled', cancellation: { source: 'warehouse', outcome: 'cancelled', message: 'Out of stock' } });
    expect(await s().webhookEvents.get(STORE, eventRowId)).toMatchObject({ status: 'processed' });
  });
});
