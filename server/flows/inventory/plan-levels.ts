// Decides, for each pending stock level, what goes to BigCommerce and what is settled without a
// write. Pure, so every rule (unknown SKU, tracking off, negative or oversized levels) is testable.
import type { AbsoluteItem } from '../../bigcommerce/index.js';
import type { InventoryRow, Settlement } from '../../storage/inventory-repo.js';

export type TrackingMode = 'none' | 'product' | 'variant';

/** inventory-adjustments.mdx: an item's level at one location cannot exceed 2,147,483,647. */
export const MAX_LEVEL = 2_147_483_647;

export const UNKNOWN = 'BigCommerce has no product or variant with this SKU.';
export const UNTRACKED = 'Inventory tracking is off for this product in BigCommerce; turn it on to sync stock.';
export const TOO_HIGH = `BigCommerce stores at most ${MAX_LEVEL.toLocaleString('en-US')} per location; this level was not written.`;
export const negativeNote = (available: number) => `The warehouse reported ${available} (backorders); written to BigCommerce as 0.`;

export interface PlannedWrite {
  row: InventoryRow;
  item: AbsoluteItem;
  /** Shown as the row's reason once written. */
  note: string | null;
}

export interface LevelPlan {
  writes: PlannedWrite[];
  /** Rows settled without a write (skipped or discarded). */
  settled: Settlement[];
}

/**
 * @param modes inventory tracking per BigCommerce product id (absent: product unknown)
 * @param coveredBackendSkus backend SKUs that other BigCommerce SKUs are mapped to: their
 *   pass-through row (BigCommerce SKU = backend SKU) is only a guess, dropped when BigCommerce has no such SKU
 */
export function planLevels(rows: readonly InventoryRow[], modes: ReadonlyMap<number, TrackingMode>, coveredBackendSkus: ReadonlySet<string>): LevelPlan {
  const writes: PlannedWrite[] = [];
  const settled: Settlement[] = [];
  for (const r of rows) {
    const mode = r.productId == null ? undefined : modes.get(r.productId);
    if (r.productId == null || mode === undefined) {
      const passThrough = r.sku === r.backendSku && coveredBackendSkus.has(r.backendSku);
      settled.push(passThrough ? { ...r, status: 'discarded' } : { ...r, status: 'skipped', reason: UNKNOWN });
      continue;
    }
    if (mode === 'none') {
      settled.push({ ...r, status: 'skipped', reason: UNTRACKED });
      continue;
    }
    if (r.available > MAX_LEVEL) {
      settled.push({ ...r, status: 'skipped', reason: TOO_HIGH });
      continue;
    }
    // Backorders: BigCommerce refuses a negative absolute level, and nothing is available to sell.
    const quantity = Math.max(0, r.available);
    const item: AbsoluteItem =
      mode === 'variant' && r.variantId != null
        ? { location_id: r.locationId, variant_id: r.variantId, quantity }
        : { location_id: r.locationId, product_id: r.productId, quantity };
    writes.push({ row: r, item, note: r.available < 0 ? negativeNote(r.available) : null });
  }
  return { writes, settled };
}
