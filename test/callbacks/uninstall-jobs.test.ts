// Issue 7, point 5: /uninstall must not delete queued work for warehouse events the app already
// acknowledged (the warehouse never sends them again); the rest is deleted as before.
import { afterEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../server/flows/runtime.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const pendingKinds = async (app: BareApp, storeHash = STORE) =>
  (await app.db('jobs').where({ store_hash: storeHash, state: 'pending' }).select('kind').orderBy('kind')).map((r) => String(r.kind));

describe('GET /uninstall and queued jobs', () => {
  it('keeps warehouse events, shipment retries and status changes; deletes what a reinstall re-derives', async () => {
    t = await bareApp();
    await t.install();
    const q = t.app.services.jobs.queue;
    for (const kind of Object.values(JOB)) {
      if (kind === JOB.retention) continue;
      await q.enqueue({ storeHash: STORE, kind, payload: { eventRowId: 1 } });
    }
    await q.enqueue({ storeHash: 'other1', kind: JOB.orderSync });

    // A second later, as BigCommerce would call it (an uninstall issued before the install is stale).
    const res = await t.http.get('/uninstall').query({ signed_payload_jwt: t.sign({ iat: Math.floor(Date.now() / 1000) + 1 }) });
    expect(res.body).toEqual({ ok: true, outcome: 'uninstalled' });

    expect(await pendingKinds(t)).toEqual([JOB.fulfillmentEvent, JOB.shipmentRetry, JOB.orderSetStatus].sort());
    expect(await pendingKinds(t, 'other1')).toEqual([JOB.orderSync]);
  });
});

describe('a warehouse event acknowledged just before the uninstall', () => {
  it('is not lost: its kept job runs and leaves the event failed and the order saying "not installed … press Retry"', async () => {
    t = await bareApp();
    const s = t.app.services;
    await t.install();
    const now = Date.now();
    await s.orders.upsertSeen(STORE, 7, { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: 'Ann', orderDate: null, shippingMethod: null }, 'waiting', now);
    await s.orders.markSent(STORE, 7, 'WH-7', {}, now);
    const envelope = {
      id: 'evt_1',
      type: 'shipment.created',
      created_at: new Date(now).toISOString(),
      data: {
        order_id: 'WH-7',
        external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 7 },
        shipment_id: 'shp_1',
        tracking_number: '1Z1',
        carrier: 'UPS',
        service: null,
        items: [{ sku: 'A', quantity: 1 }],
      },
    };
    const { id: eventRowId } = await s.webhookEvents.record(
      { storeHash: STORE, source: 'fulfillment', eventId: envelope.id, topic: envelope.type, resourceId: null, payload: JSON.stringify(envelope) },
      now,
      t.db,
    );
    const { id: jobId } = await s.jobs.queue.enqueue({ storeHash: STORE, kind: JOB.fulfillmentEvent, payload: { eventRowId } });

    await t.http
      .get('/uninstall')
      .query({ signed_payload_jwt: t.sign({ iat: Math.floor(now / 1000) + 1 }) })
      .expect(200);
    const job = await s.jobs.queue.get(jobId);
    expect(job?.state).toBe('pending');

    await jobHandlers(s)[JOB.fulfillmentEvent]!(job!, { signal: new AbortController().signal });
    expect(await t.db('webhook_events').where({ id: eventRowId }).first('status')).toEqual({ status: 'failed' });
    const shipment = await s.shipments.get(STORE, 'shp_1');
    expect(shipment?.state).toBe('failed');
    expect(shipment?.error).toMatch(/the app is not installed in this store\. Install it again, then press Retry/);
    expect((await s.orders.get(STORE, 7))?.state).toBe('needs_attention');
  });
});

describe('KnexJobQueue.cancelPending', () => {
  it('without keepKinds deletes every pending job of the store', async () => {
    t = await bareApp();
    const q = t.app.services.jobs.queue;
    await q.enqueue({ storeHash: STORE, kind: JOB.fulfillmentEvent });
    await q.enqueue({ storeHash: STORE, kind: JOB.orderSync });
    expect(await q.cancelPending(STORE)).toBe(2);
    expect(await q.cancelPending(STORE, { keepKinds: [] })).toBe(0);
  });
});
