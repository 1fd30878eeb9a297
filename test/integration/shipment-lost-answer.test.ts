// End to end through the sandbox: BigCommerce writes the shipment but its answer is lost (504).
// The job's retry must adopt it: one BigCommerce shipment, on the address it went to, and the
// order is not flagged. The same SKU ships to two addresses and there is no tracking number, the
// two cases where the old retry wrote a second, wrong shipment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
});
afterAll(async () => h?.close());

describe('a shipment whose BigCommerce answer was lost', () => {
  it('is adopted by the retry, not failed and not written to the other address', async () => {
    const order = h.sandbox.control.createOrder(STORE, {
      statusId: 11,
      consignments: [
        { lines: [{ sku: 'SBX-MUG-01', quantity: 1 }] },
        { address: { firstName: 'Sam', street1: '9 Side St', city: 'Dallas', zip: '75201' }, lines: [{ sku: 'SBX-MUG-01', quantity: 1 }] },
      ],
    });
    const sent = await waitFor(
      async () => {
        const r = await h.app.services.orders.get(STORE, order.id);
        return r?.backendOrderId ? r : undefined;
      },
      { what: `order ${order.id} sent` },
    );
    const account = h.warehouse.control.accounts()[0]!;
    h.sandbox.control.loseShipmentAnswers(1);
    const delivery = await h.warehouse.control.pushEvent(account.id, 'shipment.created', {
      order_id: sent.backendOrderId,
      external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: order.id },
      shipment_id: 'shp_lost_answer',
      tracking_number: null,
      carrier: 'Letter post',
      service: null,
      items: [{ sku: 'SBX-MUG-01', quantity: 1 }],
    });
    expect(delivery.status).toBe(200);
    const row = await waitFor(
      async () => {
        const r = await h.app.services.shipments.get(STORE, 'shp_lost_answer');
        return r && r.state !== 'pending' ? r : undefined;
      },
      { what: 'shipment settled' },
    );
    expect(row.state).toBe('created');
    const bc = h.sandbox.control.shipments(STORE, order.id);
    expect(bc).toHaveLength(1);
    expect(bc[0]!.orderAddressId).toBe(h.sandbox.control.getOrder(STORE, order.id).consignments[0]!.id);
    expect(bc[0]!.comments).toBe('Fulfillment Bridge shipment shp_lost_answer');
    // One of two consignments shipped: the order is partly shipped (written right after the shipment row).
    await waitFor(async () => (await h.app.services.orders.get(STORE, order.id))?.state === 'partially_shipped', { what: 'order partly shipped' });
  });
});
