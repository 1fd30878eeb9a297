import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { orderFromSnapshot, readSnapshot, snapshotOf } from '../../server/flows/fulfillment/order-snapshot.js';
import { withPartsShipped } from '../../server/flows/fulfillment/shipment-order-view.js';
import { isFullyShipped } from '../../server/flows/fulfillment/fully-shipped.js';

const read = orderSchema.parse({
  id: 7,
  status_id: 11,
  consignments: {
    shipping: [
      { id: 70, line_items: [{ id: 1, sku: 'A', quantity: 3, quantity_shipped: 2, quantity_refunded: 0, order_address_id: 70 }] },
      { id: 71, line_items: [{ id: 2, sku: 'B', quantity: 1, quantity_shipped: 0, quantity_refunded: 1 }] },
    ],
  },
});

describe('the shipment flow’s copy of an order', () => {
  it('keeps what others shipped, and adds the app’s own shipments back when rebuilt', () => {
    const snap = snapshotOf(read, new Map([[1, 1]])); // one of the two shipped units was the app's
    expect(snap[0]!.line_items[0]).toMatchObject({ quantity_shipped: 1 });
    const rebuilt = orderFromSnapshot(7, snap, new Map([[1, 1]]));
    expect(rebuilt.consignments!.shipping[0]!.line_items[0]).toMatchObject({ id: 1, quantity: 3, quantity_shipped: 2, order_address_id: 70 });
    // A line without order_address_id ships to its consignment (allocate's fallback).
    expect(rebuilt.consignments!.shipping[1]!.line_items[0]!.order_address_id).toBeUndefined();
  });

  it('a shipment’s parts on top make the order fully shipped (a refunded line needs nothing)', () => {
    const base = orderFromSnapshot(7, snapshotOf(read), new Map());
    expect(isFullyShipped(base)).toBe(false);
    expect(isFullyShipped(withPartsShipped(base, new Map([[70, [{ order_product_id: 1, quantity: 1 }]]])))).toBe(true);
  });

  it('a missing or damaged copy reads as none (the flow then reads the order)', () => {
    expect(readSnapshot(undefined)).toBeNull();
    expect(readSnapshot([{ id: 'x' }])).toBeNull();
    expect(readSnapshot(snapshotOf(read))).toHaveLength(2);
  });
});
