// Webhook scopes and headers. Job kinds, their keys and the serial kinds belong to the job
// catalogue (flows/job-catalogue.ts).

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
