// BigCommerce's fixed order statuses with their default names (orders.v2 spec, GET /order_statuses).
// A merchant can rename a status (custom_label) but not add or remove one, so this table is what a
// store shows until the app has read the store's own labels (flows/store-refresh.ts).
import type { StoreOrderStatus } from '../domain/store-lists.js';

export const DEFAULT_ORDER_STATUSES: readonly StoreOrderStatus[] = [
  { id: 0, name: 'Incomplete', label: 'Incomplete' },
  { id: 1, name: 'Pending', label: 'Pending' },
  { id: 2, name: 'Shipped', label: 'Shipped' },
  { id: 3, name: 'Partially Shipped', label: 'Partially Shipped' },
  { id: 4, name: 'Refunded', label: 'Refunded' },
  { id: 5, name: 'Cancelled', label: 'Cancelled' },
  { id: 6, name: 'Declined', label: 'Declined' },
  { id: 7, name: 'Awaiting Payment', label: 'Awaiting Payment' },
  { id: 8, name: 'Awaiting Pickup', label: 'Awaiting Pickup' },
  { id: 9, name: 'Awaiting Shipment', label: 'Awaiting Shipment' },
  { id: 10, name: 'Completed', label: 'Completed' },
  { id: 11, name: 'Awaiting Fulfillment', label: 'Awaiting Fulfillment' },
  { id: 12, name: 'Manual Verification Required', label: 'Manual Verification Required' },
  { id: 13, name: 'Disputed', label: 'Disputed' },
  { id: 14, name: 'Partially Refunded', label: 'Partially Refunded' },
];

/** The default name of a status id, or null for an id BigCommerce does not have. */
export function defaultStatusName(id: number): string | null {
  return DEFAULT_ORDER_STATUSES.find((s) => s.id === id)?.name ?? null;
}
