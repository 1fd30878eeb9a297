// API types of the merchant's cockpit (issue 8): the Overview's health rows, the warehouse and
// BigCommerce cards, the backlog, the alerts banner and e-mail notifications. Types only (the
// client imports them with `import type`); re-exported by contract.ts.
import type { Alert, AlertKind } from '../domain/alerts.js';
import type { ApiQuotaUse, Backlog, BigCommerceHealth } from '../domain/health.js';
import type { z } from 'zod';
import type { settingsInput, testInput } from './inputs/notifications.js';

export type { AlertKind } from '../domain/alerts.js';

// The health rows, cards and alerts are domain types (server/domain/health.ts, alerts.ts), sent unchanged.
export type { FlowHealthState, ProblemLink, FlowHealth, WarehouseHealth, WebhookSubscriptionHealth, BigCommerceHealth } from '../domain/health.js';

export type ApiQuotaView = ApiQuotaUse;

/** POST /api/webhooks/repair: the subscriptions after the repair, and what it did ("Webhooks repaired: 1 re-activated"). */
export interface WebhookRepairResponse extends BigCommerceHealth {
  message: string;
}

export type BacklogView = Backlog;

/** GET /api/alerts → { alerts: AlertView[] }: what the banner on every page shows. */
export type AlertView = Alert;

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
