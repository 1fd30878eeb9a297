// Orders list filters <-> query string, API paths and the detail-page helpers. Pure.
import type { OrderSyncState, TimelineEntry } from '../../../../server/api/contract.js';
import { ORDER_STATES } from '../../lib/badges.js';
import { apiPath, enumField, idField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';
import { plural } from '../../lib/text.js';

export const ORDERS_PATH = '/orders';

export interface OrderFilters {
  state: OrderSyncState | '';
  /** Order id (digits only). */
  search: string;
}

/** URL: /orders?state=failed&search=1042&page=2&limit=50 */
export const ORDER_FILTER_SPECS: FieldSpecs<OrderFilters> = {
  state: enumField(ORDER_STATES),
  search: idField(),
};

export function ordersApiPath({ page, limit, filters }: ListState<OrderFilters>): string {
  return apiPath('/api/orders', { page, limit, state: filters.state, search: filters.search });
}

export const orderPath = (orderId: number | string): string => `${ORDERS_PATH}/${orderId}`;

export type OrdersView = { view: 'list' } | { view: 'detail'; orderId: number } | { view: 'not_found' };

/** "/orders" → list, "/orders/1042" → detail, anything else under /orders → not found. */
export function parseOrdersPath(pathname: string): OrdersView {
  const rest = pathname.replace(/\/+$/, '').replace(/^\/orders/i, '');
  if (rest === '') return { view: 'list' };
  const match = /^\/(\d{1,15})$/.exec(rest);
  const orderId = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(orderId) && orderId > 0 ? { view: 'detail', orderId } : { view: 'not_found' };
}

/** Oldest first; entries with the same time keep their id order. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => {
    const diff = Date.parse(a.at) - Date.parse(b.at);
    return Number.isNaN(diff) || diff === 0 ? a.id - b.id : diff;
  });
}

// The list's query string, remembered (in memory) so "Back to orders" returns to the same filters.
let lastListSearch = '';

export function rememberListSearch(search: string): void {
  lastListSearch = search;
}

export function ordersListHref(): string {
  return `${ORDERS_PATH}${lastListSearch}`;
}

/** Text shown after POST /api/orders/import-waiting. */
export function importWaitingMessage(enqueued: number): string {
  return enqueued === 0
    ? 'No orders were waiting: every order in the import status has already been picked up.'
    : `${plural(enqueued, 'order was', 'orders were')} queued. They are sent to your warehouse within a few minutes and appear in this list.`;
}
