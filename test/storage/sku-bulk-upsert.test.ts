import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkUpsertSkuMappings } from '../../server/storage/sku-bulk-upsert.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

let t: Awaited<ReturnType<typeof bareApp>>;
beforeAll(async () => {
  t = await bareApp();
  await t.install();
});
afterAll(() => t.close());

const mappings = async () =>
  (await t.db('sku_mappings').where({ store_hash: STORE }).orderBy('bc_sku').select('bc_sku', 'backend_sku', 'updated_at')).map((r) => [
    String(r.bc_sku),
    String(r.backend_sku),
    Number(r.updated_at),
  ]);

describe('bulkUpsertSkuMappings', () => {
  it('creates new mappings and updates existing ones, counting each, across statement chunks', async () => {
    await t.db('sku_mappings').insert({ store_hash: STORE, bc_sku: 'SKU-0007', backend_sku: 'OLD', updated_at: 1 });
    const rows = Array.from({ length: 1_234 }, (_, i) => ({ bcSku: `SKU-${String(i).padStart(4, '0')}`, backendSku: `WH-${i}` }));
    expect(await bulkUpsertSkuMappings(t.db, STORE, rows, 50)).toEqual({ created: 1_233, updated: 1 });
    const all = await mappings();
    expect(all).toHaveLength(1_234);
    expect(all[7]).toEqual(['SKU-0007', 'WH-7', 50]);
    expect(all[1_233]).toEqual(['SKU-1233', 'WH-1233', 50]);

    expect(await bulkUpsertSkuMappings(t.db, STORE, [{ bcSku: 'SKU-0001', backendSku: 'NEW' }, { bcSku: 'EXTRA', backendSku: 'X' }], 60)).toEqual({ created: 1, updated: 1 });
    expect((await mappings()).find(([sku]) => sku === 'SKU-0001')).toEqual(['SKU-0001', 'NEW', 60]);
  });
});
