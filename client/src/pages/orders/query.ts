// Orders list filters <-> query string, API paths and the detail-page helpers. Pure.
import type { OrderStateFilter, TimelineEntry } from '../../../../server/api/contract.js';
import { ORDER_STATES } from '../../lib/badges.js';
import { dateRangeToIso } from '../../lib/dates.js';
import { apiPath, dateField, enumField, textField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';
import { plural } from '../../lib/text.js';

export const ORDERS_PATH = '/orders';
/** `?state=attention`: needs attention, rejected and failed together. */
export const ATTENTION_FILTER = 'attention';
export const ORDER_STATE_FILTERS: readonly OrderStateFilter[] = [ATTENTION_FILTER, ...ORDER_STATES];
/** The longest search the box sends (an e-mail address or a long SKU fits). */
export const ORDER_SEARCH_MAX = 200;

export interface OrderFilters {
  state: OrderStateFilter | '';
  /** Order number ("#1042" or "1042"), part of the customer's name or e-mail, or a SKU. */
  search: string;
  /** Local calendar days "YYYY-MM-DD" (the order date). */
  from: string;
  to: string;
}

/** URL: /orders?state=attention&search=lamp&from=2026-03-01&to=2026-03-07&page=2&limit=50 */
export const ORDER_FILTER_SPECS: FieldSpecs<OrderFilters> = {
  state: enumField(ORDER_STATE_FILTERS),
  search: textField(ORDER_SEARCH_MAX),
  from: dateField(),
  to: dateField(),
};

/** The filter part of the API query (also the CSV export's): from/to become ISO instants. */
function filterParams(filters: OrderFilters): Record<string, string | undefined> {
  const { from, to } = dateRangeToIso(filters);
  return { state: filters.state, search: filters.search.trim(), from, to };
}

export function ordersApiPath({ page, limit, filters }: ListState<OrderFilters>): string {
  return apiPath('/api/orders', { page, limit, ...filterParams(filters) });
}

/** GET /api/orders/export.csv for the filters on screen (every page, not just this one). */
export function ordersExportPath(filters: OrderFilters): string {
  return apiPath('/api/orders/export.csv', filterParams(filters));
}

/** A link to the list filtered by state ("/orders?state=attention"), for the Overview and the banner. */
export function ordersFilteredHref(state: OrderStateFilter): string {
  return `${ORDERS_PATH}?state=${encodeURIComponent(state)}`;
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
