// BigCommerce's fixed order statuses (reference/orders.v2.oas2.yml, GET /order_statuses). Merchants
// can rename a status (custom_label) but not add or remove one, so labels are the only per-store state.
import type { OrderStatusDef } from './types.js';

// Sort positions are the `order` values of the spec's example response (the control panel's order).
export const ORDER_STATUSES: readonly OrderStatusDef[] = [
  { id: 0, name: 'Incomplete', sortOrder: 0, description: 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.' },
  { id: 1, name: 'Pending', sortOrder: 1, description: 'Customer started the checkout process, but did not complete it.' },
  { id: 2, name: 'Shipped', sortOrder: 8, description: 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.' },
  { id: 3, name: 'Partially Shipped', sortOrder: 6, description: 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.' },
  { id: 4, name: 'Refunded', sortOrder: 11, description: 'Seller has used the Refund action.' },
  { id: 5, name: 'Cancelled', sortOrder: 9, description: 'Seller has cancelled an order, due to a stock inconsistency or other reasons.' },
  { id: 6, name: 'Declined', sortOrder: 10, description: 'Seller has marked the order as declined for lack of manual payment, or other reasons.' },
  { id: 7, name: 'Awaiting Payment', sortOrder: 2, description: 'Customer has completed checkout process, but payment has yet to be confirmed.' },
  { id: 8, name: 'Awaiting Pickup', sortOrder: 5, description: 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.' },
  { id: 9, name: 'Awaiting Shipment', sortOrder: 4, description: 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.' },
  { id: 10, name: 'Completed', sortOrder: 7, description: 'Client has paid for their digital product and their file(s) are available for download.' },
  { id: 11, name: 'Awaiting Fulfillment', sortOrder: 3, description: 'Customer has completed the checkout process and payment has been confirmed.' },
  { id: 12, name: 'Manual Verification Required', sortOrder: 13, description: 'Order is on hold while some aspect needs to be manually confirmed.' },
  { id: 13, name: 'Disputed', sortOrder: 12, description: 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.' },
  { id: 14, name: 'Partially Refunded', sortOrder: 14, description: 'Seller has partially refunded the order.' },
];

export function statusDef(id: number): OrderStatusDef | undefined {
  return ORDER_STATUSES.find((s) => s.id === id);
}

export function isStatusId(id: unknown): id is number {
  return typeof id === 'number' && Number.isInteger(id) && statusDef(id) !== undefined;
}

/** orderStatus_Base plus `order`, as GET /v2/order_statuses answers it. */
export function renderStatus(def: OrderStatusDef, customLabel: string | undefined): Record<string, unknown> {
  return {
    id: def.id,
    name: def.name,
    system_label: def.name,
    custom_label: customLabel ?? def.name,
    system_description: def.description,
    order: def.sortOrder,
  };
}
