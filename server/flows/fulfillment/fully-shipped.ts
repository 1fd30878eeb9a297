import type { OrderSyncState } from '../../domain/order-state.js';
import type { BcOrder } from '../../bigcommerce/index.js';
import type { Collaborators } from '../../collaborators.js';
import { withShippedQuantities } from '../order-import/order-details.js';

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

/** BigCommerce's fixed status ids for a shipped order (orders v2). */
export const SHIPPED_STATUS_ID = 2;
export const PARTIALLY_SHIPPED_STATUS_ID = 3;

/** The status and sync state an order gets after a shipment was written. */
export function shippedStateOf(order: Pick<BcOrder, 'consignments' | 'items_shipped' | 'items_total'>) {
  const fully = isFullyShipped(order);
  return {
    fully,
    statusId: fully ? SHIPPED_STATUS_ID : PARTIALLY_SHIPPED_STATUS_ID,
    state: fully ? ('shipped' as const) : ('partially_shipped' as const),
  };
}

/** Sync states a partial shipment moves on: an order still held for a failed shipment stays held. */
const MOVES_ON: readonly OrderSyncState[] = ['sent', 'partially_shipped', 'needs_attention'];

/**
 * After a shipment was written: the order is "shipped" or "partially_shipped" (not "sent"), and
 * the shipped quantities (`after`: the order as BigCommerce has it now, worked out without reading
 * it) are kept for the order page. The BigCommerce status is not claimed: it is recorded when
 * BigCommerce's statusUpdated event says it (or by confirm-shipped-status.ts). A partially shipped
 * order held for another failed shipment stays "needs attention" until that one is written.
 */
export async function recordShipped(s: Pick<Collaborators, 'orders' | 'shipments' | 'clock'>, storeHash: string, orderId: number, after: BcOrder): Promise<void> {
  const now = s.clock.now();
  const { fully, state } = shippedStateOf(after);
  const order = await s.orders.get(storeHash, orderId);
  if (!order) return;
  const stillHeld = !fully && order.state === 'needs_attention' && (await s.shipments.failedForOrders(storeHash, [orderId])).length > 0;
  if (fully || (MOVES_ON.includes(order.state) && !stillHeld)) {
    await s.orders.setState(storeHash, orderId, { state, attentionReason: null, lastError: null }, now);
  }
  if (order.details) await s.orders.saveDetails(storeHash, orderId, withShippedQuantities(order.details, after), now);
}
