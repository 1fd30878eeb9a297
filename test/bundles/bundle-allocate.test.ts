// Issue 9 point 6: shipments map back. A shipment of all components ships the bundle line; a
// partial set ships nothing of it and waits for the rest (counted from the earlier shipments).
import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { allocateShipment, bundleWaitNotes, type ShipmentSkus, type ShippedItem } from '../../server/flows/fulfillment/allocate.js';
import { bundleResolver, earlierItems, sentLinesOf } from '../../server/flows/fulfillment/shipment-skus.js';
import { reverseSkuLookup } from '../../server/storage/reverse-sku-map.js';

type L = [id: number, sku: string, quantity: number, shipped?: number];
const orderWith = (lines: L[]) =>
  orderSchema.parse({
    id: 100,
    status_id: 11,
    consignments: { shipping: [{ id: 7, line_items: lines.map(([id, sku, quantity, shipped = 0]) => ({ id, sku, quantity, quantity_shipped: shipped, order_address_id: 7 })) }] },
  });

const BUNDLES: Record<string, Array<{ sku: string; quantity: number }>> = {
  'GIFT-SET': [
    { sku: 'MUG-1', quantity: 1 },
    { sku: 'TEA-3', quantity: 2 },
  ],
  'MUG-PAIR': [{ sku: 'MUG-1', quantity: 2 }],
};
const skus = (earlier: ShippedItem[] = []): ShipmentSkus => ({
  bcSkusFor: reverseSkuLookup(Object.keys(BUNDLES).map((bcSku) => ({ bcSku, backendSku: BUNDLES[bcSku]![0]!.sku, bundle: true }))),
  bundleOf: (line) => BUNDLES[line.sku],
  earlier,
});
const shipped = (r: ReturnType<typeof allocateShipment>) => r.byAddress.get(7) ?? [];

describe('bundle lines ship when their set is complete', () => {
  it('all components of GIFT-SET × 2 ship the line twice', () => {
    const r = allocateShipment(
      orderWith([[1, 'GIFT-SET', 2]]),
      [
        { sku: 'MUG-1', quantity: 2 },
        { sku: 'TEA-3', quantity: 4 },
      ],
      skus(),
    );
    expect(shipped(r)).toEqual([{ order_product_id: 1, quantity: 2 }]);
    expect(r.unmatched).toEqual([]);
    expect(r.waiting).toEqual([]);
  });

  it('shipped units = min over components of floor(shipped / quantity): MUG-1 × 2 + TEA-3 × 3 is one set, the rest waits', () => {
    const r = allocateShipment(
      orderWith([[1, 'GIFT-SET', 2]]),
      [
        { sku: 'MUG-1', quantity: 2, order_line_id: 1 },
        { sku: 'TEA-3', quantity: 3, order_line_id: 1 },
      ],
      skus(),
    );
    expect(shipped(r)).toEqual([{ order_product_id: 1, quantity: 1 }]);
    expect(r.waiting).toEqual([{ orderProductId: 1, bcSku: 'GIFT-SET', missing: [{ sku: 'TEA-3', quantity: 1 }] }]);
    expect(bundleWaitNotes(r)[0]).toMatch(/Part of bundle GIFT-SET shipped; .*still to come: TEA-3 × 1/);
  });

  it('a partial set ships nothing and waits; the shipment with the rest ships the line, counting the earlier parts', () => {
    const order = orderWith([[1, 'GIFT-SET', 1]]);
    const first: ShippedItem[] = [{ sku: 'MUG-1', quantity: 1, order_line_id: 1 }];
    const a = allocateShipment(order, first, skus());
    expect(shipped(a)).toEqual([]);
    expect(a.unmatched).toEqual([]);
    expect(a.waiting).toEqual([{ orderProductId: 1, bcSku: 'GIFT-SET', missing: [{ sku: 'TEA-3', quantity: 2 }] }]);

    const b = allocateShipment(order, [{ sku: 'TEA-3', quantity: 2, order_line_id: 1 }], skus(first));
    expect(shipped(b)).toEqual([{ order_product_id: 1, quantity: 1 }]);
    expect(b.waiting).toEqual([]);
    // The earlier shipment, allocated again (a retry), still ships nothing: the set is shipped once.
    expect(shipped(allocateShipment(order, first, skus()))).toEqual([]);
  });

  it('a warehouse SKU in two bundles and sold alone: without line ids the lone line fills first, then the bundles in line order', () => {
    const order = orderWith([
      [1, 'GIFT-SET', 1],
      [2, 'MUG-1', 1],
      [3, 'MUG-PAIR', 1],
    ]);
    const r = allocateShipment(
      order,
      [
        { sku: 'MUG-1', quantity: 4 },
        { sku: 'TEA-3', quantity: 2 },
      ],
      skus(),
    );
    expect(shipped(r)).toEqual([
      { order_product_id: 2, quantity: 1 },
      { order_product_id: 1, quantity: 1 },
      { order_product_id: 3, quantity: 1 },
    ]);
    expect(r.unmatched).toEqual([]);
  });

  it('with line ids, a shared component goes to the line named, and a SKU that is not part of that bundle is unmatched', () => {
    const order = orderWith([
      [1, 'GIFT-SET', 1],
      [3, 'MUG-PAIR', 1],
    ]);
    const r = allocateShipment(
      order,
      [
        { sku: 'MUG-1', quantity: 2, order_line_id: 3 },
        { sku: 'SPOON', quantity: 1, order_line_id: 1 },
      ],
      skus(),
    );
    expect(shipped(r)).toEqual([{ order_product_id: 3, quantity: 1 }]);
    expect(r.unmatched).toEqual([{ sku: 'SPOON', quantity: 1 }]);
  });

  it('parts beyond the bundle line’s quantity are unmatched, and an already shipped line ships no more', () => {
    const r = allocateShipment(
      orderWith([[1, 'GIFT-SET', 1, 1]]),
      [
        { sku: 'MUG-1', quantity: 2, order_line_id: 1 },
        { sku: 'TEA-3', quantity: 2, order_line_id: 1 },
      ],
      skus(),
    );
    expect(shipped(r)).toEqual([]);
    expect(r.unmatched).toEqual([{ sku: 'MUG-1', quantity: 1 }]);
  });
});

describe('what a line was sent as, and which shipments came before', () => {
  it('reads bundles from the body sent (per unit), falling back to the mapping, and leaves plain lines alone', () => {
    const sent = sentLinesOf({
      shipments: [
        {
          lines: [
            { sku: 'MUG-1', quantity: 3, order_line_id: 1 },
            { sku: 'TEA-3', quantity: 6, order_line_id: 1 },
            { sku: 'WH-A', quantity: 2, order_line_id: 2 },
          ],
        },
      ],
    });
    const bundleOf = bundleResolver(
      sent,
      new Map([
        ['OLD-KIT', [{ sku: 'X', quantity: 2 }]],
        [
          'GIFT-SET',
          [
            { sku: 'EDITED', quantity: 1 },
            { sku: 'Y', quantity: 1 },
          ],
        ],
      ]),
    );
    expect(bundleOf({ id: 1, sku: 'GIFT-SET', quantity: 3 })).toEqual([
      { sku: 'MUG-1', quantity: 1 },
      { sku: 'TEA-3', quantity: 2 },
    ]);
    expect(bundleOf({ id: 2, sku: 'A-1', quantity: 2 })).toBeUndefined();
    expect(bundleOf({ id: 9, sku: 'OLD-KIT', quantity: 1 })).toEqual([{ sku: 'X', quantity: 2 }]);
  });

  it('earlier = the other shipments of the order that arrived before this one', () => {
    const rows = [
      { backendShipmentId: 'b', createdAt: 10, items: [{ sku: 'B', quantity: 1 }] },
      { backendShipmentId: 'a', createdAt: 10, items: [{ sku: 'A', quantity: 1 }] },
      { backendShipmentId: 'c', createdAt: 20, items: [{ sku: 'C', quantity: 1 }] },
    ];
    expect(earlierItems(rows, 'b').map((i) => i.sku)).toEqual(['A']);
    expect(earlierItems(rows, 'c').map((i) => i.sku)).toEqual(['B', 'A']);
    expect(earlierItems(rows, 'a')).toEqual([]);
  });
});
