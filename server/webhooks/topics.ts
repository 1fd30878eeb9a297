/** Job kinds, in one place so producers and handlers agree. */
export const JOB = {
  orderSync: 'order.sync',
  orderSetStatus: 'order.set-status',
  /** After the app's shipment: sets Shipped / Partially Shipped only where BigCommerce did not move the status itself. */
  orderShippedStatus: 'order.shipped-status',
  ordersReconcile: 'orders.reconcile',
  webhooksReconcile: 'webhooks.reconcile',
  fulfillmentEvent: 'fulfillment.event',
  fulfillmentPoll: 'fulfillment.poll',
  /** A stored warehouse shipment written to BigCommerce again (flows/fulfillment/retry-shipment.ts). */
  shipmentRetry: 'fulfillment.shipment-retry',
  inventoryPush: 'inventory.push',
  retention: 'retention.purge',
  /** Store details, order statuses and inventory locations copied from BigCommerce (after install, then hourly). */
  storeRefresh: 'store.refresh',
  /** E-mails the merchant about open problems, at most once per problem and hour. */
  notify: 'notifications.send',
  /** The store's readiness scan: shipping methods, SKUs and inventory tracking checked before the first order. */
  readinessScan: 'readiness.scan',
  /** Imports the orders waiting in the import status within a date range, with progress (pausable). */
  ordersBackfill: 'orders.backfill',
} as const;

/** BigCommerce webhook scopes the order import needs. */
export const ORDER_SCOPES = ['store/order/created', 'store/order/statusUpdated'] as const;

/** Scopes each flow needs from BigCommerce. Shipments and inventory come from the backend. */
export function scopesFor(flows: { orders: boolean; cancellations: boolean }): string[] {
  const scopes = new Set<string>();
  if (flows.orders) ORDER_SCOPES.forEach((x) => scopes.add(x));
  if (flows.cancellations) scopes.add('store/order/statusUpdated');
  return [...scopes];
}

/** Scopes whose events trigger an order sync (updated too, in case a merchant adds it). */
export const ORDER_SYNC_TOPICS = new Set<string>(['store/order/created', 'store/order/statusUpdated', 'store/order/updated']);

/** Several events for one order inside this window cause one fetch. */
export const ORDER_SYNC_DEBOUNCE_MS = 1_000;

/** The custom header BigCommerce sends with every delivery of our hooks. */
export const SECRET_HEADER = 'X-Fulfillment-Bridge-Secret';

/**
 * Kinds that run one at a time per store, on every instance (jobs/serial-keys.ts): BigCommerce
 * wants a store's inventory writes one at a time, and two reconciliations of one store's webhook
 * subscriptions would both create the missing hooks. The queue stores every such job under this key.
 */
export const SERIAL_PER_STORE = {
  [JOB.inventoryPush]: (storeHash: string) => `inventory:${storeHash}`,
  [JOB.webhooksReconcile]: (storeHash: string) => `hooks:${storeHash}`,
} as const;

export const orderSyncKey = (storeHash: string, orderId: number) => `order:${storeHash}:${orderId}`;
