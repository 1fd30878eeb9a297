// API types of the merchant's cockpit (issue 8): the Overview's health rows, the warehouse and
// BigCommerce cards, the backlog, the alerts banner and e-mail notifications. Types only (the
// client imports them with `import type`); re-exported by contract.ts.
import type { FlowName } from '../domain/flows.js';
import type { AlertKind } from '../domain/alerts.js';
import type { z } from 'zod';
import type { settingsInput, testInput } from './inputs/notifications.js';

export type { AlertKind } from '../domain/alerts.js';

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

export interface ApiQuotaView {
  /** X-Rate-Limit-Requests-Quota and -Left as last seen, and the window they apply to. */
  quota: number | null;
  left: number | null;
  windowMs: number | null;
  /** ISO-8601: the headers' time, and the last time the quota ran out (null: not recently). */
  observedAt: string;
  exhaustedAt: string | null;
}

/** POST /api/webhooks/repair answers this too. */
export interface BigCommerceHealth {
  /** False when BigCommerce refused the stored token (the owner must reopen/reauthorise the app). */
  tokenValid: boolean;
  webhooks: WebhookSubscriptionHealth[];
  /** ISO-8601: when the subscriptions were last listed. */
  webhooksCheckedAt: string | null;
  webhooksError: string | null;
  quota: ApiQuotaView | null;
}

/** POST /api/webhooks/repair: the subscriptions after the repair, and what it did ("Webhooks repaired: 1 re-activated"). */
export interface WebhookRepairResponse extends BigCommerceHealth {
  message: string;
}

export interface BacklogView {
  /** Jobs waiting or running for this store. */
  jobsWaiting: number;
  /** Of which orders waiting to be sent. */
  ordersQueued: number;
  /** ISO-8601 estimate from the recent throughput (null: nothing waiting, or no estimate yet). */
  estimatedDoneAt: string | null;
}

/** GET /api/alerts → { alerts: AlertView[] }: what the banner on every page shows. */
export interface AlertView {
  kind: AlertKind;
  /** Stable per problem (e.g. "warehouse_unreachable"); the e-mail throttle is per key and hour. */
  key: string;
  severity: 'critical' | 'warning' | 'info';
  /** "Warehouse unreachable since 10:40 — 12 orders waiting". */
  message: string;
  /** ISO-8601 */
  since: string | null;
  /** The page that fixes it, e.g. { label: 'Review orders', path: '/orders?state=needs_attention' }. */
  action: { label: string; path: string } | null;
}

export interface AlertsResponse {
  alerts: AlertView[];
}

/** GET/PUT /api/settings/notifications */
export interface NotificationSettings {
  enabled: boolean;
  recipients: string[];
  kinds: AlertKind[];
  /** Whether the operator configured SMTP (SMTP_URL); without it nothing can be sent. */
  smtpConfigured: boolean;
  /** Set when the last notification e-mail could not be sent ("Last e-mail failed: …"). */
  lastFailure: { at: string; message: string } | null;
}

/** POST /api/settings/notifications/test: recipients from the form (the saved ones when omitted). */
export type NotificationTestInput = z.input<typeof testInput>;

/** The test e-mail went out; a failure is an ApiError whose message says what the mail server answered. */
export interface NotificationTestResponse {
  ok: true;
  message: string;
}

/** PUT /api/settings/notifications body (saved as the store's NotificationPreferences, server/domain/alerts.ts). */
export type NotificationSettingsInput = z.input<typeof settingsInput>;
