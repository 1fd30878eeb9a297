// Sentences about an order's state: what happens next, BigCommerce's status as last seen, folded
// timeline repeats, bulk Retry results. Pure (no DOM, no React); `now` is passed in.
import type { BulkRetryResponse, OrderSummary, OrderSyncState, TimelineEntry } from '../../../../server/api/contract.js';
import { isAttentionState } from '../../lib/badges.js';
import { plural } from '../../lib/text.js';
import { formatClock, type ClockOptions } from './time.js';

type AttemptFields = Pick<OrderSummary, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError'>;

/** "Next attempt at 10:52 (attempt 3)", or "due now" once the time has passed. */
export function nextAttemptText(order: Pick<OrderSummary, 'attempts' | 'nextAttemptAt'>, now: Date, options?: ClockOptions): string | null {
  const at = formatClock(order.nextAttemptAt, now, options);
  if (!at || !order.nextAttemptAt) return null;
  const made = Number.isFinite(order.attempts) ? Math.max(0, order.attempts) : 0;
  const attempt = `attempt ${(made + 1).toLocaleString('en-US')}`;
  return Date.parse(order.nextAttemptAt) <= now.getTime() ? `Next attempt due now (${attempt})` : `Next attempt at ${at} (${attempt})`;
}

/** What happens next, for the order page (null when nothing is pending on our side). */
export function nextStepText(order: AttemptFields, now: Date, options?: ClockOptions): { header: string; text: string } | null {
  const next = nextAttemptText(order, now, options);
  if (order.state === 'waiting') {
    return {
      header: 'Waiting for the import status',
      text: 'The order is sent to your warehouse as soon as BigCommerce gives it the order import status chosen in Settings.',
    };
  }
  if (order.state === 'queued') {
    return { header: 'Queued', text: next ? `${next}.` : 'The order is sent to your warehouse within seconds.' };
  }
  if (order.state === 'retrying') {
    const failed = order.attempts > 0 ? `${order.attempts === 1 ? 'The first attempt' : `Attempt ${order.attempts.toLocaleString('en-US')}`} failed` : 'The last attempt failed';
    const reason = order.lastError ? `: ${order.lastError.replace(/[.\s]+$/, '')}` : '';
    return {
      header: 'Retrying',
      text: `${failed}${reason}. ${next ? `${next}.` : 'It is tried again shortly.'} Nothing to do unless it keeps failing.`,
    };
  }
  return null;
}

/** The list's one-line detail: retry progress for retrying/queued rows, else the last error. */
export function listDetailText(order: AttemptFields, now: Date, options?: ClockOptions): string {
  if (order.state === 'retrying' || (order.state === 'queued' && order.nextAttemptAt)) {
    const parts: string[] = [];
    if (order.attempts > 0) parts.push(`${plural(order.attempts, 'attempt')} made`);
    const at = formatClock(order.nextAttemptAt, now, options);
    if (at) parts.push(`next at ${at}`);
    if (order.lastError) parts.push(order.lastError);
    return parts.join(' · ');
  }
  return order.lastError ?? '';
}

/** "Awaiting Fulfillment, seen 10:41" (the status as Fulfillment Bridge last read or heard it). */
export function bcStatusText(status: string | null, seenAt: string | null, now: Date, options?: ClockOptions): string | null {
  if (!status) return null;
  const seen = formatClock(seenAt, now, options);
  return seen ? `${status}, seen ${seen}` : status;
}

/** "7 times since 10:40 · last 10:51" for folded repeats; null for a single entry. */
export function timelineRepeatText(entry: Pick<TimelineEntry, 'at' | 'count' | 'lastAt'>, now: Date, options?: ClockOptions): string | null {
  const count = Number.isFinite(entry.count) ? entry.count : 1;
  if (count <= 1) return null;
  const since = formatClock(entry.at, now, options);
  const last = formatClock(entry.lastAt, now, options);
  return [`${count.toLocaleString('en-US')} times${since ? ` since ${since}` : ''}`, last ? `last ${last}` : null].filter(Boolean).join(' · ');
}

const SKIPPED_LISTED = 3;

/** "3 orders queued again, 1 skipped: #1042 (Map “Flat Rate” first)." */
export function bulkRetryMessage(result: BulkRetryResponse): { type: 'success' | 'warning'; text: string } {
  const retried = result.retried > 0 ? `${plural(result.retried, 'order')} queued again` : 'No orders were queued again';
  if (result.skipped.length === 0) return { type: 'success', text: `${retried}. They are sent to your warehouse within seconds.` };
  const listed = result.skipped
    .slice(0, SKIPPED_LISTED)
    .map(({ orderId, reason }) => `#${orderId} (${reason.replace(/[.\s]+$/, '')})`)
    .join(', ');
  const more = result.skipped.length > SKIPPED_LISTED ? ` and ${(result.skipped.length - SKIPPED_LISTED).toLocaleString('en-US')} more` : '';
  return {
    type: result.retried > 0 ? 'success' : 'warning',
    text: `${retried}, ${result.skipped.length.toLocaleString('en-US')} skipped: ${listed}${more}.`,
  };
}

const ON_ITS_WAY: Partial<Record<OrderSyncState, string>> = {
  queued: 'The problem is fixed: the order is queued and goes to your warehouse within seconds.',
  retrying: 'The problem is fixed: the order is on its way to your warehouse (retrying a passing error).',
  sent: 'The problem is fixed: the order was sent to your warehouse.',
  partially_shipped: 'The problem is fixed: the order was sent and part of it has shipped.',
  shipped: 'The problem is fixed: the order was sent and has shipped.',
};

/** Said on the order page when a held order starts moving while the merchant looks at it. */
export function resolvedNotice(previous: OrderSyncState | null, next: OrderSyncState): string | null {
  if (previous === null || !isAttentionState(previous) || isAttentionState(next)) return null;
  return ON_ITS_WAY[next] ?? null;
}
