import type { Knex } from 'knex';
import type { OrderSyncState } from '../domain/order-state.js';
import type { Collaborators } from '../collaborators.js';
import type { StoreSettings } from '../storage/settings-repo.js';

// What the alerts and the Overview both need, read with a handful of primary-key or index-range
// queries (migration 016 names the indexes; test/health/health-query-plans.test.ts checks them).
// Nothing here calls BigCommerce or the warehouse.

/** Order states that are problems or work still to do (the rest can be many and are not counted here). */
// Held (by an order rule) is open: it ships only once a person releases it or changes the rule.
export const OPEN_ORDER_STATES = ['queued', 'retrying', 'needs_attention', 'held', 'rejected', 'failed'] as const satisfies readonly OrderSyncState[];
export type OpenOrderState = (typeof OPEN_ORDER_STATES)[number];

export interface Counted {
  count: number;
  /** The oldest row's updated_at (when the oldest of them got there). */
  since: number | null;
}

export interface StoreFacts {
  needsReauth: boolean;
  reauthReason: string | null;
  detailsError: string | null;
}

/** The warehouse call bookkeeping of store_settings (server/health/warehouse-calls.ts writes it). */
export interface WarehouseCallFacts {
  lastOkAt: number | null;
  failingSince: number | null;
  failureKind: 'unreachable' | 'refused' | null;
  lastCallError: string | null;
}

export interface SubscriptionFacts {
  scope: string;
  hookId: number | null;
  active: boolean;
  checkedAt: number;
  repairedAt: number | null;
}

export interface QuotaFacts {
  quota: number | null;
  left: number | null;
  windowMs: number | null;
  exhaustedAt: number | null;
  observedAt: number;
}

export interface HealthFacts {
  now: number;
  store: StoreFacts | null;
  settings: StoreSettings;
  calls: WarehouseCallFacts;
  orders: Record<OpenOrderState, Counted>;
  /** Orders carrying an alert (a cancellation the merchant must look at); `orderId` of the newest. */
  alertOrders: Counted & { orderId: number | null };
  failedShipments: Counted;
  subscriptions: SubscriptionFacts[];
  quota: QuotaFacts | null;
}

export type FactsDeps = Pick<Collaborators, 'db' | 'settings'>;

const num = (v: unknown): number | null => (v == null ? null : Number(v));

// Rows as the drivers return them: PostgreSQL gives bigint columns and aggregates as strings,
// SQLite gives booleans as 0/1; the readers below coerce them.
type Int = number | string;
type Bool = boolean | number;
type StoreRow = { needs_reauth: Bool; reauth_reason: string | null; details_error: string | null };
type WarehouseCallsRow = { backend_last_ok_at: Int | null; backend_failing_since: Int | null; backend_failure_kind: string | null; backend_last_call_error: string | null };
type SubscriptionRow = { scope: string; bc_hook_id: Int | null; is_active: Bool; checked_at: Int; repaired_at: Int | null };
type QuotaRow = { requests_quota: Int | null; requests_left: Int | null; window_ms: Int | null; exhausted_at: Int | null; observed_at: Int };

export async function readHealthFacts(s: FactsDeps, storeHash: string, now: number): Promise<HealthFacts> {
  const { db } = s;
  const [store, settings, calls, orders, alertOrders, failedShipments, subscriptions, quota] = await Promise.all([
    readStore(db, storeHash),
    s.settings.get(storeHash, now),
    readWarehouseCalls(db, storeHash),
    readOrderCounts(db, storeHash),
    readAlertOrders(db, storeHash),
    readFailedShipments(db, storeHash),
    readSubscriptions(db, storeHash),
    readQuota(db, storeHash),
  ]);
  return { now, store, settings, calls, orders, alertOrders, failedShipments, subscriptions, quota };
}

async function readStore(db: Knex, storeHash: string): Promise<StoreFacts | null> {
  const r: StoreRow | undefined = await db('stores').where({ hash: storeHash }).first('needs_reauth', 'reauth_reason', 'details_error');
  if (!r) return null;
  return { needsReauth: Boolean(r.needs_reauth), reauthReason: r.reauth_reason ?? null, detailsError: r.details_error ?? null };
}

export async function readWarehouseCalls(db: Knex, storeHash: string): Promise<WarehouseCallFacts> {
  const r: WarehouseCallsRow | undefined = await db('store_settings')
    .where({ store_hash: storeHash })
    .first('backend_last_ok_at', 'backend_failing_since', 'backend_failure_kind', 'backend_last_call_error');
  const kind = r?.backend_failure_kind;
  return {
    lastOkAt: num(r?.backend_last_ok_at),
    failingSince: num(r?.backend_failing_since),
    failureKind: kind === 'refused' || kind === 'unreachable' ? kind : null,
    lastCallError: r?.backend_last_call_error ?? null,
  };
}

async function readOrderCounts(db: Knex, storeHash: string): Promise<Record<OpenOrderState, Counted>> {
  const rows: Array<{ state: string; n: Int; since: Int | null }> = await db('orders')
    .where({ store_hash: storeHash })
    .whereIn('state', OPEN_ORDER_STATES)
    .groupBy('state')
    .select('state')
    .count({ n: '*' })
    .min({ since: 'updated_at' });
  const out = Object.fromEntries(OPEN_ORDER_STATES.map((st) => [st, { count: 0, since: null }])) as Record<OpenOrderState, Counted>;
  for (const r of rows) {
    if ((OPEN_ORDER_STATES as readonly string[]).includes(r.state)) out[r.state as OpenOrderState] = { count: Number(r.n), since: num(r.since) };
  }
  return out;
}

async function readAlertOrders(db: Knex, storeHash: string): Promise<Counted & { orderId: number | null }> {
  const r = (await db('orders').where({ store_hash: storeHash }).whereNotNull('alert').count({ n: '*' }).min({ since: 'updated_at' }).max({ orderId: 'order_id' }).first()) as
    { n: unknown; since: unknown; orderId: unknown } | undefined;
  return { count: Number(r?.n ?? 0), since: num(r?.since), orderId: num(r?.orderId) };
}

async function readFailedShipments(db: Knex, storeHash: string): Promise<Counted> {
  const r = (await db('shipments').where({ store_hash: storeHash, state: 'failed' }).count({ n: '*' }).min({ since: 'updated_at' }).first()) as
    { n: unknown; since: unknown } | undefined;
  return { count: Number(r?.n ?? 0), since: num(r?.since) };
}

async function readSubscriptions(db: Knex, storeHash: string): Promise<SubscriptionFacts[]> {
  const rows: SubscriptionRow[] = await db('webhook_subscriptions').where({ store_hash: storeHash }).select('scope', 'bc_hook_id', 'is_active', 'checked_at', 'repaired_at');
  return rows.map((r) => ({
    scope: String(r.scope),
    hookId: num(r.bc_hook_id),
    active: Boolean(r.is_active),
    checkedAt: Number(r.checked_at),
    repairedAt: num(r.repaired_at),
  }));
}

async function readQuota(db: Knex, storeHash: string): Promise<QuotaFacts | null> {
  const r: QuotaRow | undefined = await db('store_api_quota').where({ store_hash: storeHash }).first('requests_quota', 'requests_left', 'window_ms', 'exhausted_at', 'observed_at');
  if (!r) return null;
  return {
    quota: num(r.requests_quota),
    left: num(r.requests_left),
    windowMs: num(r.window_ms),
    exhaustedAt: num(r.exhausted_at),
    observedAt: Number(r.observed_at),
  };
}
