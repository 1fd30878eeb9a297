// Issue 9 point 7: import, status after acceptance and one shipment cost at most 3 BigCommerce
// calls over the order's life (was 5), counted at the sandbox; and what the shipment flow does when
// its copy of the order is out of date (lines shipped by hand in the control panel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmShippedStatus } from '../../server/flows/fulfillment/confirm-shipped-status.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { jobOf } from '../helpers/order-sync-fakes.js';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
  expect((await h.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 9 })).status).toBe(200);
});
afterAll(async () => h?.close());

const row = (orderId: number) => h.app.services.orders.get(STORE, orderId);
const callsFor = (orderId: number) =>
  h.sandbox.control.requests
    .filter((r) => r.storeHash === STORE && new RegExp(`/v2/orders/${orderId}(/|$)`).test(r.path))
    .map((r) => `${r.method} ${r.path.replace(/^\/stores\/[^/]+/, '')}`);
const stateIs = (orderId: number, state: string) => waitFor(async () => ((await row(orderId))?.state === state ? row(orderId) : undefined), { what: `order ${orderId} ${state}` });

async function sentAndAccepted(lines: Array<{ sku: string; quantity: number }>) {
  const order = h.sandbox.control.createOrder(STORE, { statusId: 11, lines });
  const sent = await waitFor(
    async () => {
      const r = await row(order.id);
      return r?.backendOrderId && h.sandbox.control.getOrder(STORE, order.id).statusId === 9 ? r : undefined;
    },
    { what: `order ${order.id} sent and in the status after acceptance` },
  );
  return { order, backendId: sent.backendOrderId! };
}

/** Runs the shipped-status check the shipment scheduled, as the worker would a minute later. */
async function runShippedStatusCheck(orderId: number) {
  const job = await h.app.services
    .db('jobs')
    .where({ kind: JOB.orderShippedStatus, state: 'pending', dedupe_key: `shipped-status:${STORE}:${orderId}` })
    .first('payload');
  expect(job, 'a shipped-status check is scheduled').toBeDefined();
  await confirmShippedStatus(h.app.services, jobOf(STORE, JOB.orderShippedStatus, JSON.parse(String(job.payload))));
}

describe('API economy over an order’s life', () => {
  it('import, status after acceptance and one shipment: 3 BigCommerce calls for the order, and the status check costs none', async () => {
    const { order, backendId } = await sentAndAccepted([{ sku: 'SKU-1', quantity: 1 }]);
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZECONOMY1' });
    await stateIs(order.id, 'shipped');
    // BigCommerce moved the status itself; its statusUpdated event is heard and recorded.
    await waitFor(async () => ((await row(order.id))?.bcStatusId === 2 ? true : undefined), { what: 'Shipped heard' });
    await runShippedStatusCheck(order.id);
    expect(callsFor(order.id)).toEqual([`GET /v2/orders/${order.id}`, `PUT /v2/orders/${order.id}`, `POST /v2/orders/${order.id}/shipments`]);
    expect(h.sandbox.control.getOrder(STORE, order.id).statusId).toBe(2);
  });

  it('a store where shipments do not move the status: the check sets it with one PUT', async () => {
    h.sandbox.control.setShipmentAutoStatus(false);
    try {
      const { order, backendId } = await sentAndAccepted([{ sku: 'SKU-1', quantity: 1 }]);
      await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZECONOMY2' });
      await stateIs(order.id, 'shipped');
      expect(h.sandbox.control.getOrder(STORE, order.id).statusId).toBe(9);
      await runShippedStatusCheck(order.id);
      expect(h.sandbox.control.getOrder(STORE, order.id).statusId).toBe(2);
      expect(callsFor(order.id).filter((c) => c.startsWith('GET'))).toHaveLength(1); // the import's read only
    } finally {
      h.sandbox.control.setShipmentAutoStatus(true);
    }
  });

  it('a unit shipped by hand after import: the app ships the rest and follows BigCommerce’s Shipped', async () => {
    const { order, backendId } = await sentAndAccepted([{ sku: 'SKU-1', quantity: 2 }]);
    const bc = h.sandbox.control.getOrder(STORE, order.id);
    // The merchant ships one of the two units in the control panel: the app's copy still says 2 to go.
    h.sandbox.control.createShipment(STORE, order.id, { orderAddressId: bc.consignments[0]!.id, items: [{ orderProductId: bc.lines[0]!.id, quantity: 1 }] });
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZECONOMY3', items: [{ sku: 'SKU-1', quantity: 1 }] });
    await stateIs(order.id, 'partially_shipped'); // as far as the app's copy knows
    await waitFor(async () => ((await row(order.id))?.bcStatusId === 2 ? true : undefined), { what: 'Shipped heard' });
    await runShippedStatusCheck(order.id);
    expect((await row(order.id))?.state).toBe('shipped');
    expect(callsFor(order.id).filter((c) => c.startsWith('GET'))).toHaveLength(1);
  });

  it('a line shipped by hand that the warehouse ships too: refused on the copy, read once, then held with the reason', async () => {
    const { order, backendId } = await sentAndAccepted([{ sku: 'SKU-1', quantity: 1 }]);
    h.sandbox.control.createShipment(STORE, order.id); // everything, by hand
    const held = await (async () => {
      await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZECONOMY4' });
      return stateIs(order.id, 'needs_attention');
    })();
    expect(held?.attentionReason).toMatch(/match no unshipped line/);
    // Allocated on the copy and refused by BigCommerce, then read once: nothing is left to ship, no second POST.
    expect(callsFor(order.id).filter((c) => !c.startsWith('PUT'))).toEqual([`GET /v2/orders/${order.id}`, `POST /v2/orders/${order.id}/shipments`, `GET /v2/orders/${order.id}`]);
  });
});
