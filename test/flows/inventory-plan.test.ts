import { describe, expect, it } from 'vitest';
import { MAX_LEVEL, planLevels, productSkuWins, sameItem, UNKNOWN, UNTRACKED, type TrackingMode } from '../../server/flows/inventory/plan-levels.js';
import { summarise } from '../../server/flows/inventory/summarise-levels.js';
import type { InventoryRow } from '../../server/storage/inventory-repo.js';

const row = (sku: string, available: number, ids: { productId?: number; variantId?: number; locationId?: number } = {}, backendSku = sku): InventoryRow => ({
  sku,
  backendSku,
  available,
  locationId: ids.locationId ?? 1,
  productId: ids.productId ?? null,
  variantId: ids.variantId ?? null,
  resolvedAt: ids.productId ? 1 : null,
});
const modes = new Map<number, TrackingMode>([
  [10, 'product'],
  [11, 'product'],
  [20, 'variant'],
  [77, 'product'],
  [30, 'none'],
]);

describe('planLevels', () => {
  it('a negative level (backorders) is written as 0 with a note, next to the other SKUs of the batch', () => {
    const plan = planLevels([row('MUG', -3, { productId: 10 }), row('TEE-M', 5, { productId: 20, variantId: 21 })], modes, new Set());
    expect(plan.writes.map((w) => w.item)).toEqual([
      { location_id: 1, product_id: 10, quantity: 0 },
      { location_id: 1, variant_id: 21, quantity: 5 },
    ]);
    expect(plan.writes[0]!.rows[0]!.note).toMatch(/reported -3 \(backorders\); written to BigCommerce as 0/);
    expect(plan.writes[1]!.rows[0]!.note).toBeNull();
    expect(plan.settled).toEqual([]);
  });

  it('a level above what BigCommerce stores is skipped with the reason; the rest is written', () => {
    const plan = planLevels([row('MUG', MAX_LEVEL + 1, { productId: 10 }), row('MAXED', MAX_LEVEL, { productId: 11 })], modes, new Set());
    expect(plan.writes.map((w) => w.rows.map((r) => r.row.sku))).toEqual([['MAXED']]);
    expect(plan.settled).toEqual([expect.objectContaining({ sku: 'MUG', status: 'skipped', reason: expect.stringContaining('2,147,483,647') })]);
  });

  it('unknown and untracked SKUs are skipped with their reasons', () => {
    const plan = planLevels([row('NOPE', 1), row('CARD', 1, { productId: 30 })], modes, new Set());
    expect(plan.settled.map((o) => [o.sku, o.status === 'skipped' ? o.reason : o.status])).toEqual([
      ['NOPE', UNKNOWN],
      ['CARD', UNTRACKED],
    ]);
  });

  it('the pass-through row of a mapped backend SKU BigCommerce does not have is discarded, not listed as unknown', () => {
    // TEE-RED → WH-TEE: the level went to TEE-RED; BigCommerce has no "WH-TEE" of its own.
    const rows = [row('TEE-RED', 4, { productId: 10 }, 'WH-TEE'), row('WH-TEE', 4), row('LONELY', 2)];
    const plan = planLevels(rows, modes, new Set(['WH-TEE']));
    expect(plan.writes.map((w) => w.rows.map((r) => r.row.sku))).toEqual([['TEE-RED']]);
    expect(plan.settled.map((o) => [o.sku, o.status])).toEqual([
      ['WH-TEE', 'discarded'],
      ['LONELY', 'skipped'],
    ]);
    const log = summarise('store1', [...plan.settled, ...plan.writes.flatMap((w) => w.rows.map((r) => ({ ...r.row, status: 'synced' as const, note: r.note })))]);
    expect(log.message).toBe('Stock levels written to BigCommerce: 1 item, 1 skipped.');
    expect(log.detail).toBe(`LONELY: ${UNKNOWN}`);
  });

  it('a pass-through row BigCommerce does have is still written (an unmapped SKU of the same name)', () => {
    const plan = planLevels([row('WH-TEE', 4, { productId: 10 })], modes, new Set(['WH-TEE']));
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 10, quantity: 4 }]);
  });
});

/** "v21@1" / "p77@1": the item an adjustment names; BigCommerce applies repeated ones in order, the last wins. */
const identity = (i: { location_id: number } & ({ variant_id: number } | { product_id: number })) =>
  'variant_id' in i ? `v${i.variant_id}@${i.location_id}` : `p${i.product_id}@${i.location_id}`;

describe('planLevels: one item per BigCommerce identity and location', () => {
  // Product 77 is tracked by product; the warehouse knows it only by its variant SKUs.
  const tee = (size: string, available: number, variantId: number, locationId = 1) => row(`TEE-${size}`, available, { productId: 77, variantId, locationId });

  it('variant SKUs of a product tracked by product are written once, as their sum, and every row says so', () => {
    const plan = planLevels([tee('S', 5, 701), tee('M', 7, 702), tee('L', 0, 703)], modes, new Set());
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 77, quantity: 12 }]);
    expect(plan.writes[0]!.rows.map((r) => r.row.sku)).toEqual(['TEE-S', 'TEE-M', 'TEE-L']);
    for (const r of plan.writes[0]!.rows) expect(r.note).toMatch(/product level: written as the sum of its 3 SKUs at this location \(TEE-L 0 \+ TEE-M 7 \+ TEE-S 5 = 12\)/);
    expect(plan.settled).toEqual([]);
  });

  it('a batch carrying one variant SKU counts the last known levels of the others (not the stale level of itself)', () => {
    const known = [tee('S', 5, 701), tee('M', 7, 702), tee('L', 0, 703), tee('M', 40, 702, 2)];
    const plan = planLevels([tee('S', 6, 701)], modes, new Set(), known);
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 77, quantity: 13 }]);
  });

  it('a backordered variant counts as 0 in the sum, with its own note', () => {
    const plan = planLevels([tee('S', -3, 701), tee('M', 7, 702)], modes, new Set());
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 77, quantity: 7 }]);
    expect(plan.writes[0]!.rows[0]!.note).toMatch(/reported -3 \(backorders\); counted as 0/);
  });

  it("the product's own SKU, when reported, is the product's level: the variant SKUs are skipped naming it", () => {
    const plan = planLevels([tee('S', 5, 701), row('TEE', 20, { productId: 77 }), tee('M', 7, 702)], modes, new Set());
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 77, quantity: 20 }]);
    expect(plan.settled.map((o) => [o.sku, o.status === 'skipped' ? o.reason : o.status])).toEqual([
      ['TEE-S', productSkuWins('TEE')],
      ['TEE-M', productSkuWins('TEE')],
    ]);
  });

  it('a sum over what BigCommerce stores is skipped for every SKU of the product', () => {
    const plan = planLevels([tee('S', MAX_LEVEL, 701), tee('M', 1, 702)], modes, new Set());
    expect(plan.writes).toEqual([]);
    expect(plan.settled.map((o) => (o.status === 'skipped' ? o.reason : o.status))).toEqual([expect.stringContaining('2,147,483,647'), expect.stringContaining('2,147,483,647')]);
  });

  it('two SKUs naming the same variant (fan-in) write one level, the same one whatever order they came in', () => {
    const a = row('TEE-M', 5, { productId: 20, variantId: 21 }, 'WH-1');
    const b = row('tee-m', 9, { productId: 20, variantId: 21 }, 'WH-2');
    for (const rows of [
      [a, b],
      [b, a],
    ]) {
      const plan = planLevels(rows, modes, new Set());
      expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, variant_id: 21, quantity: 5 }]);
      expect(plan.settled).toEqual([expect.objectContaining({ sku: 'tee-m', status: 'skipped', reason: sameItem('TEE-M') })]);
    }
  });

  it('the same item at two locations is two items', () => {
    const plan = planLevels(
      [
        tee('S', 5, 701, 1),
        tee('S', 4, 701, 2),
        row('TEE-M', 1, { productId: 20, variantId: 21, locationId: 1 }),
        row('TEE-M', 2, { productId: 20, variantId: 21, locationId: 2 }),
      ],
      modes,
      new Set(),
    );
    expect(plan.writes.map((w) => identity(w.item))).toEqual(['p77@1', 'p77@2', 'v21@1', 'v21@2']);
  });

  it('no batch ever names an identity twice, and every row is settled exactly once', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const rows = Array.from({ length: 1 + rand(12) }, (_, i) => {
        const productId = [10, 11, 20, 77][rand(4)]!;
        const variantId = rand(3) === 0 ? undefined : productId * 10 + rand(3);
        return row(`SKU-${round}-${i}`, rand(20) - 3, { productId, variantId, locationId: 1 + rand(2) });
      });
      const plan = planLevels(rows, modes, new Set());
      const ids = plan.writes.map((w) => identity(w.item));
      expect(new Set(ids).size).toBe(ids.length);
      const settledSkus = [...plan.settled.map((o) => o.sku), ...plan.writes.flatMap((w) => w.rows.map((r) => r.row.sku))];
      expect(settledSkus.sort()).toEqual(rows.map((r) => r.sku).sort());
    }
  });
});
