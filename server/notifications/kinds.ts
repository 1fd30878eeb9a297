import type { AlertKind } from '../api/contract.js';

// A Record keyed by the union: adding an AlertKind to the contract fails to compile until it is listed.
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
