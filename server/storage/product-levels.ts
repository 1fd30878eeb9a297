import type { Knex } from 'knex';
import type { InventoryRow } from './inventory-repo.js';

const CHUNK = 500;

/**
 * The last known level of every SKU of these products (any status, any location), for writing the
 * level of a product tracked by product as the sum of its variant SKUs when a batch carries only
 * some of them. Rows whose product BigCommerce never confirmed (no product_id) are not included.
 */
export async function knownProductLevels(db: Knex, storeHash: string, productIds: readonly number[]): Promise<InventoryRow[]> {
  const ids = [...new Set(productIds)];
  const out: InventoryRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db('inventory_items')
      .where({ store_hash: storeHash })
      .whereIn('product_id', ids.slice(i, i + CHUNK))
      .select('sku', 'location_id', 'backend_sku', 'available', 'variant_id', 'product_id', 'resolved_at');
    for (const r of rows) {
      out.push({
        sku: String(r.sku),
        locationId: Number(r.location_id),
        backendSku: String(r.backend_sku),
        available: Number(r.available),
        variantId: r.variant_id == null ? null : Number(r.variant_id),
        productId: Number(r.product_id),
        resolvedAt: r.resolved_at == null ? null : Number(r.resolved_at),
      });
    }
  }
  return out;
}
