import type { BcOrder } from '../../bigcommerce/index.js';

/**
 * Whether everything that can ship has shipped. Read from the shipping consignments' lines (what
 * was ordered, less what was refunded, against what shipped), not from the order's `items_total`:
 * the spec calls that only "the total number of items in the order", so digital lines of a mixed
 * order or quantities refunded before shipping could keep a fully shipped order "Partially
 * Shipped" and make the app set that status over BigCommerce's own Shipped.
 */
export function isFullyShipped(order: Pick<BcOrder, 'consignments' | 'items_shipped' | 'items_total'>): boolean {
  const lines = (order.consignments?.shipping ?? []).flatMap((c) => c.line_items);
  if (lines.length === 0) return (order.items_shipped ?? 0) >= (order.items_total ?? Infinity);
  return lines.every((line) => (line.quantity_shipped ?? 0) >= line.quantity - (line.quantity_refunded ?? 0));
}
