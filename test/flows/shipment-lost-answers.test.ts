// Shipment review (issue 7): a retry after BigCommerce's answer was lost, two jobs applying one
// shipment at once, and a store the app cannot reach. Through a fake BigCommerce (fake-bigcommerce-orders.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyShipment, type ShipmentToApply } from '../../server/flows/fulfillment/create-shipment.js';
import { handleFulfillmentEvent } from '../../server/flows/fulfillment/events.js';
import { shipmentMarker } from '../../server/flows/fulfillment/own-shipments.js';
import { jobHandlers } from '../../server/flows/runtime.js';
import { markShipmentFailed } from '../../server/flows/fulfillment/shipment-failure.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeBigCommerceOrders } from '../helpers/fake-bigcommerce-orders.js';
import { FakeClock } from '../helpers/harness.js';
import { jobOf } from '../helpers/order-sync-fakes.js';

const ORDER = 7;
const clock = new FakeClock(Date.now());
let bc: FakeBigCommerceOrders;
let b: Awaited<ReturnType<typeof bareApp>>;
const s = () => b.app.services;

beforeEach(async () => {
  bc = new FakeBigCommerceOrders();
  b = await bareApp({ clock, deps: { bigcommerceFactory: () => bc.client } });
  await b.install();
  await s().orders.upsertSeen(STORE, ORDER, { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: 'Ann', orderDate: null, shippingMethod: null }, 'waiting', clock.now());
  await s().orders.markSent(STORE, ORDER, 'WH-7', {}, clock.now());
});
afterEach(async () => b.close());

const shipment = (over: Partial<ShipmentToApply> = {}): ShipmentToApply => ({
  shipment_id: 'shp_1',
  external_ref: { order_id: ORDER },
  tracking_number: '1Z100',
  carrier: 'UPS',
  service: 'Ground',
  items: [{ sku: 'A', quantity: 1 }],
  ...over,
});

/** The first attempt writes the shipment but never hears back; it throws (the job will be retried). */
async function firstAttemptLosesTheAnswer(data: ShipmentToApply) {
  bc.loseNextShipmentAnswers(1);
  await expect(applyShipment(s(), STORE, data)).rejects.toThrow(/timed out/);
  expect((await s().shipments.get(STORE, data.shipment_id))?.state).toBe('pending');
}

describe('a retry after BigCommerce’s answer to the shipment was lost', () => {
  it('single address: the shipment written by the lost attempt is adopted; created, not failed', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 2 }] });
    const data = shipment({ items: [{ sku: 'A', quantity: 2 }] });
    await firstAttemptLosesTheAnswer(data);
    expect(await applyShipment(s(), STORE, data)).toBe('created');
    expect(bc.shipments(ORDER)).toHaveLength(1);
    expect(await s().shipments.get(STORE, 'shp_1')).toMatchObject({ state: 'created', bcShipmentIds: { '10': 1 }, error: null });
    expect((await s().orders.get(STORE, ORDER))?.state).toBe('shipped');
    const log = await s().syncLog.timeline(STORE, ORDER);
    expect(log.some((e) => e.message.startsWith('Shipment found in BigCommerce (#1)'))).toBe(true);
  });

  it('same SKU on two addresses: the item stays on the address it shipped to, no second shipment elsewhere', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 1 }], 20: [{ id: 2, sku: 'A', quantity: 1 }] });
    const data = shipment();
    await firstAttemptLosesTheAnswer(data);
    expect(await applyShipment(s(), STORE, data)).toBe('created');
    expect(bc.shipments(ORDER).map((x) => x.order_address_id)).toEqual([10]);
    expect(await s().shipments.get(STORE, 'shp_1')).toMatchObject({ state: 'created', bcShipmentIds: { '10': 1 } });
    expect(bc.statusOf(ORDER)).toBe(3);
  });

  it('no tracking number: a partial shipment is not created twice', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 3 }] });
    const data = shipment({ tracking_number: null, carrier: 'Letter post' });
    await firstAttemptLosesTheAnswer(data);
    expect(await applyShipment(s(), STORE, data)).toBe('created');
    expect(bc.shipments(ORDER)).toHaveLength(1);
    expect(bc.shipments(ORDER)[0]!.items).toEqual([{ order_product_id: 1, quantity: 1 }]);
  });

  it('two addresses, the second part’s answer lost: the retry adopts it and creates nothing', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 1 }], 20: [{ id: 2, sku: 'B', quantity: 1 }] });
    const data = shipment({
      tracking_number: null,
      items: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
    });
    // The first POST answers, the second is applied but its answer is lost.
    bc.loseNextShipmentAnswers(1, 1);
    await expect(applyShipment(s(), STORE, data)).rejects.toThrow(/timed out/);
    expect((await s().shipments.get(STORE, 'shp_1'))?.bcShipmentIds).toEqual({ '10': 1 });
    expect(bc.shipments(ORDER)).toHaveLength(2);
    expect(await applyShipment(s(), STORE, data)).toBe('created');
    expect(bc.shipments(ORDER)).toHaveLength(2);
    expect((await s().shipments.get(STORE, 'shp_1'))?.bcShipmentIds).toEqual({ '10': 1, '20': 2 });
    expect((await s().orders.get(STORE, ORDER))?.state).toBe('shipped');
  });

  it('every shipment carries the marker; another warehouse shipment’s BigCommerce shipment is never adopted', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 2 }] });
    expect(await applyShipment(s(), STORE, shipment({ shipment_id: 'shp_1', tracking_number: 'SAME' }))).toBe('created');
    expect(bc.shipments(ORDER)[0]!.comments).toBe(shipmentMarker('shp_1'));
    // shp_10 shares the tracking number and its marker starts like shp_1's: still its own shipment.
    await firstAttemptLosesTheAnswer(shipment({ shipment_id: 'shp_10', tracking_number: 'SAME' }));
    await s().shipments.finish(STORE, 'shp_10', 'failed', 'x', clock.now());
    expect(await applyShipment(s(), STORE, shipment({ shipment_id: 'shp_10', tracking_number: 'SAME' }))).toBe('created');
    expect(bc.shipments(ORDER).map((x) => x.comments)).toEqual([shipmentMarker('shp_1'), shipmentMarker('shp_10')]);
    expect((await s().shipments.get(STORE, 'shp_10'))?.bcShipmentIds).toEqual({ '10': 2 });
  });

  it('the first attempt of a shipment does not read the order’s shipments (API budget)', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 1 }] });
    expect(await applyShipment(s(), STORE, shipment())).toBe('created');
    expect(bc.calls.filter((c) => c === 'GET /orders/7/shipments')).toEqual([]);
  });
});

describe('two jobs applying the same shipment at once', () => {
  it('only one writes it; the other is told to look again later without spending an attempt', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 2 }] });
    // The first job is inside BigCommerce (reading the order) when the second starts.
    const held = bc.holdNext('GET /orders/7');
    const first = applyShipment(s(), STORE, shipment());
    await held.reached;
    const second = applyShipment(s(), STORE, shipment());
    const err = await second.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableJobError);
    expect((err as RetryableJobError).opts.countsAsAttempt).toBe(false);
    held.release();
    expect(await first).toBe('created');
    expect(bc.shipments(ORDER)).toHaveLength(1);
    // The second job's next run finds it written.
    expect(await applyShipment(s(), STORE, shipment())).toBe('already');
    expect(bc.shipments(ORDER)).toHaveLength(1);
    // 1 of 2 shipped: partially shipped, not "sent" (issue 8 point 3).
    expect((await s().orders.get(STORE, ORDER))?.state).toBe('partially_shipped');
  });

  it('a claim whose process died expires and is taken over; the old owner can no longer write', async () => {
    const row = { storeHash: STORE, backendShipmentId: 'shp_c', orderId: ORDER, trackingNumber: null, carrier: null, service: null, trackingUrl: null, items: [] };
    const t0 = clock.now();
    expect(await s().shipments.claim(row, 'dead', t0, 1_000)).toMatchObject({ fresh: true, claimed: true });
    expect(await s().shipments.claim(row, 'next', t0 + 999, 1_000)).toMatchObject({ fresh: false, claimed: false });
    expect(await s().shipments.claim(row, 'next', t0 + 1_001, 1_000)).toMatchObject({ fresh: false, claimed: true });
    expect(await s().shipments.renewClaim(STORE, 'shp_c', 'dead', t0 + 1_002, 1_000)).toBe(false);
    expect(await s().shipments.renewClaim(STORE, 'shp_c', 'next', t0 + 1_002, 1_000)).toBe(true);
  });

  it('a late "failed" verdict (a dead job) does not undo a shipment another job created', async () => {
    bc.addOrder(ORDER, { 10: [{ id: 1, sku: 'A', quantity: 1 }] });
    expect(await applyShipment(s(), STORE, shipment())).toBe('created');
    await markShipmentFailed(s(), { storeHash: STORE, orderId: ORDER, backendShipmentId: 'shp_1' }, 'Shipment could not be written to BigCommerce', 'late');
    expect((await s().shipments.get(STORE, 'shp_1'))?.state).toBe('created');
    expect((await s().orders.get(STORE, ORDER))?.state).toBe('shipped');
  });
});

describe('a store the app cannot reach when the shipment arrives', () => {
  async function storedShipmentEvent(): Promise<number> {
    const envelope = {
      id: 'evt_1',
      type: 'shipment.created',
      created_at: '2026-03-01T10:00:00Z',
      data: {
        order_id: 'WH-7',
        external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: ORDER },
        shipment_id: 'shp_1',
        tracking_number: '1Z1',
        carrier: 'UPS',
        service: null,
        items: [{ sku: 'A', quantity: 1 }],
      },
    };
    const { id } = await s().webhookEvents.record(
      { storeHash: STORE, source: 'fulfillment', eventId: envelope.id, topic: envelope.type, resourceId: null, payload: JSON.stringify(envelope) },
      clock.now(),
      b.db,
    );
    return id;
  }
  const eventJob = (eventRowId: number) => jobOf(STORE, JOB.fulfillmentEvent, { eventRowId });

  it('token unreadable: the shipment is failed with the real reason, the event is failed, Retry can pick it up', async () => {
    await b.db('stores').where({ hash: STORE }).update({ access_token_enc: 'not-a-sealed-token' });
    const eventRowId = await storedShipmentEvent();
    await handleFulfillmentEvent(s(), eventJob(eventRowId));
    const row = await s().shipments.get(STORE, 'shp_1');
    expect(row?.state).toBe('failed');
    expect(row?.error).toMatch(/^Shipment shp_1 was not written to BigCommerce: the app’s saved access to the store can no longer be read .*re-authorise/);
    expect(await s().orders.get(STORE, ORDER)).toMatchObject({ state: 'needs_attention', attentionReason: row?.error });
    const event = await s().webhookEvents.get(STORE, eventRowId);
    expect(event?.status).toBe('failed');
    expect((await s().shipments.failedForOrders(STORE, [ORDER])).map((x) => x.backendShipmentId)).toEqual(['shp_1']);
  });

  it('app uninstalled: failed with "not installed", not "no order the app sent"', async () => {
    await s().stores.markUninstalled(STORE, clock.now(), b.db);
    expect(await applyShipment(s(), STORE, shipment())).toBe('needs_attention');
    expect((await s().shipments.get(STORE, 'shp_1'))?.error).toMatch(/the app is not installed in this store/);
  });
});

describe('job kinds', () => {
  it('the shipment retry job is a JOB kind with a handler', () => {
    expect(JOB.shipmentRetry).toBe('fulfillment.shipment-retry');
    expect(jobHandlers(s())[JOB.shipmentRetry]).toBeTypeOf('function');
  });
});
