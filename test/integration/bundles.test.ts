// Issue 9 points 6 and 10, end to end against the sandbox: the sandbox gift set (a bundle) is sent
// as its parts, ships in BigCommerce once every part has shipped, and gets the stock its parts make.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_BUNDLE } from '../../sandbox/catalog/defaults.js';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
  const saved = await h.api('post', '/api/sku-mappings', { bcSku: SANDBOX_BUNDLE.sku, components: SANDBOX_BUNDLE.components });
  expect(saved.status).toBe(201);
});
afterAll(async () => h?.close());

const row = (orderId: number) => h.app.services.orders.get(STORE, orderId);

describe('the sandbox gift set', () => {
  it('is sent as its parts, waits on a partial set, and ships the BigCommerce line with the rest', async () => {
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11, lines: [{ sku: 'SBX-GIFT-SET', name: 'Sandbox Gift Set', quantity: 1, price: '30.00' }] });
    const sent = await waitFor(async () => ((await row(order.id))?.backendOrderId ? row(order.id) : undefined), { what: 'order sent' });
    const lineId = h.sandbox.control.getOrder(STORE, order.id).lines[0]!.id;
    const body = h.warehouse.control.order(sent.backendOrderId!).body as { shipments: Array<{ lines: Array<{ sku: string; quantity: number; order_line_id: number }> }> };
    expect(body.shipments[0]!.lines.map((l) => [l.sku, l.quantity, l.order_line_id])).toEqual([
      ['SBX-MUG-01', 1, lineId],
      ['SBX-TEA-TIN', 2, lineId],
    ]);
    expect((await h.api('get', `/api/orders/${order.id}`)).body.lines[0].warehouseSku).toBe('SBX-MUG-01 × 1, SBX-TEA-TIN × 2');

    await h.warehouse.control.ship(sent.backendOrderId!, { items: [{ sku: 'SBX-MUG-01', quantity: 1, order_line_id: lineId }] });
    const waiting = await waitFor(
      async () => {
        const log = (await h.api('get', `/api/activity?orderId=${order.id}&limit=50`)).body.items as Array<{ message: string }>;
        return log.find((e) => /Part of bundle SBX-GIFT-SET shipped/.test(e.message));
      },
      { what: 'partial set noted' },
    );
    expect(waiting.message).toMatch(/still to come: SBX-TEA-TIN × 2/);
    expect(h.sandbox.control.shipments(STORE, order.id)).toEqual([]);

    await h.warehouse.control.ship(sent.backendOrderId!, { items: [{ sku: 'SBX-TEA-TIN', quantity: 2, order_line_id: lineId }] });
    const [shipment] = await waitFor(() => (h.sandbox.control.shipments(STORE, order.id).length ? h.sandbox.control.shipments(STORE, order.id) : undefined), {
      what: 'BC shipment',
    });
    expect(shipment!.items).toEqual([expect.objectContaining({ orderProductId: lineId, quantity: 1 })]);
    await waitFor(async () => (await row(order.id))?.state === 'shipped', { what: 'shipped' });
  });

  it('gets the stock its parts make: min over parts of floor(level / quantity)', async () => {
    const account = h.warehouse.control.accounts()[0]!.id;
    await h.warehouse.control.setInventory(account, [
      { sku: 'SBX-MUG-01', available: 9 },
      { sku: 'SBX-TEA-TIN', available: 7 },
    ]);
    await waitFor(() => h.sandbox.control.inventoryLevel(STORE, 'SBX-GIFT-SET') === 3, { what: 'bundle level written' });
    expect(h.sandbox.control.inventoryLevel(STORE, 'SBX-MUG-01')).toBe(9);
  });
});
