// Status → Badge label and colour for orders, webhook events and log levels. Pure.
import type { OrderSyncState, TimelineEntry, WebhookEventStatus } from '../../../server/api/contract.js';

export type BadgeVariant = 'danger' | 'secondary' | 'success' | 'warning' | 'primary';

export interface BadgeDescriptor {
  label: string;
  variant: BadgeVariant;
}

export type LogLevel = TimelineEntry['level'];

export const ORDER_STATES: readonly OrderSyncState[] = [
  'waiting',
  'sent',
  'needs_attention',
  'failed',
  'shipped',
  'cancelled',
];

const ORDER_STATE_BADGES: Record<OrderSyncState, BadgeDescriptor> = {
  waiting: { label: 'Waiting', variant: 'secondary' },
  sent: { label: 'Sent', variant: 'success' },
  needs_attention: { label: 'Needs attention', variant: 'warning' },
  failed: { label: 'Failed', variant: 'danger' },
  shipped: { label: 'Shipped', variant: 'primary' },
  cancelled: { label: 'Cancelled', variant: 'secondary' },
};

export const WEBHOOK_STATUSES: readonly WebhookEventStatus[] = ['received', 'processed', 'ignored', 'duplicate', 'failed'];

const WEBHOOK_STATUS_BADGES: Record<WebhookEventStatus, BadgeDescriptor> = {
  received: { label: 'Received', variant: 'primary' },
  processed: { label: 'Processed', variant: 'success' },
  ignored: { label: 'Ignored', variant: 'secondary' },
  duplicate: { label: 'Duplicate', variant: 'secondary' },
  failed: { label: 'Failed', variant: 'danger' },
};

export const LOG_LEVELS: readonly LogLevel[] = ['info', 'warn', 'error'];

const LEVEL_BADGES: Record<LogLevel, BadgeDescriptor> = {
  info: { label: 'Info', variant: 'secondary' },
  warn: { label: 'Warning', variant: 'warning' },
  error: { label: 'Error', variant: 'danger' },
};

/** "needs_attention" → "Needs attention": for values a newer server may send. */
export function humanize(value: string): string {
  const text = value.replace(/[_-]+/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1).toLowerCase() : 'Unknown';
}

function lookup<K extends string>(table: Record<K, BadgeDescriptor>, value: string): BadgeDescriptor {
  return Object.prototype.hasOwnProperty.call(table, value)
    ? table[value as K]
    : { label: humanize(value), variant: 'secondary' };
}

export const orderStateBadge = (state: string): BadgeDescriptor => lookup(ORDER_STATE_BADGES, state);
export const webhookStatusBadge = (status: string): BadgeDescriptor => lookup(WEBHOOK_STATUS_BADGES, status);
export const levelBadge = (level: string): BadgeDescriptor => lookup(LEVEL_BADGES, level);

/** Orders in these states can be sent again with "Retry". */
export function canRetry(state: OrderSyncState): boolean {
  return state === 'needs_attention' || state === 'failed';
}
