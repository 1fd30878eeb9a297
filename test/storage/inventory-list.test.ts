import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { InventoryRepo } from '../../server/storage/inventory-repo.js';
import { MappingsRepo } from '../../server/storage/mappings-repo.js';

let db: Db;
let closeDb: () => Promise<void>;
let repo: InventoryRepo;
beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  await db('stores').insert({ hash: 'store1', status: 'installed', installed_at: 1, updated_at: 1 });
  repo = new InventoryRepo(db);
  const row = (sku: string, backendSku: string, status: string, productId: number | null, reason: string | null = null) => ({
    store_hash: 'store1',
    sku,
    backend_sku: backendSku,
    location_id: 1,
    available: 4,
    status,
    reason,
    product_id: productId,
    updated_at: 1,
  });
  // As written before the fix: the level for backend WH-TEE went to TEE-RED and to "WH-TEE" itself.
  await db('inventory_items').insert([
    row('TEE-RED', 'WH-TEE', 'synced', 10),
    row('WH-TEE', 'WH-TEE', 'skipped', null, 'BigCommerce has no product or variant with this SKU.'),
    row('NOPE', 'NOPE', 'skipped', null, 'BigCommerce has no product or variant with this SKU.'),
    row('CARD', 'CARD', 'skipped', 30, 'Inventory tracking is off for this product in BigCommerce; turn it on to sync stock.'),
  ]);
  await new MappingsRepo(db).upsertSkus('store1', [{ bcSku: 'TEE-RED', backendSku: 'WH-TEE' }], 1);
});
afterAll(async () => closeDb?.());

describe('InventoryRepo.list', () => {
  it('does not list a mapped backend SKU as an unknown SKU of its own; the counts add up', async () => {
    const all = await repo.list('store1', {}, 1, 50);
    expect(all.items.map((i) => i.sku).sort()).toEqual(['CARD', 'NOPE', 'TEE-RED']);
    expect(all.total).toBe(3);
    const skipped = await repo.list('store1', { status: 'skipped' }, 1, 50);
    const synced = await repo.list('store1', { status: 'synced' }, 1, 50);
    expect(skipped.items.map((i) => i.sku).sort()).toEqual(['CARD', 'NOPE']);
    expect(skipped.total + synced.total).toBe(all.total);
    // Searching the backend SKU finds the product it was written to, not a skipped twin.
    expect((await repo.list('store1', { search: 'WH-TEE' }, 1, 50)).items.map((i) => [i.sku, i.status])).toEqual([['TEE-RED', 'synced']]);
  });
});
