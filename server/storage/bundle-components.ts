// The component rows of bundle mappings (migrations/021_bundles.ts): SQL used by MappingsRepo.
// Components have no store_hash of their own; every read joins their mapping for the store.
import type { Knex } from 'knex';
import type { SkuComponent } from '../domain/sku-components.js';
import type { BundleMapping } from './reverse-sku-map.js';

type Raw = Record<string, unknown>;
const CHUNK = 500;

/** mapping id → its components, in the merchant's order. */
export async function componentsOf(db: Knex, mappingIds: readonly number[]): Promise<Map<number, SkuComponent[]>> {
  const out = new Map<number, SkuComponent[]>();
  for (let i = 0; i < mappingIds.length; i += CHUNK) {
    const rows: Raw[] = await db('sku_mapping_components')
      .whereIn('mapping_id', mappingIds.slice(i, i + CHUNK))
      .orderBy(['mapping_id', 'position'])
      .select('mapping_id', 'backend_sku', 'quantity');
    for (const r of rows) {
      const id = Number(r.mapping_id);
      out.set(id, [...(out.get(id) ?? []), { sku: String(r.backend_sku), quantity: Number(r.quantity) }]);
    }
  }
  return out;
}

/**
 * Replaces the components of these mappings (null: a plain mapping, none). A new component's level
 * starts from what the warehouse last reported for its SKU, when the app has seen it (another
 * bundle's component, or a SKU's stock row), so a bundle gets a stock level without waiting for
 * every component to be reported again.
 */
export async function writeComponents(trx: Knex, storeHash: string, byMapping: ReadonlyMap<number, readonly SkuComponent[] | null>): Promise<void> {
  const ids = [...byMapping.keys()];
  for (let i = 0; i < ids.length; i += CHUNK)
    await trx('sku_mapping_components')
      .whereIn('mapping_id', ids.slice(i, i + CHUNK))
      .delete();
  const rows = [...byMapping].flatMap(([mappingId, components]) =>
    (components ?? []).map((c, position) => ({ mapping_id: mappingId, position, backend_sku: c.sku, quantity: c.quantity })),
  );
  if (rows.length === 0) return;
  const known = await knownLevels(trx, storeHash, [...new Set(rows.map((r) => r.backend_sku))]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx('sku_mapping_components').insert(rows.slice(i, i + CHUNK).map((r) => ({ ...r, available: known.get(r.backend_sku) ?? null })));
  }
}

async function knownLevels(trx: Knex, storeHash: string, skus: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < skus.length; i += CHUNK) {
    const chunk = skus.slice(i, i + CHUNK);
    const fromStock: Raw[] = await trx('inventory_items').where({ store_hash: storeHash }).whereIn('backend_sku', chunk).select('backend_sku', 'available');
    const fromBundles: Raw[] = await trx('sku_mapping_components as c')
      .join('sku_mappings as m', 'm.id', 'c.mapping_id')
      .where('m.store_hash', storeHash)
      .whereIn('c.backend_sku', chunk)
      .whereNotNull('c.available')
      .select('c.backend_sku', 'c.available');
    for (const r of [...fromStock, ...fromBundles]) out.set(String(r.backend_sku), Number(r.available));
  }
  return out;
}

/** Every bundle of the store that uses one of these warehouse SKUs, with all its components. */
export async function bundlesUsing(db: Knex, storeHash: string, backendSkus: readonly string[]): Promise<BundleMapping[]> {
  const names = [...new Set(backendSkus)];
  const byId = new Map<number, BundleMapping>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const using = db('sku_mapping_components')
      .whereIn('backend_sku', names.slice(i, i + CHUNK))
      .select('mapping_id');
    const rows: Raw[] = await db('sku_mapping_components as c')
      .join('sku_mappings as m', 'm.id', 'c.mapping_id')
      .where('m.store_hash', storeHash)
      .whereIn('c.mapping_id', using)
      .orderBy(['c.mapping_id', 'c.position'])
      .select('c.mapping_id', 'm.bc_sku', 'c.backend_sku', 'c.quantity', 'c.available');
    for (const r of rows) {
      const id = Number(r.mapping_id);
      const b = byId.get(id) ?? { bcSku: String(r.bc_sku), components: [] };
      if (!byId.has(id)) byId.set(id, b);
      else if (b.components.some((c) => c.sku === String(r.backend_sku))) continue;
      b.components.push({ sku: String(r.backend_sku), quantity: Number(r.quantity), available: r.available == null ? null : Number(r.available) });
    }
  }
  return [...byId.values()].sort((a, b) => (a.bcSku < b.bcSku ? -1 : a.bcSku > b.bcSku ? 1 : 0));
}

/**
 * Records the warehouse's levels on every component of the store's bundles with these SKUs and
 * answers the bundles concerned, with every component's level as now known.
 */
export async function recordComponentLevels(trx: Knex, storeHash: string, items: ReadonlyArray<{ sku: string; available: number }>): Promise<BundleMapping[]> {
  const bundles = await bundlesUsing(
    trx,
    storeHash,
    items.map((i) => i.sku),
  );
  if (bundles.length === 0) return [];
  const last = new Map(items.map((i) => [i.sku, i.available] as const));
  const ofStore = trx('sku_mappings').where({ store_hash: storeHash, is_bundle: true }).select('id');
  for (const [sku, available] of last) {
    await trx('sku_mapping_components').where({ backend_sku: sku }).whereIn('mapping_id', ofStore.clone()).update({ available });
  }
  for (const b of bundles) for (const c of b.components) if (last.has(c.sku)) c.available = last.get(c.sku)!;
  return bundles;
}
