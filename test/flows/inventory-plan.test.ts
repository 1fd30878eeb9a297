import { describe, expect, it } from 'vitest';
import { MAX_LEVEL, planLevels, UNKNOWN, UNTRACKED, type TrackingMode } from '../../server/flows/inventory/plan-levels.js';
import { summarise } from '../../server/flows/inventory/summarise-levels.js';
import type { InventoryRow } from '../../server/storage/inventory-repo.js';

const row = (sku: string, available: number, ids: { productId?: number; variantId?: number } = {}, backendSku = sku): InventoryRow => ({
  sku,
  backendSku,
  available,
  locationId: 1,
  productId: ids.productId ?? null,
  variantId: ids.variantId ?? null,
  resolvedAt: ids.productId ? 1 : null,
});
const modes = new Map<number, TrackingMode>([
  [10, 'product'],
  [20, 'variant'],
  [30, 'none'],
]);

describe('planLevels', () => {
  it('a negative level (backorders) is written as 0 with a note, next to the other SKUs of the batch', () => {
    const plan = planLevels([row('MUG', -3, { productId: 10 }), row('TEE-M', 5, { productId: 20, variantId: 21 })], modes, new Set());
    expect(plan.writes.map((w) => w.item)).toEqual([
      { location_id: 1, product_id: 10, quantity: 0 },
      { location_id: 1, variant_id: 21, quantity: 5 },
    ]);
    expect(plan.writes[0]!.note).toMatch(/reported -3 \(backorders\); written to BigCommerce as 0/);
    expect(plan.writes[1]!.note).toBeNull();
    expect(plan.settled).toEqual([]);
  });

  it('a level above what BigCommerce stores is skipped with the reason; the rest is written', () => {
    const plan = planLevels([row('MUG', MAX_LEVEL + 1, { productId: 10 }), row('MAXED', MAX_LEVEL, { productId: 10 })], modes, new Set());
    expect(plan.writes.map((w) => w.row.sku)).toEqual(['MAXED']);
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
    expect(plan.writes.map((w) => w.row.sku)).toEqual(['TEE-RED']);
    expect(plan.settled.map((o) => [o.sku, o.status])).toEqual([
      ['WH-TEE', 'discarded'],
      ['LONELY', 'skipped'],
    ]);
    const log = summarise('store1', [...plan.settled, ...plan.writes.map((w) => ({ ...w.row, status: 'synced' as const, note: w.note }))]);
    expect(log.message).toBe('Stock levels written to BigCommerce: 1 item(s), 1 skipped.');
    expect(log.detail).toBe(`LONELY: ${UNKNOWN}`);
  });

  it('a pass-through row BigCommerce does have is still written (an unmapped SKU of the same name)', () => {
    const plan = planLevels([row('WH-TEE', 4, { productId: 10 })], modes, new Set(['WH-TEE']));
    expect(plan.writes.map((w) => w.item)).toEqual([{ location_id: 1, product_id: 10, quantity: 4 }]);
  });
});
