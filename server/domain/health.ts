// How a store's flows are doing (issue 8): the Overview's health rows, the warehouse and
// BigCommerce cards and the backlog, as server/health/ works them out from the database. The API
// sends them unchanged (server/api/contract-health.ts names them for the browser).
import type { Alert } from './alerts.js';
import type { FlowName } from './flows.js';

export type FlowHealthState = 'off' | 'healthy' | 'degraded' | 'failing';

/** A link to a filtered list, e.g. { label: '3 orders need attention', count: 3, path: '/orders?state=needs_attention' }. */
export interface ProblemLink {
  label: string;
  count: number;
  path: string;
}

export interface FlowHealth {
  flow: FlowName;
  /** "Orders", "Shipments and tracking", "Inventory", "Cancellations". */
  title: string;
  enabled: boolean;
  health: FlowHealthState;
  /** Why degraded or failing, in merchant words (null when healthy or off). */
  reason: string | null;
  /** ISO-8601: the flow's last success (an order sent, a shipment written, a level pushed, a cancellation passed on). */
  lastSuccessAt: string | null;
  /** What the counts count: "orders sent", "shipments written", "stock updates", "cancellations". */
  countLabel: string;
  /** Since local midnight of the server's day and over the last 7 days. */
  today: number;
  last7Days: number;
  problems: ProblemLink[];
}

export interface WarehouseHealth {
  /** not_connected: no account saved; ok: the last real call worked; unreachable: the last call(s) failed (network, 5xx, timeout); refused: the key or account was refused (401/403). */
  state: 'not_connected' | 'ok' | 'unreachable' | 'refused';
  accountName: string | null;
  /** ISO-8601: the last call that worked, and since when the calls have been failing. */
  lastOkAt: string | null;
  failingSince: string | null;
  lastError: string | null;
}

export interface WebhookSubscriptionHealth {
  scope: string;
  /** Registered in BigCommerce as last listed. */
  present: boolean;
  active: boolean;
  /** ISO-8601: the last event received for this scope (null: none yet). */
  lastEventAt: string | null;
}

/** The store's BigCommerce API quota as the app's own responses last reported it. */
export interface ApiQuotaUse {
  /** X-Rate-Limit-Requests-Quota and -Left as last seen, and the window they apply to. */
  quota: number | null;
  left: number | null;
  windowMs: number | null;
  /** ISO-8601: the headers' time, and the last time the quota ran out (null: not recently). */
  observedAt: string;
  exhaustedAt: string | null;
}

export interface BigCommerceHealth {
  /** False when BigCommerce refused the stored token (the owner must reopen/reauthorise the app). */
  tokenValid: boolean;
  webhooks: WebhookSubscriptionHealth[];
  /** ISO-8601: when the subscriptions were last listed. */
  webhooksCheckedAt: string | null;
  webhooksError: string | null;
  quota: ApiQuotaUse | null;
}

/** Work waiting for the store and a guess of when it will be done. */
export interface Backlog {
  /** Jobs waiting or running for this store. */
  jobsWaiting: number;
  /** Of which orders waiting to be sent. */
  ordersQueued: number;
  /** ISO-8601 estimate from the recent throughput (null: nothing waiting, or no estimate yet). */
  estimatedDoneAt: string | null;
}

/** Everything the Overview shows about how the flows are doing. */
export interface StoreHealth {
  /** One row per flow (Orders, Shipments, Inventory, Cancellations), in that order. */
  flows: FlowHealth[];
  warehouse: WarehouseHealth;
  bigcommerce: BigCommerceHealth;
  backlog: Backlog;
  /** The same problems the banner shows. */
  alerts: Alert[];
}
