// The problems the app alerts about (banner and e-mail), and who is e-mailed about which. Pure: the
// request schemas (server/api/inputs/) check kinds against this list.

export type AlertKind =
  | 'warehouse_unreachable'
  | 'warehouse_refused'
  | 'orders_need_attention'
  | 'orders_failed'
  | 'shipments_failed'
  | 'cancellation_alerts'
  | 'webhooks_deactivated'
  | 'token_invalid'
  | 'quota_exhausted';

// A Record keyed by the union: adding an AlertKind fails to compile until it is listed here.
const KINDS: Record<AlertKind, true> = {
  warehouse_unreachable: true,
  warehouse_refused: true,
  orders_need_attention: true,
  orders_failed: true,
  shipments_failed: true,
  cancellation_alerts: true,
  webhooks_deactivated: true,
  token_invalid: true,
  quota_exhausted: true,
};

/** Every problem the banner can show, hence every problem a merchant can choose to be e-mailed about. */
export const ALERT_KINDS = Object.keys(KINDS) as AlertKind[];

export const isAlertKind = (v: unknown): v is AlertKind => typeof v === 'string' && Object.hasOwn(KINDS, v);

/** A store's e-mail notification choices as saved. */
export interface NotificationPreferences {
  enabled: boolean;
  recipients: string[];
  kinds: AlertKind[];
}

/** One open problem, as the banner on every page shows it and the e-mail reports it. */
export interface Alert {
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
