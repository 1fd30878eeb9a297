// Status → Badge label and colour for orders, webhook events, log levels, shipments,
// cancellations and stock levels. Pure.
import type { CancellationView, InventoryItemView, OrderSyncState, ShipmentView, TimelineEntry, WebhookEventStatus } from '../../../server/api/contract.js';

export type BadgeVariant = 'danger' | 'secondary' | 'success' | 'warning' | 'primary';

export interface BadgeDescriptor {
  label: string;
  variant: BadgeVariant;
}

export type LogLevel = TimelineEntry['level'];

export { ORDER_STATES } from '../../../shared/order-state-labels.js';

/**
 * States where the merchant has something to fix and Retry then helps. `?state=attention` also
 * groups 'held' (server/storage/orders-repo.ts ATTENTION_STATES): a held order is released, not retried.
 */
export const ATTENTION_STATES: readonly OrderSyncState[] = ['needs_attention', 'rejected', 'failed'];

// Colours carry meaning: grey = not ours yet or over, blue = on its way, green = shipped,
// amber = the merchant must act, red = out of retries.
const ORDER_STATE_BADGES: Record<OrderSyncState, BadgeDescriptor> = {
  waiting: { label: 'Waiting for import status', variant: 'secondary' },
  queued: { label: 'Queued', variant: 'primary' },
  retrying: { label: 'Retrying', variant: 'primary' },
  sent: { label: 'Sent', variant: 'primary' },
  partially_shipped: { label: 'Partially shipped', variant: 'primary' },
  shipped: { label: 'Shipped', variant: 'success' },
  cancelled: { label: 'Cancelled', variant: 'secondary' },
  held: { label: 'Held by a rule', variant: 'warning' },
  skipped: { label: 'Skipped by a rule', variant: 'secondary' },
  rejected: { label: 'Rejected by warehouse', variant: 'warning' },
  needs_attention: { label: 'Needs attention', variant: 'warning' },
  failed: { label: 'Failed', variant: 'danger' },
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
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value as K] : { label: humanize(value), variant: 'secondary' };
}

export const orderStateBadge = (state: string): BadgeDescriptor => lookup(ORDER_STATE_BADGES, state);
export const webhookStatusBadge = (status: string): BadgeDescriptor => lookup(WEBHOOK_STATUS_BADGES, status);
export const levelBadge = (level: string): BadgeDescriptor => lookup(LEVEL_BADGES, level);

/**
 * Orders in these states may be sent again with "Retry" (bulk Retry sends only these). The server
 * has the last word: it skips an order whose problem Retry cannot fix (an unmapped method) and the
 * order page offers Retry from the order's own `canRetry`.
 */
export function canRetry(state: string): boolean {
  return isAttentionState(state);
}

export function isAttentionState(state: string): boolean {
  return (ATTENTION_STATES as readonly string[]).includes(state);
}

// After the order is sent: shipments written to BigCommerce, cancellations, stock levels.
export type ShipmentState = ShipmentView['state'];
export type CancellationOutcome = CancellationView['outcome'];
export type InventoryStatus = InventoryItemView['status'];

const SHIPMENT_STATE_BADGES: Record<ShipmentState, BadgeDescriptor> = {
  created: { label: 'Created', variant: 'success' },
  pending: { label: 'Pending', variant: 'secondary' },
  failed: { label: 'Failed', variant: 'danger' },
};

export const CANCELLATION_OUTCOMES: readonly CancellationOutcome[] = ['pending', 'cancelled', 'too_late', 'rejected', 'failed'];

const CANCELLATION_OUTCOME_BADGES: Record<CancellationOutcome, BadgeDescriptor> = {
  pending: { label: 'Pending', variant: 'secondary' },
  cancelled: { label: 'Cancelled', variant: 'success' },
  too_late: { label: 'Too late', variant: 'danger' },
  rejected: { label: 'Rejected', variant: 'warning' },
  failed: { label: 'Failed', variant: 'danger' },
};

export const INVENTORY_STATUSES: readonly InventoryStatus[] = ['synced', 'skipped', 'pending'];

const INVENTORY_STATUS_BADGES: Record<InventoryStatus, BadgeDescriptor> = {
  synced: { label: 'Synced', variant: 'success' },
  skipped: { label: 'Skipped', variant: 'warning' },
  pending: { label: 'Pending', variant: 'secondary' },
};

export const shipmentStateBadge = (state: string): BadgeDescriptor => lookup(SHIPMENT_STATE_BADGES, state);
export const cancellationOutcomeBadge = (outcome: string): BadgeDescriptor => lookup(CANCELLATION_OUTCOME_BADGES, outcome);
export const inventoryStatusBadge = (status: string): BadgeDescriptor => lookup(INVENTORY_STATUS_BADGES, status);
