import type { Knex } from 'knex';
import type { InventoryLevel } from '../domain/fulfillment.js';
import { whereAnyContains } from './like.js';

/** A stock level from the backend for one BigCommerce SKU and location. */
export interface InventoryRow {
  sku: string;
  locationId: number;
  backendSku: string;
  available: number;
  variantId: number | null;
  productId: number | null;
  /** When variant/product ids were looked up (a cache, refreshed after a while). */
  resolvedAt: number | null;
}

/**
 * What became of a pending row: written (with an optional note shown as its reason, e.g. a negative
 * level written as 0), skipped with the reason, or discarded: a pass-through row for a backend SKU
 * that BigCommerce does not have but whose level went to the SKUs mapped to it, so nothing to list.
 */
export type Settlement = InventoryRow & ({ status: 'synced'; note?: string | null } | { status: 'skipped'; reason: string } | { status: 'discarded' });

const PRODUCT_CHUNK = 500;

type Raw = Record<string, unknown>;
const n = (v: unknown) => (v == null ? null : Number(v));
const toRow = (r: Raw): InventoryRow => ({
  sku: String(r.sku),
  locationId: Number(r.location_id),
  backendSku: String(r.backend_sku),
  available: Number(r.available),
  variantId: n(r.variant_id),
  productId: n(r.product_id),
  resolvedAt: n(r.resolved_at),
});

/** Stock levels waiting to be written, and the last outcome per SKU for the Inventory view. */
export class InventoryRepo {
  constructor(private readonly db: Knex) {}

  /** Absolute levels overwrite a pending one: many events become one write. */
  async recordPending(storeHash: string, items: Array<{ sku: string; backendSku: string; available: number }>, locationId: number, now: number, trx: Knex): Promise<void> {
    for (const item of items) {
      const values = { backend_sku: item.backendSku, available: item.available, status: 'pending', reason: null, updated_at: now };
      await trx('inventory_items')
        .insert({ store_hash: storeHash, sku: item.sku, location_id: locationId, ...values })
        .onConflict(['store_hash', 'sku', 'location_id'])
        .merge(values);
    }
  }

  async pending(storeHash: string, limit: number): Promise<InventoryRow[]> {
    // Ties broken by key: each database would otherwise hand out equal times in its own row order.
    return (await this.db('inventory_items').where({ store_hash: storeHash, status: 'pending' }).orderBy(['updated_at', 'sku', 'location_id']).limit(limit)).map(toRow);
  }

  /**
   * The last known level of every SKU of these products (any status, any location), for writing the
   * level of a product tracked by product as the sum of its variant SKUs when a batch carries only
   * some of them. Rows whose product BigCommerce never confirmed (no product_id) are not included.
   */
  async knownProductLevels(storeHash: string, productIds: readonly number[]): Promise<InventoryRow[]> {
    const ids = [...new Set(productIds)];
    const out: InventoryRow[] = [];
    // A few hundred ids per statement, far below SQLite's limit on bound values.
    for (let i = 0; i < ids.length; i += PRODUCT_CHUNK) {
      const rows = await this.db('inventory_items')
        .where({ store_hash: storeHash })
        .whereIn('product_id', ids.slice(i, i + PRODUCT_CHUNK))
        .select('sku', 'location_id', 'backend_sku', 'available', 'variant_id', 'product_id', 'resolved_at');
      out.push(...rows.map(toRow));
    }
    return out;
  }

  /** Records the outcome; a row whose level changed meanwhile stays pending for the next write. */
  async settle(storeHash: string, rows: Settlement[], now: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      for (const r of rows) {
        const unchanged = { store_hash: storeHash, sku: r.sku, location_id: r.locationId, status: 'pending', available: r.available };
        if (r.status === 'discarded') {
          await trx('inventory_items').where(unchanged).delete();
          continue;
        }
        await trx('inventory_items')
          .where(unchanged)
          .update({
            status: r.status,
            reason: r.status === 'skipped' ? r.reason : (r.note ?? null),
            variant_id: r.variantId,
            product_id: r.productId,
            resolved_at: r.resolvedAt,
            ...(r.status === 'synced' ? { last_synced_at: now } : {}),
            updated_at: now,
          });
      }
    });
  }

  async list(storeHash: string, f: { search?: string; status?: InventoryLevel['status'] }, page: number, limit: number) {
    const q = this.db('inventory_items').where({ store_hash: storeHash });
    // A backend SKU's own-name row that BigCommerce did not know, recorded before another SKU was
    // mapped to it (or before such rows were discarded on write): its stock goes to the mapped SKUs,
    // so it is not an "unknown SKU" to show.
    // (An uncorrelated IN: SQLite builds the set once instead of probing the mappings per row.)
    const mappedBackendSkus = this.db('sku_mappings').where({ store_hash: storeHash }).whereRaw('bc_sku <> backend_sku').select('backend_sku');
    q.whereNot((w) => {
      w.whereRaw('sku = backend_sku').andWhere('status', 'skipped').whereNull('product_id').whereIn('sku', mappedBackendSkus);
    });
    if (f.status) q.andWhere({ status: f.status });
    if (f.search) whereAnyContains(this.db, q, ['sku', 'backend_sku'], f.search);
    const [{ total }] = (await q.clone().count({ total: '*' })) as [{ total: number }];
    const rows = await q
      .orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'sku' }, { column: 'location_id' }])
      .limit(limit)
      .offset((page - 1) * limit);
    const items: InventoryLevel[] = rows.map((x) => ({
      sku: String(x.sku),
      backendSku: String(x.backend_sku),
      available: Number(x.available),
      locationId: Number(x.location_id),
      status: x.status as InventoryLevel['status'],
      reason: x.reason == null ? null : String(x.reason),
      lastSyncedAt: x.last_synced_at == null ? null : new Date(Number(x.last_synced_at)).toISOString(),
    }));
    return { items, total: Number(total) };
  }
}
