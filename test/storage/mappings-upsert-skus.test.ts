// MappingsRepo.upsertSkus is the CSV import's bulk upsert (the route calls it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MappingsRepo } from '../../server/storage/mappings-repo.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const STORE = 'abc123';
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await t.db('stores').insert({ hash: STORE, status: 'installed', installed_at: 1, updated_at: 1 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db('sku_mappings').delete();
});

const repo = () => new MappingsRepo(t.db);
const mappings = async () =>
  (await t.db('sku_mappings').where({ store_hash: STORE }).orderBy('bc_sku').select('bc_sku', 'backend_sku', 'updated_at')).map((r) => [
    String(r.bc_sku),
    String(r.backend_sku),
    Number(r.updated_at),
  ]);

/** SQL statements sent while `run` runs. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const listen = (q: { sql: string }) => sent.push(q.sql);
  t.db.on('query', listen);
  try {
    await run();
  } finally {
    t.db.off('query', listen);
  }
  return sent;
}

describe('MappingsRepo.upsertSkus', () => {
  it('creates new mappings and updates existing ones, counting each, across statement chunks', async () => {
    await t.db('sku_mappings').insert({ store_hash: STORE, bc_sku: 'SKU-0007', backend_sku: 'OLD', updated_at: 1 });
    const rows = Array.from({ length: 1_234 }, (_, i) => ({ bcSku: `SKU-${String(i).padStart(4, '0')}`, backendSku: `WH-${i}` }));
    expect(await repo().upsertSkus(STORE, rows, 50)).toEqual({ created: 1_233, updated: 1 });
    const all = await mappings();
    expect(all).toHaveLength(1_234);
    expect(all[7]).toEqual(['SKU-0007', 'WH-7', 50]);
    expect(all[1_233]).toEqual(['SKU-1233', 'WH-1233', 50]);

    expect(
      await repo().upsertSkus(
        STORE,
        [
          { bcSku: 'SKU-0001', backendSku: 'NEW' },
          { bcSku: 'EXTRA', backendSku: 'X' },
        ],
        60,
      ),
    ).toEqual({ created: 1, updated: 1 });
    expect((await mappings()).find(([sku]) => sku === 'SKU-0001')).toEqual(['SKU-0001', 'NEW', 60]);
  });

  it('writes a few hundred rows per statement, not one row at a time', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => ({ bcSku: `SKU-${i}`, backendSku: `WH-${i}` }));
    const sent = await statementsOf(() => repo().upsertSkus(STORE, rows, 1));
    // Three chunks of 500: a count and an upsert each (plus the transaction's own statements).
    expect(sent.filter((sql) => /^\s*insert/i.test(sql))).toHaveLength(3);
    expect(sent.length).toBeLessThanOrEqual(8);
  });

  it('saves keys the way lookups spell them, and a SKU given twice once, with its last mapping', async () => {
    const result = await repo().upsertSkus(
      STORE,
      [
        { bcSku: ' A-1 ', backendSku: ' WH-1 ' },
        { bcSku: 'A-1', backendSku: 'WH-2' },
      ],
      5,
    );
    expect(result).toEqual({ created: 1, updated: 0 });
    expect(await mappings()).toEqual([['A-1', 'WH-2', 5]]);
  });
});
