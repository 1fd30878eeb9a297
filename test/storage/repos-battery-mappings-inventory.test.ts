// Storage battery (issue 10 point 2): SKU and shipping mappings, and inventory levels, on SQLite
// and on PostgreSQL: searches are case-insensitive on both, a create racing another is a clear
// conflict on both, and lists come out in one stated order.
import { describe, expect, it } from 'vitest';
import { InventoryRepo } from '../../server/storage/inventory-repo.js';
import { DuplicateMappingError, MappingsRepo, StaleMappingError } from '../../server/storage/mappings-repo.js';
import { seedStores, useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();

describe('MappingsRepo', () => {
  it('searches SKUs case-insensitively and literally (no wildcards), a page at a time', async () => {
    await seedStores(db(), 's1');
    const repo = new MappingsRepo(db());
    for (const [bc, wh] of [
      ['MUG-01', 'WH-MUG'],
      ['Tee_Red', 'WH-TEE'],
      ['TeeXRed', 'WH-TEE2'],
      ['CAP', 'wh-cap-blue'],
    ] as const)
      await repo.createSku('s1', { bcSku: bc, backendSku: wh }, 1);
    const skus = async (search: string | undefined, page = 1, limit = 10) => (await repo.listSku('s1', search, page, limit)).items.map((m) => m.bcSku);
    expect(await skus('mug')).toEqual(['MUG-01']);
    expect(await skus('CAP-BLUE')).toEqual(['CAP']);
    expect(await skus('e_r')).toEqual(['Tee_Red']);
    // Binary order on both databases ('X' < '_').
    expect(await skus(undefined, 2, 2)).toEqual(['TeeXRed', 'Tee_Red']);
    expect((await repo.listSku('s1', 'wh-', 1, 1)).total).toBe(4);
  });

  it('two creates of one SKU at once: one mapping, and the other a DuplicateMappingError (409), not a database error', async () => {
    await seedStores(db(), 's1');
    const repo = new MappingsRepo(db());
    const results = await Promise.allSettled([1, 2, 3].map((i) => repo.createSku('s1', { bcSku: 'MUG', backendSku: `WH-${i}` }, i)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason).toBeInstanceOf(DuplicateMappingError);
  });

  it('updates with a revision check, refuses a clash, deletes, and pages the export by SKU', async () => {
    await seedStores(db(), 's1');
    const repo = new MappingsRepo(db());
    const a = await repo.createSku('s1', { bcSku: 'A', backendSku: 'WH-A' }, 10);
    await repo.createSku('s1', { bcSku: 'B', backendSku: 'WH-B' }, 10);
    await repo.createSku(
      's1',
      {
        bcSku: 'C',
        components: [
          { sku: 'X', quantity: 2 },
          { sku: 'Y', quantity: 1 },
        ],
      },
      10,
    );
    await expect(repo.updateSku('s1', a.id, { bcSku: 'A', backendSku: 'WH-A2' }, 20, 9)).rejects.toBeInstanceOf(StaleMappingError);
    await expect(repo.updateSku('s1', a.id, { bcSku: 'B', backendSku: 'WH-A2' }, 20, 10)).rejects.toBeInstanceOf(DuplicateMappingError);
    expect(await repo.updateSku('s1', a.id, { bcSku: 'A', backendSku: 'WH-A2' }, 10, 10)).toMatchObject({ backendSku: 'WH-A2', revision: 11 });
    expect(await repo.updateSku('s1', 9_999, { bcSku: 'A', backendSku: 'x' }, 20)).toBeUndefined();
    expect((await repo.allSkus('s1', null, 2)).map((m) => m.bcSku)).toEqual(['A', 'B']);
    const next = await repo.allSkus('s1', 'B', 2);
    expect(next.map((m) => [m.bcSku, m.components])).toEqual([
      [
        'C',
        [
          { sku: 'X', quantity: 2 },
          { sku: 'Y', quantity: 1 },
        ],
      ],
    ]);
    expect(Object.fromEntries(await repo.skuMap('s1', ['A', 'C', 'Z']))).toEqual({
      A: 'WH-A2',
      C: [
        { sku: 'X', quantity: 2 },
        { sku: 'Y', quantity: 1 },
      ],
    });
    expect((await repo.deleteSku('s1', a.id))?.bcSku).toBe('A');
    expect(await repo.deleteSku('s1', a.id)).toBeUndefined();
  });

  it('upserts and removes shipping mappings by their normalised method', async () => {
    await seedStores(db(), 's1');
    const repo = new MappingsRepo(db());
    await repo.setShipping('s1', ' Flat Rate ', 'STD', 1);
    await repo.setShipping('s1', 'Flat Rate', ' EXP ', 2);
    expect(await repo.shippingCode('s1', 'Flat Rate ')).toBe('EXP');
    await repo.setShipping('s1', 'Flat Rate', null, 3);
    expect(await repo.shippingCode('s1', 'Flat Rate')).toBeUndefined();
  });
});

describe('InventoryRepo', () => {
  it('records pending levels (upsert), hands them out oldest first in a stated order, settles and lists them', async () => {
    await seedStores(db(), 's1');
    const repo = new InventoryRepo(db());
    await db().transaction((trx) =>
      repo.recordPending(
        's1',
        [
          { sku: 'b', backendSku: 'WH-B', available: 1 },
          { sku: 'A', backendSku: 'WH-A', available: 2 },
        ],
        1,
        10,
        trx,
      ),
    );
    await db().transaction((trx) => repo.recordPending('s1', [{ sku: 'A', backendSku: 'WH-A', available: 3 }], 2, 10, trx));
    await db().transaction((trx) => repo.recordPending('s1', [{ sku: 'A', backendSku: 'WH-A', available: 5 }], 1, 10, trx));
    // Same time: by SKU, then location, on both databases (binary order: upper case first).
    expect((await repo.pending('s1', 10)).map((r) => [r.sku, r.locationId, r.available])).toEqual([
      ['A', 1, 5],
      ['A', 2, 3],
      ['b', 1, 1],
    ]);

    const row = { variantId: 7, productId: 70, resolvedAt: 10, backendSku: 'WH-A' };
    await repo.settle(
      's1',
      [
        { sku: 'A', locationId: 1, available: 5, status: 'synced', ...row },
        { sku: 'A', locationId: 2, available: 999, status: 'synced', ...row }, // changed since: left pending
        { sku: 'b', locationId: 1, available: 1, status: 'discarded', ...row },
      ],
      20,
    );
    expect((await repo.pending('s1', 10)).map((r) => [r.sku, r.locationId])).toEqual([['A', 2]]);
    const list = await repo.list('s1', { search: 'wh-a' }, 1, 10);
    expect(list.total).toBe(2);
    expect(list.items.map((i) => [i.sku, i.locationId, i.status])).toEqual([
      ['A', 1, 'synced'],
      ['A', 2, 'pending'],
    ]);
    expect(list.items[0]!.lastSyncedAt).toBe(new Date(20).toISOString());
    expect((await repo.list('s1', { status: 'pending' }, 1, 10)).items).toHaveLength(1);
  });
});
