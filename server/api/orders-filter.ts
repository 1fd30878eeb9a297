import { z } from 'zod';
import type { OrderStateFilter } from './contract.js';
import { ORDER_STATES, parseOrderSearch, type OrdersFilter } from '../storage/orders-query.js';
import { dateBound } from './inputs/dates.js';
import { parseInput } from './paging.js';

// `?state&search&from&to&alert` of the Orders list and its CSV export: one parser, so the export is
// always exactly the list the merchant is looking at.

const blank = (v: unknown) => (v === '' ? undefined : v);

const STATE_FILTERS = ['attention', ...ORDER_STATES] as [OrderStateFilter, ...OrderStateFilter[]];

const schema = z
  .object({
    state: z.enum(STATE_FILTERS, { error: `must be one of: ${STATE_FILTERS.join(', ')}` }).optional(),
    search: z.string().max(200, 'must be at most 200 characters').optional(),
    from: dateBound('start'),
    to: dateBound('end'),
    alert: z.enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' }).optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { path: ['to'], message: 'must not be before from' });

/** The list filter from a query string; bad values are a 400 naming each field. */
export function ordersFilterOf(query: Record<string, unknown>): OrdersFilter {
  const raw = Object.fromEntries(['state', 'search', 'from', 'to', 'alert'].map((k) => [k, blank(first(query[k]))]));
  const f = parseInput(schema, raw, 'filter');
  return {
    state: f.state,
    search: f.search === undefined ? undefined : parseOrderSearch(f.search),
    from: f.from,
    to: f.to,
    alert: f.alert === '1' || f.alert === 'true',
  };
}

/** `?state=a&state=b` arrives as an array: the first value counts (a string is what zod expects). */
const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
