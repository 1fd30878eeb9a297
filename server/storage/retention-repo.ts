import type { Knex } from 'knex';

/**
 * Every table holding a store's rows, in the order an expired store is emptied: big tables first,
 * the `stores` row (and with it anything a foreign key cascades) last. A test compares this list
 * with the schema, so a new table keyed by store_hash cannot be forgotten.
 */
export const STORE_TABLES = [
  'webhook_events',
  'sync_log',
  'jobs',
  'shipments',
  'orders',
  'inventory_items',
  'sku_mappings',
  'shipping_mappings',
  'carrier_mappings',
  'store_order_statuses',
  'store_locations',
  'webhook_subscriptions',
  'store_api_quota',
  'api_quota_windows',
  'notifications_sent',
  'exchange_codes',
  'store_members',
  // Issue 9: backfills (their orders first), rules and their caches, the readiness scan, the audit log.
  'backfill_orders',
  'backfills',
  'order_rules',
  'shipping_fallback',
  'customer_group_cache',
  'readiness_scans',
  'audit_log',
  'store_settings',
] as const;

type StoreTable = (typeof STORE_TABLES)[number];

/**
 * The primary key of each table the retention job deletes from: rows are addressed by it (SQLite's
 * rowid does not exist on PostgreSQL). Composite keys are matched as a row value, `(a, b) IN (…)`,
 * which both databases accept and serve from the key's index. A test compares it with the schema.
 */
export const STORE_TABLE_KEYS: Record<StoreTable, readonly string[]> = {
  webhook_events: ['id'],
  sync_log: ['id'],
  jobs: ['id'],
  shipments: ['store_hash', 'backend_shipment_id'],
  orders: ['store_hash', 'order_id'],
  inventory_items: ['store_hash', 'sku', 'location_id'],
  sku_mappings: ['id'],
  shipping_mappings: ['store_hash', 'method'],
  carrier_mappings: ['store_hash', 'backend_carrier'],
  store_order_statuses: ['store_hash', 'status_id'],
  store_locations: ['store_hash', 'location_id'],
  webhook_subscriptions: ['store_hash', 'scope'],
  store_api_quota: ['store_hash'],
  api_quota_windows: ['store_hash'],
  notifications_sent: ['store_hash', 'problem_key'],
  exchange_codes: ['code_hash'],
  store_members: ['store_hash', 'user_id'],
  backfill_orders: ['backfill_id', 'order_id'],
  backfills: ['id'],
  order_rules: ['id'],
  shipping_fallback: ['store_hash'],
  customer_group_cache: ['store_hash', 'customer_id'],
  readiness_scans: ['store_hash'],
  audit_log: ['id'],
  store_settings: ['store_hash'],
};

/** Sync states that need nothing more from the app or the merchant. */
export const CLOSED_ORDER_STATES = ['shipped', 'cancelled'] as const;

/**
 * Deletes for the retention job. Each call removes at most `limit` rows in one short statement
 * (SQLite runs it synchronously on the event loop, so a small batch is a short stall), using an
 * index to find them. Rows are addressed by their table's primary key (STORE_TABLE_KEYS).
 */
export class RetentionRepo {
  constructor(private readonly db: Knex) {}

  /**
   * Webhook events (all stores) received before `cutoff`. An original whose redelivery is still
   * kept stays with it: a `duplicate` row shows the original's payload instead of storing its own.
   */
  async deleteWebhookEventsBefore(cutoff: number, limit: number): Promise<number> {
    const noKeptDuplicate = 'NOT EXISTS (SELECT 1 FROM webhook_events d WHERE d.duplicate_of = x.id AND d.received_at >= ?)';
    return this.deleteWhere('webhook_events', `received_at < ? AND ${noKeptDuplicate}`, [cutoff, cutoff], limit, 'received_at');
  }

  /** Sync log (Activity and order timelines, all stores) written before `cutoff`. */
  async deleteActivityBefore(cutoff: number, limit: number): Promise<number> {
    return this.deleteWhere('sync_log', 'at < ?', [cutoff], limit, 'at');
  }

  /** Stores with rows (orders), so per-store index lookups can replace a whole-table scan. */
  async storesWithOrders(): Promise<string[]> {
    const rows = await this.db('stores').whereExists(this.db('orders').whereRaw('orders.store_hash = stores.hash')).select('hash');
    return rows.map((r) => String(r.hash));
  }

  /**
   * Closed orders of one store untouched since `cutoff`, with their shipments. Open orders
   * (waiting, sent, needs_attention, failed) are never selected.
   */
  async deleteClosedOrdersBefore(storeHash: string, cutoff: number, limit: number): Promise<number> {
    return this.db.transaction(async (trx): Promise<number> => {
      const rows = await trx('orders')
        .where({ store_hash: storeHash })
        .whereIn('state', [...CLOSED_ORDER_STATES])
        .andWhere('updated_at', '<', cutoff)
        .limit(limit)
        .select('order_id');
      const ids = rows.map((r) => Number(r.order_id));
      if (ids.length === 0) return 0;
      await trx('shipments').where({ store_hash: storeHash }).whereIn('order_id', ids).delete();
      return trx('orders')
        .where({ store_hash: storeHash })
        .whereIn('order_id', ids)
        .whereIn('state', [...CLOSED_ORDER_STATES])
        .delete();
    });
  }

  /** Stores uninstalled before `cutoff` (past the grace period). */
  async expiredStores(cutoff: number): Promise<string[]> {
    const rows = await this.db('stores').where({ status: 'uninstalled' }).andWhere('uninstalled_at', '<', cutoff).select('hash');
    return rows.map((r) => String(r.hash));
  }

  /**
   * Up to `limit` rows of an expired store from one table. The expiry is re-checked in the same
   * statement, so a store reinstalled while its purge runs keeps everything not yet deleted.
   */
  async deleteStoreRows(table: StoreTable, storeHash: string, cutoff: number, limit: number): Promise<number> {
    return this.deleteWhere(table, `store_hash = ? AND ${STILL_EXPIRED}`, [storeHash, storeHash, cutoff], limit);
  }

  /** The store row itself, once its tables are empty; then users no longer in any store. */
  async deleteStore(storeHash: string, cutoff: number): Promise<boolean> {
    const n = await this.db('stores').whereRaw(`hash = ? AND ${STILL_EXPIRED}`, [storeHash, storeHash, cutoff]).delete();
    if (n > 0) await this.db('users').whereNotExists(this.db('store_members').whereRaw('store_members.user_id = users.id')).delete();
    return n > 0;
  }

  private async deleteWhere(table: StoreTable, where: string, bindings: Knex.Value[], limit: number, orderBy?: string): Promise<number> {
    const key = STORE_TABLE_KEYS[table];
    const outer = key.length === 1 ? key[0]! : `(${key.join(', ')})`;
    const inner = key.map((c) => `x.${c}`).join(', ');
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    return this.db(table)
      .whereRaw(`${outer} IN (SELECT ${inner} FROM ${table} AS x WHERE ${where}${order} LIMIT ?)`, [...bindings, limit])
      .delete();
  }
}

const STILL_EXPIRED = `EXISTS (SELECT 1 FROM stores s WHERE s.hash = ? AND s.status = 'uninstalled' AND s.uninstalled_at < ?)`;
