import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { allocateShipment } from '../../server/flows/fulfillment/allocate.js';
import { reverseSkuLookup } from '../../server/storage/reverse-sku-map.js';

/** One address (consignment 7) with the given lines (id, BigCommerce SKU, quantity). */
const orderWith = (lines: Array<[number, string, number]>) =>
  orderSchema.parse({
    id: 100,
    status_id: 11,
    consignments: { shipping: [{ id: 7, line_items: lines.map(([id, sku, quantity]) => ({ id, sku, quantity, order_address_id: 7 })) }] },
  });

const lookup = (...list: Array<[string, string]>) => reverseSkuLookup(list.map(([bcSku, backendSku]) => ({ bcSku, backendSku })));
const shipped = (result: ReturnType<typeof allocateShipment>) => result.byAddress.get(7) ?? [];

describe('shipment items without order_line_id are matched through the reverse SKU map', () => {
  it('chain LAMP-A → LAMP-B → LAMP-C: backend LAMP-B ships the LAMP-A line, never the LAMP-B line', () => {
    const order = orderWith([
      [1, 'LAMP-B', 1],
      [2, 'LAMP-A', 1],
    ]);
    const result = allocateShipment(order, [{ sku: 'LAMP-B', quantity: 1 }], lookup(['LAMP-A', 'LAMP-B'], ['LAMP-B', 'LAMP-C']));
    expect(shipped(result)).toEqual([{ order_product_id: 2, quantity: 1 }]);
    expect(result.unmatched).toEqual([]);
  });

  it('chain: backend LAMP-C ships the LAMP-B line', () => {
    const order = orderWith([
      [1, 'LAMP-B', 2],
      [2, 'LAMP-A', 1],
    ]);
    const result = allocateShipment(order, [{ sku: 'LAMP-C', quantity: 2 }], lookup(['LAMP-A', 'LAMP-B'], ['LAMP-B', 'LAMP-C']));
    expect(shipped(result)).toEqual([{ order_product_id: 1, quantity: 2 }]);
  });

  it('swap A → B, B → A: each backend SKU ships the other line', () => {
    const order = orderWith([
      [1, 'A', 1],
      [2, 'B', 3],
    ]);
    const result = allocateShipment(
      order,
      [
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 1 },
      ],
      lookup(['A', 'B'], ['B', 'A']),
    );
    expect(shipped(result)).toEqual([
      { order_product_id: 2, quantity: 3 },
      { order_product_id: 1, quantity: 1 },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('swap: more of a backend SKU than its mapped line holds is unmatched, not put on the same-named line', () => {
    const order = orderWith([
      [1, 'A', 5],
      [2, 'B', 1],
    ]);
    const result = allocateShipment(order, [{ sku: 'A', quantity: 2 }], lookup(['A', 'B'], ['B', 'A']));
    expect(shipped(result)).toEqual([{ order_product_id: 2, quantity: 1 }]);
    expect(result.unmatched).toEqual([{ sku: 'A', quantity: 1 }]);
  });

  it('many-to-one: one backend SKU fills every line mapped to it', () => {
    const order = orderWith([
      [1, 'TEE-RED', 1],
      [2, 'TEE-BLUE', 2],
      [3, 'MUG', 1],
    ]);
    const result = allocateShipment(order, [{ sku: 'WH-TEE', quantity: 3 }], lookup(['TEE-RED', 'WH-TEE'], ['TEE-BLUE', 'WH-TEE']));
    expect(shipped(result).reduce((n, x) => n + x.quantity, 0)).toBe(3);
    expect(
      shipped(result)
        .map((x) => x.order_product_id)
        .sort(),
    ).toEqual([1, 2]);
    expect(result.unmatched).toEqual([]);
  });
});
