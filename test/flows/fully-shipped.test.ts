import { describe, expect, it } from 'vitest';
import { isFullyShipped } from '../../server/flows/fulfillment/fully-shipped.js';

const line = (quantity: number, shipped: number, refunded = 0) => ({ id: 1, quantity, quantity_shipped: shipped, quantity_refunded: refunded });
const order = (lines: ReturnType<typeof line>[], totals: { items_total?: number; items_shipped?: number } = {}) => ({
  ...totals,
  consignments: { shipping: [{ id: 10, line_items: lines }] },
});

describe('isFullyShipped', () => {
  it('is fully shipped when every shippable line shipped, whatever items_total counts (digital lines)', () => {
    expect(isFullyShipped(order([line(2, 2)], { items_total: 3, items_shipped: 2 }))).toBe(true);
  });

  it('does not wait for quantities refunded before shipping', () => {
    expect(isFullyShipped(order([line(3, 2, 1)], { items_total: 3, items_shipped: 2 }))).toBe(true);
  });

  it('is partial while a line still has unshipped quantity', () => {
    expect(isFullyShipped(order([line(2, 2), line(2, 1)], { items_total: 4, items_shipped: 3 }))).toBe(false);
  });

  it('falls back to the order totals when the consignments are missing', () => {
    expect(isFullyShipped({ items_total: 2, items_shipped: 2 })).toBe(true);
    expect(isFullyShipped({ items_total: 2, items_shipped: 1 })).toBe(false);
  });
});
