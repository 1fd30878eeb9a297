import type { Collaborators } from '../../collaborators.js';

type Deps = Pick<Collaborators, 'shipments' | 'orders' | 'syncLog' | 'clock'>;

/**
 * A shipment that cannot be written to BigCommerce: the shipment is "failed" with the reason, the
 * order "needs attention" with the same reason (so it shows in the list and on the order page with
 * a Retry button), and the order's timeline says what happened.
 */
export async function markShipmentFailed(s: Deps, where: { storeHash: string; orderId: number; backendShipmentId: string }, title: string, reason: string): Promise<void> {
  const now = s.clock.now();
  // Another job may have written it meanwhile: a created shipment stays created, the order untouched.
  if (!(await s.shipments.finish(where.storeHash, where.backendShipmentId, 'failed', reason, now))) return;
  await s.orders.setState(where.storeHash, where.orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason }, now);
  await s.syncLog.append({ storeHash: where.storeHash, orderId: where.orderId, flow: 'fulfillment', level: 'error', message: title, detail: reason }, now);
}

/**
 * After a shipment was written: the order leaves "needs attention" when no shipment of it is
 * failed any more (a shipment problem is the only reason an order already at the warehouse has).
 */
export async function clearShipmentAttention(s: Deps, storeHash: string, orderId: number): Promise<void> {
  const order = await s.orders.get(storeHash, orderId);
  if (order?.state !== 'needs_attention' || !order.backendOrderId) return;
  if ((await s.shipments.failedForOrders(storeHash, [orderId])).length > 0) return;
  await s.orders.setState(storeHash, orderId, { state: 'sent', attentionReason: null, lastError: null }, s.clock.now());
}
