// Shipments that cannot be written to BigCommerce are never left "pending": a job that used its
// last attempt fails the shipment on its order, Retry and mapping changes queue it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requeueHeldOrders } from '../../server/api/requeue.js';
import { createWorker } from '../../server/flows/runtime.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { failDeadShipmentJob } from '../../server/flows/fulfillment/shipment-dead.js';
import { clearShipmentAttention, markShipmentFailed } from '../../server/flows/fulfillment/shipment-failure.js';
import type { JobRecord } from '../../server/jobs/types.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { bootDataOf, FakeClock } from '../helpers/harness.js';

let b: Awaited<ReturnType<typeof bareApp>>;
// Session tokens are checked against the real time, so the fake clock starts now.
const clock = new FakeClock(Date.now());
const s = () => b.app.services;

beforeEach(async () => {
  b = await bareApp({ clock });
  await b.install();
  await s().orders.upsertSeen(STORE, 7, { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: 'Ann', orderDate: null, shippingMethod: null }, 'waiting', clock.now());
  await s().orders.markSent(STORE, 7, 'WH-7', {}, clock.now());
});
afterEach(async () => b.close());

/** A stored shipment no job is working on (claimed once, then released). */
async function beginShipment(backendShipmentId: string) {
  const shipment = { storeHash: STORE, backendShipmentId, orderId: 7, trackingNumber: '1Z1', carrier: 'UPS', service: null, trackingUrl: null, items: [{ sku: 'A', quantity: 1 }] };
  await s().shipments.claim(shipment, 'test-setup', clock.now(), 60_000);
  await s().shipments.releaseClaim(STORE, backendShipmentId, 'test-setup');
}

const job = (over: Partial<JobRecord>): JobRecord => ({
  id: 1,
  storeHash: STORE,
  kind: 'x',
  payload: null,
  dedupeKey: null,
  state: 'running',
  attempts: 20,
  maxAttempts: 20,
  runAt: 0,
  lastError: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

async function storedShipmentEvent(shipmentId: string): Promise<number> {
  const envelope = {
    id: `evt_${shipmentId}`,
    type: 'shipment.created',
    created_at: '2026-03-01T10:00:00Z',
    data: {
      order_id: 'WH-7',
      external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 7 },
      shipment_id: shipmentId,
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

describe('a shipment job that used its last attempt', () => {
  it('fulfillment.event: the shipment is failed, the order needs attention with the error, the event is failed', async () => {
    await beginShipment('shp_dead');
    const eventRowId = await storedShipmentEvent('shp_dead');
    const handled = await failDeadShipmentJob(
      s(),
      job({ kind: 'fulfillment.event', payload: { eventRowId } }),
      new Error('BigCommerce: POST /v2/orders/7/shipments failed with 503'),
    );
    expect(handled).toBe(true);
    const reason = 'Shipment shp_dead could not be written to BigCommerce after 20 attempts: BigCommerce: POST /v2/orders/7/shipments failed with 503';
    expect(await s().shipments.get(STORE, 'shp_dead')).toMatchObject({ state: 'failed', error: reason });
    expect(await s().orders.get(STORE, 7)).toMatchObject({ state: 'needs_attention', attentionReason: reason, lastError: reason });
    expect((await s().webhookEvents.get(STORE, eventRowId))?.status).toBe('failed');
  });

  it('a shipment already written, or a job of another kind, is left alone', async () => {
    await beginShipment('shp_done');
    await s().shipments.finish(STORE, 'shp_done', 'created', null, clock.now());
    expect(await failDeadShipmentJob(s(), job({ kind: JOB.shipmentRetry, payload: { backendShipmentId: 'shp_done' } }), new Error('x'))).toBe(false);
    expect(await failDeadShipmentJob(s(), job({ kind: 'inventory.push' }), new Error('x'))).toBe(false);
    expect((await s().orders.get(STORE, 7))?.state).toBe('sent');
  });

  it('the worker’s onDead does it for a retry job whose BigCommerce call keeps failing', async () => {
    await beginShipment('shp_retry');
    // bareApp has no BigCommerce: the call fails (connection refused), and one attempt is the last.
    await s().jobs.queue.enqueue({ storeHash: STORE, kind: JOB.shipmentRetry, payload: { backendShipmentId: 'shp_retry' }, maxAttempts: 1 });
    const worker = createWorker(s(), { pollMs: 5 });
    await worker.runUntilIdle({ timeoutMs: 5_000 });
    const shipment = await s().shipments.get(STORE, 'shp_retry');
    expect(shipment?.state).toBe('failed');
    expect(shipment?.error).toMatch(/^Shipment shp_retry could not be written to BigCommerce after 1 attempts: /);
    expect((await s().orders.get(STORE, 7))?.state).toBe('needs_attention');
  });
});

describe('retrying failed shipments', () => {
  it('Retry on the order queues each failed shipment again and says so on the timeline', async () => {
    await beginShipment('shp_a');
    await markShipmentFailed(s(), { storeHash: STORE, orderId: 7, backendShipmentId: 'shp_a' }, 'BigCommerce refused the shipment', 'BigCommerce refused shipment shp_a: no.');
    const page = await b.http.get('/load').query({ signed_payload_jwt: b.sign() });
    const token = (await b.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token as string;
    const res = await b.http.post('/api/orders/7/retry').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const jobs = await b.db('jobs').where({ kind: JOB.shipmentRetry });
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ backendShipmentId: 'shp_a' }]);
    expect(res.body.timeline.some((e: { message: string }) => e.message === 'Retry requested. The failed shipment is sent to BigCommerce again.')).toBe(true);
  });

  it('a mapping change re-checks held orders and queues their failed shipments', async () => {
    await beginShipment('shp_b');
    await markShipmentFailed(s(), { storeHash: STORE, orderId: 7, backendShipmentId: 'shp_b' }, 'Shipment could not be matched to the order', 'no line');
    expect(await requeueHeldOrders(s(), STORE)).toBe(1);
    const jobs = await b.db('jobs').where({ kind: JOB.shipmentRetry });
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ backendShipmentId: 'shp_b' }]);
  });

  it('the order leaves "needs attention" once none of its shipments is failed', async () => {
    await beginShipment('shp_c');
    await beginShipment('shp_d');
    for (const id of ['shp_c', 'shp_d']) {
      await markShipmentFailed(s(), { storeHash: STORE, orderId: 7, backendShipmentId: id }, 'BigCommerce refused the shipment', `refused ${id}`);
    }
    await s().shipments.finish(STORE, 'shp_c', 'created', null, clock.now());
    await clearShipmentAttention(s(), STORE, 7);
    expect((await s().orders.get(STORE, 7))?.state).toBe('needs_attention');
    await s().shipments.finish(STORE, 'shp_d', 'created', null, clock.now());
    await clearShipmentAttention(s(), STORE, 7);
    expect(await s().orders.get(STORE, 7)).toMatchObject({ state: 'sent', attentionReason: null, lastError: null });
  });
});
