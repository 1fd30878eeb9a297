import type { Knex } from 'knex';
import type { OrderStateFilter, OrderSyncState } from '../domain/order-state.js';
import type { OrderCounts, OrderList, OrderSummary } from '../domain/orders.js';
import { LIST_CAP } from './capped-list.js';
import { caseInsensitiveLike, likeContains } from './like.js';
import { ATTENTION_STATES, toRow, toSummary } from './orders-repo.js';

export { ORDER_STATES } from '../../shared/order-state-labels.js';
import { ORDER_STATES } from '../../shared/order-state-labels.js';

/** An order number, or text matched against the customer's name and e-mail and the order's SKUs. */
export type OrderSearch = { orderId: number } | { text: string };

export interface OrdersFilter {
  state?: OrderStateFilter;
  search?: OrderSearch;
  /** Order date range, ms epoch, both inclusive. */
  from?: number;
  to?: number;
  /** Only orders with an open alert (e.g. cancelled in BigCommerce but already shipped). */
  alert?: boolean;
}

type Raw = Record<string, unknown>;

// What a list row shows: the payloads and line items stay unread (an export reads 10,000 rows).
const SUMMARY_COLUMNS = [
  'store_hash',
  'order_id',
  'state',
  'customer',
  'customer_email',
  'order_date',
  'bc_status',
  'backend_order_id',
  'last_error',
  'attempts',
  'next_attempt_at',
  'updated_at',
];
const summaryOf = (r: Raw): OrderSummary => toSummary(toRow(r));

/**
 * "#1042" and "1042" name an order; anything else is searched as text. Text matches, ignoring ASCII
 * case, any part of the customer's name or e-mail, or the start of one of the order's SKUs
 * (BigCommerce or warehouse): "LAMP" finds LAMP-RED and LAMP-BLUE but not FLOOR-LAMP, so a short
 * SKU does not drown in every longer SKU that contains it.
 */
export function parseOrderSearch(raw: string): OrderSearch | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const number = /^#?(\d{1,15})$/.exec(text);
  if (number && Number.isSafeInteger(Number(number[1]))) return { orderId: Number(number[1]) };
  return { text };
}

/**
 * The orders list: search, state and date filters, the per-state counts for the filter pills, and
 * the CSV export. Sizes it is built for: 100,000 orders in one store, 1,000,000 in the table.
 *
 * A page costs two statements. The tally (counts per state, and the lowest and highest matching
 * order number) walks the covering index (store, state, order number) without search or dates,
 * the order-date index with dates; text search cannot use an index (a part of a name), so the
 * tally reads the store's orders once. The page then reads newest first only between the lowest
 * and highest match: a search that finds one order fetches it directly instead of reading the
 * store a second time. The total comes from the tally and is capped like every list
 * (capped-list.ts): no page beyond LIST_CAP is served.
 */
export class OrdersQuery {
  constructor(private readonly db: Knex) {}

  async list(storeHash: string, f: OrdersFilter, page: number, limit: number): Promise<OrderList> {
    const { counts, span } = await this.tally(storeHash, f);
    const matches = f.state === undefined ? counts.all : counts[f.state];
    const offset = (page - 1) * limit;
    const take = Math.min(limit, LIST_CAP - offset);
    let rows: Raw[] = [];
    if (take > 0 && offset < matches) {
      const within = f.state === undefined ? [...span.values()] : (f.state === 'attention' ? ATTENTION_STATES : [f.state]).flatMap((st) => span.get(st) ?? []);
      const q = this.filtered(storeHash, f).whereBetween('order_id', [Math.min(...within.map((x) => x.min)), Math.max(...within.map((x) => x.max))]);
      rows = (await this.newestFirst(q).select(SUMMARY_COLUMNS).limit(take).offset(offset)) as Raw[];
    }
    return { items: rows.map(summaryOf), total: Math.min(matches, LIST_CAP), totalCapped: matches > LIST_CAP, counts };
  }

  /** Orders per state for the search and dates (the state filter is what the pills choose, so it is left out). */
  async counts(storeHash: string, f: OrdersFilter): Promise<OrderCounts> {
    return (await this.tally(storeHash, f)).counts;
  }

  private async tally(storeHash: string, f: OrdersFilter): Promise<{ counts: OrderCounts; span: Map<string, { min: number; max: number }> }> {
    const q = this.filtered(storeHash, { ...f, state: undefined });
    const rows: Array<{
      state: string;
      n: number | string;
      lo: number | string;
      hi: number | string;
    }> = await q.clearSelect().select('state').count({ n: '*' }).min({ lo: 'order_id' }).max({ hi: 'order_id' }).groupBy('state');
    const counts = Object.fromEntries(ORDER_STATES.map((st) => [st, 0])) as OrderCounts;
    counts.all = 0;
    counts.attention = 0;
    const span = new Map<string, { min: number; max: number }>();
    for (const r of rows) {
      const n = Number(r.n);
      counts.all += n;
      span.set(r.state, { min: Number(r.lo), max: Number(r.hi) });
      if ((ORDER_STATES as readonly string[]).includes(r.state)) counts[r.state as OrderSyncState] += n;
      if ((ATTENTION_STATES as readonly string[]).includes(r.state)) counts.attention += n;
    }
    return { counts, span };
  }

  /** Up to `max` orders of the filter, newest first; `truncated` when there were more. */
  async forExport(storeHash: string, f: OrdersFilter, max: number): Promise<{ rows: OrderSummary[]; truncated: boolean }> {
    const rows = (await this.newestFirst(this.filtered(storeHash, f))
      .select(SUMMARY_COLUMNS)
      .limit(max + 1)) as Raw[];
    return { rows: rows.slice(0, max).map(summaryOf), truncated: rows.length > max };
  }

  private newestFirst(q: Knex.QueryBuilder): Knex.QueryBuilder {
    // The primary key (store_hash, order_id) and (store_hash, state, order_id) serve this order.
    return q.orderBy([{ column: 'order_id', order: 'desc' }]);
  }

  private filtered(storeHash: string, f: OrdersFilter): Knex.QueryBuilder {
    const q = this.db('orders').where({ store_hash: storeHash });
    if (f.state === 'attention') q.whereIn('state', ATTENTION_STATES);
    else if (f.state) q.andWhere({ state: f.state });
    if (f.from !== undefined) q.andWhere('order_date', '>=', f.from);
    if (f.to !== undefined) q.andWhere('order_date', '<=', f.to);
    if (f.alert) q.whereNotNull('alert'); // served by orders_store_alert (migration 016)
    const search = f.search;
    if (search && 'orderId' in search) q.andWhere({ order_id: search.orderId });
    else if (search) {
      // SQLite's LIKE ignores ASCII case by itself; lower() on every row doubled the scan's time.
      const like = caseInsensitiveLike(this.db);
      const part = likeContains(search.text);
      // sku_search holds the lower-cased SKUs separated by spaces: a SKU starts the column or
      // follows a space.
      const skuStart = likeContains(search.text.toLowerCase()).slice(1);
      q.andWhere((w) => {
        w.whereRaw(`customer ${like} ? ESCAPE '\\'`, [part])
          .orWhereRaw(`customer_email ${like} ? ESCAPE '\\'`, [part])
          .orWhereRaw(`sku_search ${like} ? ESCAPE '\\'`, [skuStart])
          .orWhereRaw(`sku_search ${like} ? ESCAPE '\\'`, [`% ${skuStart}`]);
      });
    }
    return q;
  }
}
