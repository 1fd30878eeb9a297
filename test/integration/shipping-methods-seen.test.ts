// An order held for a shipping method's mapping can always be released from Settings: every
// consignment's method is listed (not only the first's), the empty method can be mapped, and a
// method or SKU with stray whitespace is saved and looked up under one spelling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShippingMethodMapping } from '../../server/api/contract.js';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
});
afterAll(async () => h?.close());

const orderRow = (orderId: number) => h.app.services.orders.get(STORE, orderId);
const warehouseOrderFor = (orderId: number) => h.warehouse.control.orders().find((o) => (o.body.external_ref as { order_id: number }).order_id === orderId);
const listed = async (): Promise<ShippingMethodMapping[]> => (await h.api('get', '/api/shipping-mappings')).body.items;
const held = (orderId: number) => waitFor(async () => ((await orderRow(orderId))?.state === 'needs_attention' ? orderRow(orderId) : undefined), { what: 'held' });

describe('shipping methods an order is held for are listed and mappable', () => {
  it("a second address's method is listed, and mapping it sends the order", async () => {
    const order = h.sandbox.control.createOrder(STORE, {
      statusId: 11,
      consignments: [{ shippingMethod: 'Flat Rate' }, { shippingMethod: 'Express Two', lines: [{ sku: 'SBX-MUG-01' }] }],
    });
    expect((await held(order.id))?.attentionReason).toMatch(/"Express Two" has no mapping/);
    expect((await listed()).find((m) => m.method === 'Express Two')).toEqual({ method: 'Express Two', backendCode: null, ordersSeen: 1 });
    expect((await h.api('put', '/api/shipping-mappings', { method: 'Express Two', backendCode: 'EXP2' })).status).toBe(200);
    const sent = await waitFor(() => warehouseOrderFor(order.id), { what: 'sent once mapped' });
    expect((sent.body.shipments as Array<{ shipping_method: string }>).map((s) => s.shipping_method)).toEqual(['GROUND', 'EXP2']);
  });

  it('a consignment without a method is held as "(no method)", listed as the empty method, and can be mapped', async () => {
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11, consignments: [{ shippingMethod: '' }] });
    expect((await held(order.id))?.attentionReason).toMatch(/^Shipping method \(no method\) has no mapping/);
    expect((await listed()).find((m) => m.method === '')).toMatchObject({ backendCode: null, ordersSeen: 1 });
    expect((await h.api('put', '/api/shipping-mappings', { method: '', backendCode: 'STD' })).status).toBe(200);
    const sent = await waitFor(() => warehouseOrderFor(order.id), { what: 'sent once mapped' });
    expect((sent.body.shipments as Array<{ shipping_method: string }>)[0]!.shipping_method).toBe('STD');
  });

  it('a method and a SKU with surrounding spaces are looked up as they are saved (trimmed)', async () => {
    expect((await h.api('post', '/api/sku-mappings', { bcSku: 'SBX-MUG-01', backendSku: 'WH-MUG' })).status).toBe(201);
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11, consignments: [{ shippingMethod: '  Pickup Point ', lines: [{ sku: 'SBX-MUG-01 ' }] }] });
    expect((await held(order.id))?.attentionReason).toMatch(/"Pickup Point" has no mapping/);
    expect((await listed()).find((m) => m.method === 'Pickup Point')).toMatchObject({ ordersSeen: 1 });
    expect((await h.api('put', '/api/shipping-mappings', { method: 'Pickup Point ', backendCode: ' PUDO ' })).status).toBe(200);
    const sent = await waitFor(() => warehouseOrderFor(order.id), { what: 'sent once mapped' });
    const shipment = (sent.body.shipments as Array<{ shipping_method: string; lines: Array<{ sku: string }> }>)[0]!;
    expect(shipment.shipping_method).toBe('PUDO');
    expect(shipment.lines.map((l) => l.sku)).toEqual(['WH-MUG']);
  });
});
