// Issue 9 point 6: bundles in MappingsRepo: saved with their components, read by BigCommerce SKU
// (the import) and by warehouse SKU (shipments, stock), chained and conflicting cases.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateMappingError, MappingsRepo, StaleMappingError } from '../../server/storage/mappings-repo.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

let t: Awaited<ReturnType<typeof bareApp>>;
beforeAll(async () => {
  t = await bareApp();
  await t.install();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db('sku_mapping_components').delete();
  await t.db('sku_mappings').delete();
  await t.db('inventory_items').delete();
});
const repo = () => new MappingsRepo(t.db);
const GIFT = [
  { sku: 'MUG-1', quantity: 1 },
  { sku: 'TEA-3', quantity: 2 },
];

describe('bundle mappings', () => {
  it('saves a bundle with its components; a single component of quantity 1 is a plain mapping', async () => {
    const gift = await repo().createSku(STORE, { bcSku: 'GIFT-SET', components: GIFT }, 10);
    expect(gift).toMatchObject({ bcSku: 'GIFT-SET', backendSku: 'MUG-1', components: GIFT, revision: 10 });
    const plain = await repo().createSku(STORE, { bcSku: 'A-1', components: [{ sku: 'WH-A', quantity: 1 }] }, 10);
    expect(await t.db('sku_mappings').where({ id: plain.id }).first('is_bundle', 'backend_sku')).toMatchObject({ backend_sku: 'WH-A' });
    expect(await t.db('sku_mapping_components').count({ n: '*' })).toEqual([{ n: 2 }]);
    expect(await repo().skuMap(STORE, ['GIFT-SET', 'A-1', 'NONE'])).toEqual(
      new Map<string, unknown>([
        ['GIFT-SET', GIFT],
        ['A-1', 'WH-A'],
      ]),
    );
    expect(await repo().getSku(STORE, gift.id)).toMatchObject({ components: GIFT });
  });

  it('is found by any component in the list search, and its components go when it is deleted or made plain', async () => {
    const gift = await repo().createSku(STORE, { bcSku: 'GIFT-SET', components: GIFT }, 10);
    expect((await repo().listSku(STORE, 'TEA-3', 1, 10)).items.map((m) => m.bcSku)).toEqual(['GIFT-SET']);
    await repo().updateSku(STORE, gift.id, { bcSku: 'GIFT-SET', backendSku: 'BOX-1' }, 20);
    expect(await t.db('sku_mapping_components').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await repo().getSku(STORE, gift.id))?.components).toEqual([{ sku: 'BOX-1', quantity: 1 }]);
    await repo().updateSku(STORE, gift.id, { bcSku: 'GIFT-SET', components: GIFT }, 30);
    expect(await repo().deleteSku(STORE, gift.id)).toMatchObject({ bcSku: 'GIFT-SET', components: GIFT });
    expect(await t.db('sku_mapping_components').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('conflicts: a SKU mapped twice, and an edit over someone else’s newer save', async () => {
    const gift = await repo().createSku(STORE, { bcSku: 'GIFT-SET', components: GIFT }, 10);
    await expect(repo().createSku(STORE, { bcSku: 'GIFT-SET', backendSku: 'X' }, 11)).rejects.toBeInstanceOf(DuplicateMappingError);
    const saved = await repo().updateSku(STORE, gift.id, { bcSku: 'GIFT-SET', components: [...GIFT, { sku: 'CARD', quantity: 1 }] }, 12, 10);
    expect(saved?.revision).toBe(12);
    await expect(repo().updateSku(STORE, gift.id, { bcSku: 'GIFT-SET', backendSku: 'X' }, 13, 10)).rejects.toBeInstanceOf(StaleMappingError);
    expect((await repo().getSku(STORE, gift.id))?.components).toHaveLength(3);
  });

  it('chained: a component that is itself a mapped BigCommerce SKU is sent as written, and the save says so', async () => {
    await repo().createSku(STORE, { bcSku: 'MUG-1', backendSku: 'WH-MUG' }, 1);
    await repo().createSku(STORE, { bcSku: 'TEA-3', backendSku: 'TEA-3' }, 1);
    const notes = await repo().chainNotes(STORE, 'GIFT-SET', GIFT);
    expect(notes).toEqual(['MUG-1 is also a BigCommerce SKU mapped to WH-MUG; in this bundle it is sent to the warehouse as MUG-1, unchanged.']);
  });

  it('by warehouse SKU: every bundle using it (a SKU shared by two bundles and sold alone), and the bundle SKU is mapped away', async () => {
    await repo().createSku(STORE, { bcSku: 'GIFT-SET', components: GIFT }, 1);
    await repo().createSku(STORE, { bcSku: 'MUG-PAIR', components: [{ sku: 'MUG-1', quantity: 2 }] }, 1);
    const using = await repo().bundlesUsing(STORE, ['MUG-1', 'TEA-3']);
    expect(using('MUG-1').map((b) => b.bcSku)).toEqual(['GIFT-SET', 'MUG-PAIR']);
    expect(using('TEA-3').map((b) => b.bcSku)).toEqual(['GIFT-SET']);
    const reverse = await repo().reverseSkuMap(STORE, ['MUG-1', 'GIFT-SET']);
    // MUG-1 is sold alone too (unmapped, passes through); a bundle is no one-to-one target of its first component.
    expect(reverse('MUG-1')).toEqual(['MUG-1']);
    expect(reverse('GIFT-SET')).toEqual([]);
    // Components count as covered: a level for TEA-3 that BigCommerce does not sell is not an "unknown SKU".
    expect(await repo().mappedBackendSkus(STORE, ['TEA-3', 'OTHER'])).toEqual(new Set(['TEA-3']));
  });

  it('the CSV upsert writes bundles, turns a bundle plain and back, counting created and updated', async () => {
    expect(
      await repo().upsertSkus(
        STORE,
        [
          { bcSku: 'GIFT-SET', components: GIFT },
          { bcSku: 'A-1', backendSku: 'WH-A' },
        ],
        5,
      ),
    ).toEqual({ created: 2, updated: 0 });
    expect((await repo().skuMap(STORE, ['GIFT-SET'])).get('GIFT-SET')).toEqual(GIFT);
    expect(await repo().upsertSkus(STORE, [{ bcSku: 'GIFT-SET', backendSku: 'BOX' }], 6)).toEqual({ created: 0, updated: 1 });
    expect((await repo().skuMap(STORE, ['GIFT-SET'])).get('GIFT-SET')).toBe('BOX');
    expect(await t.db('sku_mapping_components').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('records component levels on every bundle using the SKU; a new bundle starts from levels already known', async () => {
    await repo().createSku(STORE, { bcSku: 'GIFT-SET', components: GIFT }, 1);
    const after = await repo().recordComponentLevels(STORE, [{ sku: 'TEA-3', available: 7 }]);
    expect(after).toEqual([
      {
        bcSku: 'GIFT-SET',
        components: [
          { sku: 'MUG-1', quantity: 1, available: null },
          { sku: 'TEA-3', quantity: 2, available: 7 },
        ],
      },
    ]);
    await repo().createSku(STORE, { bcSku: 'TEA-PAIR', components: [{ sku: 'TEA-3', quantity: 2 }] }, 2);
    expect((await repo().bundlesUsing(STORE, ['TEA-3']))('TEA-3').find((b) => b.bcSku === 'TEA-PAIR')?.components).toEqual([{ sku: 'TEA-3', quantity: 2, available: 7 }]);
  });
});
