// The flow reads a product's other SKUs through InventoryRepo (s.inventory), not the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { InventoryRepo } from '../../server/storage/inventory-repo.js';

let db: Db;
let closeDb: () => Promise<void>;
beforeEach(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});
afterEach(async () => closeDb());

const row = (store: string, sku: string, productId: number | null, over: Record<string, unknown> = {}) => ({
  store_hash: store,
  sku,
  backend_sku: `WH-${sku}`,
  location_id: 1,
  available: 3,
  status: 'synced',
  product_id: productId,
  variant_id: productId == null ? null : productId * 10,
  resolved_at: 5,
  updated_at: 1,
  ...over,
});

describe('InventoryRepo.knownProductLevels', () => {
  it("returns every SKU of the products (any status, any location), only the store's, across statement chunks", async () => {
    await db('stores').insert([{ hash: 's1', status: 'installed', installed_at: 1, updated_at: 1 }]);
    // 1,200 products: the ids go out in several statements.
    await db.batchInsert(
      'inventory_items',
      Array.from({ length: 1_200 }, (_, i) => row('s1', `P${i}`, i + 1)),
      200,
    );
    await db('inventory_items').insert([
      row('s1', 'P0', 1, { location_id: 2, available: 9, status: 'pending', variant_id: null, resolved_at: null }),
      row('s1', 'UNRESOLVED', null),
      row('s2', 'OTHER', 1),
    ]);
    const ids = Array.from({ length: 1_200 }, (_, i) => i + 1);
    const known = await new InventoryRepo(db).knownProductLevels('s1', [...ids, 1]);
    expect(known).toHaveLength(1_201);
    expect(known.filter((r) => r.productId === 1).sort((a, b) => a.locationId - b.locationId)).toEqual([
      { sku: 'P0', locationId: 1, backendSku: 'WH-P0', available: 3, variantId: 10, productId: 1, resolvedAt: 5 },
      { sku: 'P0', locationId: 2, backendSku: 'WH-P0', available: 9, variantId: null, productId: 1, resolvedAt: null },
    ]);
    expect(known.find((r) => r.sku === 'P1199')).toMatchObject({ productId: 1_200 });
    expect(await new InventoryRepo(db).knownProductLevels('s1', [])).toEqual([]);
  });
});
