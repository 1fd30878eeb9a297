// Filters, sorting and paging of GET /v2/orders and /v2/orders/count (orders.v2.oas2.yml
// parameters). Dates compare at whole seconds, the resolution the API shows, and the min_/max_
// bounds are inclusive, so polling with min_date_modified = the last date seen returns that order
// again, as BigCommerce does.
import type { OrderRecord } from './types.js';

/** Not stated for /v2/orders; 250 is the platform-wide maximum page size (notes §3.1). */
export const MAX_LIMIT = 250;
export const DEFAULT_LIMIT = 50;

const SORT_FIELDS: Record<string, (o: OrderRecord) => number | string> = {
  id: (o) => o.id,
  customer_id: (o) => o.customerId,
  date_created: (o) => Math.floor(o.createdAt / 1000),
  date_modified: (o) => Math.floor(o.modifiedAt / 1000),
  status_id: (o) => o.statusId,
  channel_id: (o) => o.channelId,
  external_id: () => '',
};

export class QueryError extends Error {}

export interface OrderQuery {
  // Properties, not methods: they are handed to Array#filter and #sort unbound.
  filter: (o: OrderRecord) => boolean;
  compare: (a: OrderRecord, b: OrderRecord) => number;
  page: number;
  limit: number;
}

type Query = Record<string, unknown>;

function str(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new QueryError(`The field '${name}' is invalid.`);
  return v;
}

function int(q: Query, name: string): number | undefined {
  const v = str(q, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new QueryError(`The field '${name}' is invalid.`);
  return Number(v);
}

/** RFC-2822 ("Thu, 20 Apr 2017 11:32:00 -0400") or ISO-8601; answers unix seconds. */
function date(q: Query, name: string): number | undefined {
  const v = str(q, name);
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new QueryError(`The field '${name}' is invalid.`);
  return Math.floor(ms / 1000);
}

/** Throws QueryError (answered as a v2 400) for malformed parameters. */
export function parseOrderQuery(q: Query): OrderQuery {
  const statusId = int(q, 'status_id');
  const minId = int(q, 'min_id');
  const maxId = int(q, 'max_id');
  const customerId = int(q, 'customer_id');
  const channelId = int(q, 'channel_id');
  const email = str(q, 'email')?.toLowerCase();
  const bounds = {
    minCreated: date(q, 'min_date_created'),
    maxCreated: date(q, 'max_date_created'),
    minModified: date(q, 'min_date_modified'),
    maxModified: date(q, 'max_date_modified'),
  };
  const inRange = (sec: number, min: number | undefined, max: number | undefined): boolean => (min === undefined || sec >= min) && (max === undefined || sec <= max);

  const filter = (o: OrderRecord): boolean => {
    const created = Math.floor(o.createdAt / 1000);
    const modified = Math.floor(o.modifiedAt / 1000);
    return (
      // Archived orders leave the list (they stay readable by id with is_deleted: true).
      !o.isDeleted &&
      (statusId === undefined || o.statusId === statusId) &&
      (minId === undefined || o.id >= minId) &&
      (maxId === undefined || o.id <= maxId) &&
      (customerId === undefined || o.customerId === customerId) &&
      (channelId === undefined || o.channelId === channelId) &&
      (email === undefined || o.billing.email.toLowerCase() === email) &&
      inRange(created, bounds.minCreated, bounds.maxCreated) &&
      inRange(modified, bounds.minModified, bounds.maxModified)
    );
  };

  const sort = str(q, 'sort') ?? 'id';
  const m = /^([a-z_]+)(?::(asc|desc))?$/.exec(sort);
  const key = m && m[1] ? SORT_FIELDS[m[1]] : undefined;
  if (!m || !key) throw new QueryError(`The field 'sort' is invalid.`);
  const dir = m[2] === 'desc' ? -1 : 1;
  const compare = (a: OrderRecord, b: OrderRecord): number => {
    const x = key(a);
    const y = key(b);
    // Ties keep ascending id order, so paging through equal dates is stable.
    return (x < y ? -dir : x > y ? dir : 0) || a.id - b.id;
  };

  const page = int(q, 'page') ?? 1;
  const limit = int(q, 'limit') ?? DEFAULT_LIMIT;
  if (page < 1) throw new QueryError(`The field 'page' is invalid.`);
  if (limit < 1) throw new QueryError(`The field 'limit' is invalid.`);
  return { filter, compare, page, limit: Math.min(limit, MAX_LIMIT) };
}
