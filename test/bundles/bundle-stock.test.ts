// Issue 9 point 6: a bundle's available stock is the minimum over its components of
// floor(level / quantity), and a component's level change updates every bundle that uses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLevels } from '../../server/flows/inventory/bundle-levels.js';
import { recordInventoryLevels } from '../../server/flows/inventory/record-levels.js';
import { completeSets } from '../../server/domain/sku-components.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

describe('complete sets', () => {
  it('min over components of floor(level / quantity); a backorder counts as 0; unknown is no level', () => {
    expect(
      completeSets([
        { quantity: 1, available: 12 },
        { quantity: 2, available: 7 },
      ]),
    ).toBe(3);
    expect(
      completeSets([
        { quantity: 1, available: -4 },
        { quantity: 2, available: 7 },
      ]),
    ).toBe(0);
    expect(
      completeSets([
        { quantity: 1, available: 12 },
        { quantity: 2, available: null },
      ]),
    ).toBeNull();
    expect(
      bundleLevels([
        {
          bcSku: 'GIFT-SET',
          components: [
            { sku: 'MUG-1', quantity: 1, available: 12 },
            { sku: 'TEA-3', quantity: 2, available: 7 },
          ],
        },
      ]),
    ).toEqual([{ sku: 'GIFT-SET', backendSku: 'MUG-1*1|TEA-3*2', available: 3 }]);
  });
});

describe('recording levels', () => {
  let t: Awaited<ReturnType<typeof bareApp>>;
  beforeAll(async () => {
    t = await bareApp();
    await t.install();
  });
  afterAll(() => t.close());

  const pending = async () => {
    const rows: Array<{ sku: string; available: number }> = await t.db('inventory_items').where({ store_hash: STORE, status: 'pending' }).select('sku', 'available');
    return Object.fromEntries(rows.map((r) => [r.sku, Number(r.available)]));
  };

  it('a component level updates every bundle that uses it, and the component sold alone keeps its own level', async () => {
    const s = t.app.services;
    await s.mappings.createSku(
      STORE,
      {
        bcSku: 'GIFT-SET',
        components: [
          { sku: 'MUG-1', quantity: 1 },
          { sku: 'TEA-3', quantity: 2 },
        ],
      },
      1,
    );
    await s.mappings.createSku(STORE, { bcSku: 'MUG-PAIR', components: [{ sku: 'MUG-1', quantity: 2 }] }, 1);
    await recordInventoryLevels(s, STORE, [{ sku: 'MUG-1', available: 9 }]);
    // GIFT-SET waits for TEA-3's level; MUG-PAIR is floor(9 / 2); MUG-1 itself passes through.
    expect(await pending()).toEqual({ 'MUG-1': 9, 'MUG-PAIR': 4 });
    await recordInventoryLevels(s, STORE, [{ sku: 'TEA-3', available: 7 }]);
    expect(await pending()).toMatchObject({ 'GIFT-SET': 3, 'TEA-3': 7 });
    await recordInventoryLevels(s, STORE, [{ sku: 'MUG-1', available: 1 }]);
    expect(await pending()).toMatchObject({ 'MUG-1': 1, 'MUG-PAIR': 0, 'GIFT-SET': 1 });
  });
});
