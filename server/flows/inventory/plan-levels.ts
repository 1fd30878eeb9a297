// Decides, for each pending stock level, what goes to BigCommerce and what is settled without a
// write. Pure, so every rule (unknown SKU, tracking off, negative or oversized levels, two SKUs
// naming one BigCommerce item) is testable.
//
// One absolute adjustment never names the same item (variant or product, at one location) twice:
// BigCommerce applies the items in order, so a repeated identity means the last one silently wins.
// - A product tracked by product has one level per location. When the warehouse reports it by its
//   variant SKUs, that level is the sum of those SKUs (the last known level of the ones not in
//   this batch included), written once; the product's own SKU, when the warehouse reports it, is
//   the product's level and the variant SKUs are then listed as skipped with the reason.
// - Two SKUs that name the same variant (fan-in) write one level: the first SKU in code-unit order,
//   so the choice does not depend on the order events arrived in; the other is skipped naming it.
import type { AbsoluteItem } from '../../bigcommerce/index.js';
import type { InventoryRow, Settlement } from '../../storage/inventory-repo.js';

export type TrackingMode = 'none' | 'product' | 'variant';

/** inventory-adjustments.mdx: an item's level at one location cannot exceed 2,147,483,647. */
export const MAX_LEVEL = 2_147_483_647;

export const UNKNOWN = 'BigCommerce has no product or variant with this SKU.';
export const UNTRACKED = 'Inventory tracking is off for this product in BigCommerce; turn it on to sync stock.';
export const TOO_HIGH = `BigCommerce stores at most ${MAX_LEVEL.toLocaleString('en-US')} per location; this level was not written.`;
export const negativeNote = (available: number) => `The warehouse reported ${available} (backorders); written to BigCommerce as 0.`;
const negativeCountedNote = (available: number) => `The warehouse reported ${available} (backorders); counted as 0.`;
export const sameItem = (winner: string) => `SKU ${winner} names the same BigCommerce item; its level was written, this one was not.`;
export const productSkuWins = (productSku: string) =>
  `BigCommerce tracks this product's stock at product level and the warehouse also reports the product's own SKU ${productSku}; that level is the product's, this variant's was not written.`;
const SUM_TERMS_SHOWN = 5;
export function summedNote(terms: ReadonlyArray<{ sku: string; available: number }>, total: number): string {
  const shown = terms.slice(0, SUM_TERMS_SHOWN).map((t) => `${t.sku} ${Math.max(0, t.available)}`);
  const more = terms.length > SUM_TERMS_SHOWN ? ` + ${terms.length - SUM_TERMS_SHOWN} more` : '';
  return `BigCommerce tracks this product's stock at product level: written as the sum of its ${terms.length} SKUs at this location (${shown.join(' + ')}${more} = ${total}).`;
}

export interface PlannedWrite {
  item: AbsoluteItem;
  /** The pending rows this one item settles, each with the note shown as its reason once written. */
  rows: Array<{ row: InventoryRow; note: string | null }>;
}

export interface LevelPlan {
  /** One per BigCommerce item and location: no identity appears twice. */
  writes: PlannedWrite[];
  /** Rows settled without a write (skipped or discarded). */
  settled: Settlement[];
}

const bySku = (a: { sku: string }, b: { sku: string }) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/**
 * @param modes inventory tracking per BigCommerce product id (absent: product unknown)
 * @param coveredBackendSkus backend SKUs that other BigCommerce SKUs are mapped to: their
 *   pass-through row (BigCommerce SKU = backend SKU) is only a guess, dropped when BigCommerce has no such SKU
 * @param known last known levels of other SKUs (not in `rows`) of the products tracked by product,
 *   so a product's sum counts the variant SKUs this batch does not carry
 */
export function planLevels(
  rows: readonly InventoryRow[],
  modes: ReadonlyMap<number, TrackingMode>,
  coveredBackendSkus: ReadonlySet<string>,
  known: readonly InventoryRow[] = [],
): LevelPlan {
  const settled: Settlement[] = [];
  const groups = new Map<string, { mode: TrackingMode; rows: InventoryRow[] }>();
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
    const key = mode === 'variant' && r.variantId != null ? `v${r.variantId}@${r.locationId}` : `p${r.productId}@${r.locationId}`;
    const g = groups.get(key) ?? { mode, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }

  const writes: PlannedWrite[] = [];
  for (const g of groups.values()) {
    const plan = g.mode === 'product' ? planProduct(g.rows, known) : planSingle(g.rows);
    settled.push(...plan.settled);
    if (plan.write) writes.push(plan.write);
  }
  return { writes, settled };
}

type GroupPlan = { write: PlannedWrite | null; settled: Settlement[] };

/** Rows naming one variant (or the product-level item of a product tracked by variant): the first SKU writes. */
function planSingle(rows: readonly InventoryRow[]): GroupPlan {
  const [winner, ...others] = [...rows].sort(bySku);
  const settled: Settlement[] = others.map((r) => ({ ...r, status: 'skipped', reason: sameItem(winner!.sku) }));
  const w = winner!;
  if (w.available > MAX_LEVEL) return { write: null, settled: [...settled, { ...w, status: 'skipped', reason: TOO_HIGH }] };
  // Backorders: BigCommerce refuses a negative absolute level, and nothing is available to sell.
  const quantity = Math.max(0, w.available);
  const item: AbsoluteItem =
    w.variantId != null ? { location_id: w.locationId, variant_id: w.variantId, quantity } : { location_id: w.locationId, product_id: w.productId!, quantity };
  return { write: { item, rows: [{ row: w, note: w.available < 0 ? negativeNote(w.available) : null }] }, settled };
}

/** Rows of one product tracked by product, at one location: one product-level write. */
function planProduct(batch: readonly InventoryRow[], known: readonly InventoryRow[]): GroupPlan {
  const { productId, locationId } = batch[0]!;
  const inBatch = new Set(batch.map((r) => r.sku));
  const others = known.filter((k) => k.productId === productId && k.locationId === locationId && !inBatch.has(k.sku));
  const byProductId = (r: InventoryRow, quantity: number): AbsoluteItem => ({ location_id: r.locationId, product_id: productId!, quantity });

  // The product's own SKU (no variant id) is the product's level; a reported one wins over variants.
  const productSku = [...batch].sort(bySku).find((r) => r.variantId == null) ?? [...others].sort(bySku).find((r) => r.variantId == null);
  if (productSku) {
    const settled: Settlement[] = batch.filter((r) => r !== productSku).map((r) => ({ ...r, status: 'skipped', reason: productSkuWins(productSku.sku) }));
    if (!inBatch.has(productSku.sku)) return { write: null, settled };
    if (productSku.available > MAX_LEVEL) return { write: null, settled: [...settled, { ...productSku, status: 'skipped', reason: TOO_HIGH }] };
    const note = productSku.available < 0 ? negativeNote(productSku.available) : null;
    return { write: { item: byProductId(productSku, Math.max(0, productSku.available)), rows: [{ row: productSku, note }] }, settled };
  }

  // Variant SKUs only: one term per variant (a batch row over a stored one, then the first SKU).
  const settled: Settlement[] = [];
  const terms = new Map<number, InventoryRow>();
  for (const r of [...batch].sort(bySku)) {
    const first = terms.get(r.variantId!);
    if (first) settled.push({ ...r, status: 'skipped', reason: sameItem(first.sku) });
    else terms.set(r.variantId!, r);
  }
  for (const k of [...others].sort(bySku)) if (!terms.has(k.variantId!)) terms.set(k.variantId!, k);
  const counted = batch.filter((r) => terms.get(r.variantId!) === r);
  const all = [...terms.values()].sort(bySku);
  const total = all.reduce((sum, t) => sum + Math.max(0, t.available), 0);
  if (total > MAX_LEVEL) return { write: null, settled: [...settled, ...counted.map((r): Settlement => ({ ...r, status: 'skipped', reason: TOO_HIGH }))] };
  const noteFor = (r: InventoryRow) => {
    const parts = [all.length > 1 ? summedNote(all, total) : null, r.available < 0 ? (all.length > 1 ? negativeCountedNote : negativeNote)(r.available) : null].filter(Boolean);
    return parts.length ? parts.join(' ') : null;
  };
  return { write: { item: byProductId(counted[0]!, total), rows: counted.map((r) => ({ row: r, note: noteFor(r) })) }, settled };
}
