// Issue 7 point 5: shipments BigCommerce refuses, and fields past BigCommerce's limits, through the
// sandbox (which refuses tracking_number > 50 and tracking_link > 500 like orderShipment_Post says).
import { pendingWork } from '../helpers/queue-idle.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.sandbox.control.clearFaults();
  h.warehouse.control.clearFaults();
});

const row = (orderId: number) => h.app.services.orders.get(STORE, orderId);
const detail = async (orderId: number) => (await h.api('get', `/api/orders/${orderId}`)).body;
const bcShipments = (orderId: number) => h.sandbox.control.shipments(STORE, orderId);

async function sentOrder() {
  const order = h.sandbox.control.createOrder(STORE, { statusId: 11 });
  const sent = await waitFor(
    async () => {
      const r = await row(order.id);
      return r?.backendOrderId ? r : undefined;
    },
    { what: `order ${order.id} sent` },
  );
  return { order, backendId: sent.backendOrderId! };
}

const stateIs = (orderId: number, state: string) => waitFor(async () => ((await row(orderId))?.state === state ? row(orderId) : undefined), { what: `order ${orderId} ${state}` });

describe('shipment fields past BigCommerce’s limits', () => {
  it('a 60-character tracking number: shipment created without it, full number in comments, warning on the order', async () => {
    const { order, backendId } = await sentOrder();
    const long = `LONG${'7'.repeat(56)}`;
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: long, service: 'Ground' });
    const [shipment] = await waitFor(() => (bcShipments(order.id).length ? bcShipments(order.id) : undefined), { what: 'BC shipment' });
    // The first line marks the app's shipment (own-shipments.ts), then the full number.
    expect(shipment).toMatchObject({ trackingNumber: '', shippingProvider: 'ups' });
    expect(shipment!.comments).toMatch(new RegExp(`^Fulfillment Bridge shipment \\S+\nTracking number: ${long}$`));
    await stateIs(order.id, 'shipped');
    const d = await detail(order.id);
    expect(d.shipments[0]).toMatchObject({ state: 'created', trackingNumber: long, error: null });
    expect(d.shipments[0].warning).toMatch(/60 characters long; BigCommerce accepts at most 50/);
    expect(d.timeline.some((e: { level: string; detail?: string }) => e.level === 'warn' && e.detail?.includes(long))).toBe(true);
  });

  it('a 600-character tracking link is not sent; the shipment is', async () => {
    const { order, backendId } = await sentOrder();
    const url = `https://track.example/?q=${'x'.repeat(575)}`;
    await h.warehouse.control.ship(backendId, { carrier: 'Sandbox Express', trackingNumber: 'SX600', trackingUrl: url });
    const [shipment] = await waitFor(() => (bcShipments(order.id).length ? bcShipments(order.id) : undefined), { what: 'BC shipment' });
    expect(shipment).toMatchObject({ trackingNumber: 'SX600', trackingLink: '' });
    await stateIs(order.id, 'shipped');
    expect((await detail(order.id)).shipments[0].warning).toMatch(/600 characters long; BigCommerce accepts at most 500/);
  });
});

describe('a shipment BigCommerce refuses', () => {
  it('is failed with BigCommerce’s message, the order needs attention, and Retry writes it', async () => {
    const { order, backendId } = await sentOrder();
    h.sandbox.control.refuseShipments('The order is being edited by another user.', { status: 422, count: 2 }); // refused again after the one read a refusal causes (the app first suspects its own copy of the order)
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZREFUSED1' });
    const held = await stateIs(order.id, 'needs_attention');
    expect(held?.attentionReason).toMatch(/^BigCommerce refused shipment .+: The order is being edited by another user\.$/);
    expect(bcShipments(order.id)).toHaveLength(0);
    const before = await detail(order.id);
    expect(before.shipments[0]).toMatchObject({ state: 'failed', error: held?.attentionReason });
    expect(before.timeline.some((e: { level: string; message: string }) => e.level === 'error' && e.message === 'BigCommerce refused the shipment')).toBe(true);
    // Refusals are not retried in the background: nothing else reached BigCommerce.
    expect(await pendingWork(h.app.services.jobs.queue)).toBe(0);

    const retried = await h.api('post', `/api/orders/${order.id}/retry`);
    expect(retried.status).toBe(200);
    await stateIs(order.id, 'shipped');
    expect(bcShipments(order.id).map((x) => x.trackingNumber)).toEqual(['1ZREFUSED1']);
    const after = await detail(order.id);
    expect(after).toMatchObject({ state: 'shipped', attentionReason: null, lastError: null });
    expect(after.shipments[0]).toMatchObject({ state: 'created', error: null });
  });

  it('a v2 400 (BigCommerce’s field message) is shown the same way', async () => {
    const { order, backendId } = await sentOrder();
    h.sandbox.control.refuseShipments("The field 'shipping_method' is invalid.", { status: 400, count: 2 });
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZREFUSED2' });
    const held = await stateIs(order.id, 'needs_attention');
    expect(held?.attentionReason).toMatch(/The field 'shipping_method' is invalid\.$/);
    expect((await h.app.services.webhookEvents.list(STORE, { source: 'fulfillment', status: 'failed' }, 1, 50)).items.length).toBeGreaterThan(0);
  });
});
