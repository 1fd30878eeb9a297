// The Orders list's state pills with their counts ("Needs attention 3"). Pure.
import type { OrderStateFilter, OrdersListResponse, OrderSyncState } from '../../../../server/api/contract.js';
import { orderStateBadge } from '../../lib/badges.js';
import { ATTENTION_FILTER } from './query.js';

export const ALL_PILL = 'all';

export type OrderCounts = OrdersListResponse['counts'];
export type PillId = OrderStateFilter | typeof ALL_PILL;

/**
 * All, then "Needs attention" (the group) and its members, then "Held by a rule" (orders an order
 * rule keeps until released), then the states of an order on its way, and last "Skipped by a
 * rule" (never sent). Every pill is always shown (a count of 0 included) so the row never reflows
 * under the pointer when a live refresh changes the counts.
 */
export const PILL_ORDER: readonly PillId[] = [
  ALL_PILL,
  ATTENTION_FILTER,
  'rejected',
  'needs_attention',
  'failed',
  'held',
  'waiting',
  'queued',
  'retrying',
  'sent',
  'partially_shipped',
  'shipped',
  'cancelled',
  'skipped',
];

/**
 * Pill titles. The group owns the words "Needs attention"; the held-only pill says "only" so two
 * pills never share a name (the badge on those rows still reads "Needs attention").
 */
export function pillLabel(id: PillId): string {
  if (id === ALL_PILL) return 'All';
  if (id === ATTENTION_FILTER) return 'Needs attention';
  if (id === 'needs_attention') return 'Needs attention only';
  return orderStateBadge(id).label;
}

function countOf(counts: Partial<OrderCounts> | undefined, id: PillId): number | undefined {
  const value = counts?.[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** "Needs attention 3"; the label alone until the counts are known. */
export function orderPills(counts: Partial<OrderCounts> | undefined): Array<{ id: PillId; title: string }> {
  return PILL_ORDER.map((id) => {
    const count = countOf(counts, id);
    return { id, title: count === undefined ? pillLabel(id) : `${pillLabel(id)} ${count.toLocaleString('en-US')}` };
  });
}

/** The pill for the URL's state filter ('' = All). */
export const activePill = (state: OrderStateFilter | ''): PillId => (state === '' ? ALL_PILL : state);

/** What a pill click puts in the URL. */
export const stateForPill = (id: string): OrderStateFilter | '' =>
  id === ALL_PILL || !(PILL_ORDER as readonly string[]).includes(id) ? '' : (id as OrderSyncState | typeof ATTENTION_FILTER);
