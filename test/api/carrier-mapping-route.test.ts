// PUT /api/carrier-mappings: the tracking carrier is checked like a shipment checks it (an AfterShip
// slug) and the provider against BigCommerce's list, with a readable 400; saving a mapping retries
// the shipments BigCommerce refused (a mapping is often what fixes them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markShipmentFailed } from '../../server/flows/fulfillment/shipment-failure.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

let t: SignedInApp;
let token = '';
beforeAll(async () => {
  t = await signedInBareApp();
  token = t.token;
});
afterAll(() => t.close());
const put = (body: object) => t.http.put('/api/carrier-mappings').set('Authorization', `Bearer ${token}`).send(body);

describe('PUT /api/carrier-mappings', () => {
  it.each([['Royal Mail'], ['royal_mail'], ['Royal-Mail'], ['-dhl'], ['x'.repeat(65)]])('refuses tracking carrier %j with a readable 400', async (trackingCarrier) => {
    const res = await put({ backendCarrier: 'Parcel Co', shippingProvider: '', trackingCarrier });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/trackingCarrier: Use the AfterShip slug: lowercase letters, digits and hyphens, like dhl or royal-mail\./);
  });

  it('refuses an unknown shipping provider naming the accepted ones', async () => {
    const res = await put({ backendCarrier: 'Parcel Co', shippingProvider: 'pigeon', trackingCarrier: null });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/shippingProvider: Use one of BigCommerce's shipping providers: auspost, .*royalmail, or "" for a custom one\./);
  });

  it('saves a slug, and queues the failed shipments of held orders for another try', async () => {
    const s = t.app.services;
    const now = Date.now();
    await s.orders.upsertSeen(STORE, 7, { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: 'Ann', orderDate: null, shippingMethod: null }, 'waiting', now);
    await s.orders.markSent(STORE, 7, 'WH-7', {}, now);
    await s.shipments.claim(
      {
        storeHash: STORE,
        backendShipmentId: 'shp_refused',
        orderId: 7,
        trackingNumber: 'P1',
        carrier: 'Parcel Co',
        service: null,
        trackingUrl: null,
        items: [{ sku: 'A', quantity: 1 }],
      },
      'test-setup',
      now,
      60_000,
    );
    await s.shipments.releaseClaim(STORE, 'shp_refused', 'test-setup');
    await markShipmentFailed(s, { storeHash: STORE, orderId: 7, backendShipmentId: 'shp_refused' }, 'BigCommerce refused the shipment', "The field 'tracking_carrier' is invalid.");

    const res = await put({ backendCarrier: 'Parcel Co', shippingProvider: '', trackingCarrier: ' royal-mail ' });
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual(expect.objectContaining({ backendCarrier: 'Parcel Co', shippingProvider: '', trackingCarrier: 'royal-mail' }));
    const retries = await t.db('jobs').where({ kind: JOB.shipmentRetry });
    expect(retries.map((j) => JSON.parse(j.payload))).toEqual([{ backendShipmentId: 'shp_refused' }]);
    // A carrier mapping fixes shipments only: no order is read from BigCommerce again.
    expect(await t.db('jobs').where({ kind: JOB.orderSync })).toEqual([]);
  });
});
