import { workSettled } from '../helpers/queue-idle.js';
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

const account = () => h.warehouse.control.accounts()[0]!;
const row = (orderId: number) => h.app.services.orders.get(STORE, orderId);
const detail = async (orderId: number) => (await h.api('get', `/api/orders/${orderId}`)).body;
const bcShipments = (orderId: number) => h.sandbox.control.shipments(STORE, orderId);
const bcStatus = (orderId: number) => h.sandbox.control.getOrder(STORE, orderId).statusId;

/** An order placed in BigCommerce and accepted by the warehouse. */
async function sentOrder(input: Parameters<ImportHarness['sandbox']['control']['createOrder']>[1] = {}) {
  const order = h.sandbox.control.createOrder(STORE, { statusId: 11, ...input });
  const sent = await waitFor(
    async () => {
      const r = await row(order.id);
      return r?.backendOrderId ? r : undefined;
    },
    { what: `order ${order.id} sent` },
  );
  return { order, backendId: sent.backendOrderId! };
}

const drained = () => waitFor(() => workSettled(h.app.services.jobs.queue, h.worker), { what: 'queue drained' });

function shipmentEvent(backendId: string, orderId: number, items: Array<{ sku: string; quantity: number; order_line_id?: number }>, over: Record<string, unknown> = {}) {
  return {
    order_id: backendId,
    external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: orderId },
    shipment_id: `shp_${Math.random().toString(36).slice(2, 10)}`,
    tracking_number: `1Z${Math.floor(Math.random() * 1e9)}`,
    carrier: 'UPS',
    service: 'Ground',
    tracking_url: null,
    items,
    ...over,
  };
}

describe('shipments and tracking back to BigCommerce', () => {
  it('a full shipment becomes a BigCommerce shipment with the provider set, and the order is Shipped', async () => {
    const { order, backendId } = await sentOrder();
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', service: 'Ground' });
    const [shipment] = await waitFor(() => (bcShipments(order.id).length ? bcShipments(order.id) : undefined), { what: 'BC shipment' });
    expect(shipment).toMatchObject({ trackingNumber: '1Z999AA10123456784', shippingProvider: 'ups', shippingMethod: 'Ground' });
    expect(shipment!.items.reduce((n, i) => n + i.quantity, 0)).toBe(3);
    await waitFor(async () => (await row(order.id))?.state === 'shipped', { what: 'shipped state' });
    expect(bcStatus(order.id)).toBe(2);
    const d = await detail(order.id);
    expect(d.shipments).toHaveLength(1);
    expect(d.shipments[0]).toMatchObject({ trackingNumber: '1Z999AA10123456784', carrier: 'UPS', state: 'created' });
  });

  it('partial shipments to two consignments: one BigCommerce shipment per address, Partially Shipped then Shipped', async () => {
    const { order, backendId } = await sentOrder({
      consignments: [
        { lines: [{ sku: 'SBX-MUG-01', quantity: 2 }] },
        { address: { firstName: 'Sam', street1: '9 Side St', city: 'Dallas', zip: '75201' }, lines: [{ sku: 'SBX-TEE-BLK-M', quantity: 1 }] },
      ],
    });
    const account_ = account();
    let delivery = await h.warehouse.control.pushEvent(account_.id, 'shipment.created', shipmentEvent(backendId, order.id, [{ sku: 'SBX-MUG-01', quantity: 1 }]));
    expect(delivery.status).toBe(200);
    await waitFor(() => bcShipments(order.id).length === 1, { what: 'first part' });
    await drained();
    expect(bcStatus(order.id)).toBe(3);
    expect((await row(order.id))?.state).toBe('partially_shipped');
    delivery = await h.warehouse.control.pushEvent(
      account_.id,
      'shipment.created',
      shipmentEvent(backendId, order.id, [
        { sku: 'SBX-MUG-01', quantity: 1 },
        { sku: 'SBX-TEE-BLK-M', quantity: 1 },
      ]),
    );
    expect(delivery.status).toBe(200);
    await waitFor(() => bcShipments(order.id).length === 3, { what: 'second shipment, two addresses' });
    const addresses = new Set(bcShipments(order.id).map((x) => x.orderAddressId));
    expect(addresses.size).toBe(2);
    await waitFor(async () => (await row(order.id))?.state === 'shipped', { what: 'fully shipped' });
    expect(bcStatus(order.id)).toBe(2);
  });

  it('the warehouse ships in two parts: Partially Shipped, then Shipped, tracking on both', async () => {
    const { order, backendId } = await sentOrder();
    await h.warehouse.control.ship(backendId, { firstItemOnly: true, carrier: 'UPS', trackingNumber: '1ZPART1' });
    await waitFor(() => bcShipments(order.id).length === 1, { what: 'first part' });
    await drained();
    expect(bcStatus(order.id)).toBe(3);
    expect(h.warehouse.control.order(backendId).status).toBe('received');
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZPART2' });
    await waitFor(async () => (await row(order.id))?.state === 'shipped', { what: 'fully shipped' });
    expect(
      bcShipments(order.id)
        .map((x) => x.trackingNumber)
        .sort(),
    ).toEqual(['1ZPART1', '1ZPART2']);
    expect(bcStatus(order.id)).toBe(2);
    expect(h.warehouse.control.order(backendId).status).toBe('shipped');
    await expect(h.warehouse.control.ship(backendId, {})).rejects.toThrow();
  });

  it('a repeated shipment event makes one BigCommerce shipment', async () => {
    const { order, backendId } = await sentOrder();
    const { delivery } = await h.warehouse.control.ship(backendId, { carrier: 'FedEx', trackingNumber: 'FX123' });
    await waitFor(() => bcShipments(order.id).length === 1, { what: 'shipment' });
    await h.warehouse.control.redeliver(delivery.eventId);
    await h.warehouse.control.redeliver(delivery.eventId);
    await drained();
    expect(bcShipments(order.id)).toHaveLength(1);
    expect(bcShipments(order.id)[0]!.shippingProvider).toBe('fedex');
  });

  it('an unknown carrier falls back to a tracking link; a carrier mapping sets the provider', async () => {
    const first = await sentOrder();
    await h.warehouse.control.ship(first.backendId, { carrier: 'Sandbox Express', trackingNumber: 'SX1', trackingUrl: 'https://track.example.com/SX1' });
    const [s1] = await waitFor(() => (bcShipments(first.order.id).length ? bcShipments(first.order.id) : undefined), { what: 'shipment' });
    expect(s1).toMatchObject({ shippingProvider: '', trackingLink: 'https://track.example.com/SX1' });
    const carriers = await h.api('get', '/api/carrier-mappings');
    expect(carriers.body.items.find((c: { backendCarrier: string }) => c.backendCarrier === 'Sandbox Express')).toMatchObject({ shippingProvider: null, seen: 1 });
    expect((await h.api('put', '/api/carrier-mappings', { backendCarrier: 'Sandbox Express', shippingProvider: 'usps', trackingCarrier: null })).status).toBe(200);
    const second = await sentOrder();
    await h.warehouse.control.ship(second.backendId, { carrier: 'Sandbox Express', trackingNumber: 'SX2' });
    const [s2] = await waitFor(() => (bcShipments(second.order.id).length ? bcShipments(second.order.id) : undefined), { what: 'mapped shipment' });
    expect(s2!.shippingProvider).toBe('usps');
    expect((await h.api('put', '/api/carrier-mappings', { backendCarrier: 'X', shippingProvider: 'pigeon', trackingCarrier: null })).status).toBe(400);
  });

  it('an item that matches no line puts the order in "needs attention"', async () => {
    const { order, backendId } = await sentOrder();
    await h.warehouse.control.pushEvent(account().id, 'shipment.created', shipmentEvent(backendId, order.id, [{ sku: 'NOT-IN-ORDER', quantity: 1 }]));
    const r = await waitFor(async () => ((await row(order.id))?.state === 'needs_attention' ? row(order.id) : undefined), { what: 'needs attention' });
    expect(r?.attentionReason).toMatch(/NOT-IN-ORDER × 1/);
    expect(bcShipments(order.id)).toHaveLength(0);
  });
});

describe('cancellations both ways', () => {
  it('an order cancelled before it was sent is never sent', async () => {
    await h.api('put', '/api/settings/flows', { orders: false });
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11 });
    await drained();
    h.sandbox.control.setOrderStatus(STORE, order.id, 5);
    await h.api('put', '/api/settings/flows', { orders: true });
    await h.app.services.jobs.queue.enqueue({ storeHash: STORE, kind: 'order.sync', payload: { orderId: order.id }, dedupeKey: `order:${STORE}:${order.id}` });
    await waitFor(async () => (await row(order.id))?.state === 'cancelled', { what: 'cancelled' });
    await drained();
    expect(h.warehouse.control.orders().some((o) => (o.body.external_ref as { order_id: number }).order_id === order.id)).toBe(false);
  });

  it('cancelled after sending: the warehouse cancels it', async () => {
    const { order, backendId } = await sentOrder();
    h.sandbox.control.setOrderStatus(STORE, order.id, 5);
    await waitFor(() => h.warehouse.control.order(backendId).status === 'cancelled', { what: 'cancelled at warehouse' });
    await waitFor(async () => (await row(order.id))?.cancellation?.outcome === 'cancelled', { what: 'recorded' });
    expect((await detail(order.id)).cancellation).toMatchObject({ source: 'bigcommerce', outcome: 'cancelled' });
  });

  it('cancelled after shipping: too late, with a visible alert', async () => {
    const { order, backendId } = await sentOrder();
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZLATE' });
    await waitFor(async () => (await row(order.id))?.state === 'shipped', { what: 'shipped' });
    h.sandbox.control.setOrderStatus(STORE, order.id, 5);
    const r = await waitFor(async () => ((await row(order.id))?.cancellation?.outcome === 'too_late' ? row(order.id) : undefined), { what: 'too late' });
    expect(r?.alert).toMatch(/could no longer stop it/);
    expect((await detail(order.id)).alert).toMatch(/could no longer stop it/);
  });

  it('the warehouse cancels or rejects: the order follows, and the chosen status is set in BigCommerce', async () => {
    await h.api('put', '/api/settings/flow-options', { statusOnBackendCancelId: 5 });
    const a = await sentOrder();
    const cancelRequestsBefore = h.warehouse.control.requests.filter((r) => r.path.endsWith('/cancel')).length;
    await h.warehouse.control.cancel(a.backendId, 'Out of stock');
    await waitFor(() => bcStatus(a.order.id) === 5, { what: 'BC status set' });
    await drained();
    expect(await row(a.order.id)).toMatchObject({ state: 'cancelled', cancellation: { source: 'warehouse', outcome: 'cancelled', message: 'Out of stock' } });
    // Our own status change must not bounce back as a cancellation request.
    expect(h.warehouse.control.requests.filter((r) => r.path.endsWith('/cancel')).length).toBe(cancelRequestsBefore);

    const b = await sentOrder();
    await h.warehouse.control.reject(b.backendId, 'Address not deliverable');
    const rb = await waitFor(async () => ((await row(b.order.id))?.cancellation?.outcome === 'rejected' ? row(b.order.id) : undefined), { what: 'rejected' });
    expect(rb?.alert).toMatch(/Address not deliverable/);
    await h.api('put', '/api/settings/flow-options', { statusOnBackendCancelId: null });
  });
});

describe('inventory from the warehouse', () => {
  it('writes absolute levels for tracked products and variants, and lists what it skipped', async () => {
    await h.warehouse.control.setInventory(account().id, [
      { sku: 'SBX-MUG-01', available: 17 },
      { sku: 'SBX-TEE-BLK-M', available: 5 },
      { sku: 'SBX-GIFT-CARD', available: 99 },
      { sku: 'NO-SUCH-SKU', available: 3 },
    ]);
    await waitFor(
      async () =>
        (await h.db('inventory_items').where({ store_hash: STORE, status: 'pending' })).length === 0 && (await h.db('inventory_items').where({ store_hash: STORE })).length === 4,
      { what: 'inventory settled' },
    );
    expect(h.sandbox.control.inventoryLevel(STORE, 'SBX-MUG-01')).toBe(17);
    expect(h.sandbox.control.inventoryLevel(STORE, 'SBX-TEE-BLK-M')).toBe(5);
    const view = await h.api('get', '/api/inventory?status=skipped');
    const reasons = Object.fromEntries(view.body.items.map((i: { sku: string; reason: string }) => [i.sku, i.reason]));
    expect(reasons['SBX-GIFT-CARD']).toMatch(/tracking is off/);
    expect(reasons['NO-SUCH-SKU']).toMatch(/no product or variant/);
    expect(h.sandbox.control.adjustments.filter((a) => a.status === 200).at(-1)!.items).toBe(2);
  });

  it('translates backend SKUs back through the mappings and batches above 2,000 items', async () => {
    await h.api('post', '/api/sku-mappings', { bcSku: 'SBX-TEE-BLK-L', backendSku: 'WH-TEE-L' });
    for (let i = 0; i < 2_100; i++) h.sandbox.control.addProduct(STORE, { sku: `BULK-${i}`, inventoryTracking: 'product' });
    const before = h.sandbox.control.adjustments.length;
    const items = [{ sku: 'WH-TEE-L', available: 8 }, ...Array.from({ length: 2_100 }, (_, i) => ({ sku: `BULK-${i}`, available: i % 50 }))];
    for (let i = 0; i < items.length; i += 1000) await h.warehouse.control.setInventory(account().id, items.slice(i, i + 1000));
    await waitFor(() => h.sandbox.control.inventoryLevel(STORE, 'BULK-2099') === 49 && h.sandbox.control.inventoryLevel(STORE, 'SBX-TEE-BLK-L') === 8, {
      what: 'bulk written',
      timeoutMs: 30_000,
    });
    const writes = h.sandbox.control.adjustments.slice(before).filter((a) => a.status === 200);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...writes.map((w) => w.items))).toBeLessThanOrEqual(2_000);
    expect(h.sandbox.control.adjustments.slice(before).some((a) => a.status === 409)).toBe(false);
  }, 60_000); // 2,100 products written through the sandbox: CPU-bound, slow on a loaded machine

  it('never subscribes to inventory webhooks, so its own writes cannot loop back', () => {
    expect(h.sandbox.control.hooks(STORE).some((x) => x.scope.includes('inventory') || x.scope.includes('product'))).toBe(false);
  });
});

describe('flow switches and polling', () => {
  it('turning Orders off stops imports at once and removes the hook it needed; on restores it', async () => {
    await h.api('put', '/api/settings/flows', { orders: false });
    await waitFor(() => !h.sandbox.control.hooks(STORE).some((x) => x.scope === 'store/order/created'), { what: 'created hook removed' });
    expect(h.sandbox.control.hooks(STORE).some((x) => x.scope === 'store/order/statusUpdated')).toBe(true); // cancellations still on
    const order = h.sandbox.control.createOrder(STORE, { statusId: 1 });
    h.sandbox.control.setOrderStatus(STORE, order.id, 11);
    await drained();
    expect((await row(order.id))?.backendOrderId ?? null).toBeNull();
    await h.api('put', '/api/settings/flows', { orders: true });
    await waitFor(() => h.sandbox.control.hooks(STORE).some((x) => x.scope === 'store/order/created'), { what: 'hook restored' });
  });

  it('turning Fulfillment off ignores shipments', async () => {
    const { order, backendId } = await sentOrder();
    await h.api('put', '/api/settings/flows', { fulfillment: false });
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZOFF' });
    await drained();
    expect(bcShipments(order.id)).toHaveLength(0);
    await h.api('put', '/api/settings/flows', { fulfillment: true });
  });

  it('polling mode reads the shipment feed when the backend does not push', async () => {
    const { order, backendId } = await sentOrder();
    h.warehouse.control.setAppWebhookUrl(null);
    // The first poll reads the feeds from the start: with Inventory on, the 2,100 levels of the
    // batching test above too, seconds of work this test does not look at.
    expect((await h.api('put', '/api/settings/flows', { inventory: false })).status).toBe(200);
    await h.api('put', '/api/settings/flow-options', { syncMode: 'poll' });
    await h.warehouse.control.ship(backendId, { carrier: 'UPS', trackingNumber: '1ZPOLL' });
    await h.app.services.jobs.queue.enqueue({ storeHash: STORE, kind: 'fulfillment.poll', dedupeKey: `poll:${STORE}` });
    await waitFor(() => bcShipments(order.id).some((x) => x.trackingNumber === '1ZPOLL'), { what: 'polled shipment' });
    await h.api('put', '/api/settings/flow-options', { syncMode: 'push' });
    expect((await h.api('put', '/api/settings/flows', { inventory: true })).status).toBe(200);
    h.warehouse.control.setAppWebhookUrl(`${h.appUrl}/webhooks/fulfillment`);
  });
});
