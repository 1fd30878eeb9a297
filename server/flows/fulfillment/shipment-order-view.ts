// Where the shipment flow gets the order from (issue 9 point 7): the snapshot kept at import plus
// the app's own shipments (no BigCommerce call), or one read when there is no snapshot, when an
// earlier attempt of this shipment may have written parts, or when BigCommerce refused a part
// allocated from the snapshot (something the snapshot cannot know: a hand-made shipment, a refund).
import { getOrderWithConsignments, type BcOrder, type BigCommerceClient } from '../../bigcommerce/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { orderFromSnapshot, readSnapshot, snapshotOf } from './order-snapshot.js';

export interface OrderView {
  order: BcOrder;
  /** 'snapshot': allocated without a call, so a refusal may only mean the snapshot is stale. */
  source: 'snapshot' | 'read';
}

/** The order for allocating shipment `shipmentId`; `firstAttempt` is the claim's `fresh`. */
export async function orderForShipment(
  s: Pick<Collaborators, 'shipments'>,
  client: BigCommerceClient,
  row: Pick<OrderRow, 'storeHash' | 'orderId' | 'details'>,
  shipmentId: string,
  firstAttempt: boolean,
): Promise<OrderView> {
  const snapshot = firstAttempt ? readSnapshot(row.details?.consignments) : null;
  if (snapshot) {
    const ours = await s.shipments.shippedByApp(row.storeHash, row.orderId, shipmentId);
    return { order: orderFromSnapshot(row.orderId, snapshot, ours), source: 'snapshot' };
  }
  return { order: await getOrderWithConsignments(client, row.orderId), source: 'read' };
}

/**
 * Reads the order after BigCommerce refused a part allocated from the snapshot, and re-bases the
 * snapshot on what BigCommerce says (less the app's own shipments), so the next shipment of this
 * order allocates right without a read.
 */
export async function rereadAndRebase(
  s: Pick<Collaborators, 'shipments' | 'orders' | 'clock'>,
  client: BigCommerceClient,
  row: Pick<OrderRow, 'storeHash' | 'orderId' | 'details'>,
  shipmentId: string,
): Promise<OrderView> {
  const order = await getOrderWithConsignments(client, row.orderId);
  const ours = await s.shipments.shippedByApp(row.storeHash, row.orderId, shipmentId);
  if (row.details) await s.orders.saveDetails(row.storeHash, row.orderId, { ...row.details, consignments: snapshotOf(order, ours) }, s.clock.now());
  return { order, source: 'read' };
}

/** The order with `parts` (order_address_id → lines) shipped on top: how BigCommerce has it after this shipment. */
export function withPartsShipped(order: BcOrder, parts: ReadonlyMap<number, ReadonlyArray<{ order_product_id: number; quantity: number }>>): BcOrder {
  const add = new Map<number, number>();
  for (const items of parts.values()) for (const i of items) add.set(i.order_product_id, (add.get(i.order_product_id) ?? 0) + i.quantity);
  if (add.size === 0) return order;
  const shipping = (order.consignments?.shipping ?? []).map((c) => ({
    ...c,
    line_items: c.line_items.map((l) => (add.has(l.id) ? { ...l, quantity_shipped: (l.quantity_shipped ?? 0) + add.get(l.id)! } : l)),
  }));
  return { ...order, consignments: { ...order.consignments, shipping } };
}
