// Bundles / kits (issue 9 point 6): what one BigCommerce SKU is sent to the warehouse as. Pure
// helpers shared by the mappings repository, the API, the CSV import/export, the order import, the
// shipment allocation and the stock levels.
import type { SkuComponent } from './mappings.js';

export type { SkuComponent };

/** At most this many warehouse SKUs in one bundle (a kit, not a catalog; the order line limit is 1,000 per shipment). */
export const MAX_COMPONENTS = 20;
/** At most this many of one warehouse SKU per bundle unit. */
export const MAX_COMPONENT_QUANTITY = 1_000;

/** A bundle: anything but exactly one warehouse SKU, once. */
export const isBundle = (components: readonly SkuComponent[]): boolean => !(components.length === 1 && components[0]!.quantity === 1);

/** "MUG-1 × 1, TEA-3 × 2": how the order page and messages name a bundle's parts. */
export const componentsText = (components: readonly SkuComponent[]): string => components.map((c) => `${c.sku} × ${c.quantity}`).join(', ');

/** What a mapping sends: the SKU of a plain one, "MUG-1 × 1, TEA-3 × 2" for a bundle. */
export const sentAsText = (components: readonly SkuComponent[]): string => (isBundle(components) ? componentsText(components) : (components[0]?.sku ?? ''));

/** "MUG-1*1|TEA-3*2": the bundle in one CSV cell (the backend_sku column); a plain mapping is its SKU. */
export function componentsNotation(components: readonly SkuComponent[]): string {
  return isBundle(components) ? components.map((c) => `${c.sku}*${c.quantity}`).join('|') : components[0]!.sku;
}

/**
 * Reads a backend_sku cell: "WH-1" is one SKU; "MUG-1*1|TEA-3*2" (or "MUG-1|TEA-3*2", quantity 1
 * when left out) a bundle. Parts are trimmed. A SKU that itself contains "|" or ends in "*<digits>"
 * cannot be written this way (the form takes it). Answers the parts or what is wrong, in merchant words.
 */
export function parseComponentsNotation(cell: string): { ok: true; components: SkuComponent[] } | { ok: false; message: string } {
  const parts = cell.split('|').map((p) => p.trim());
  const components: SkuComponent[] = [];
  for (const part of parts) {
    if (part === '') return { ok: false, message: 'A bundle part is empty (check the "|" separators).' };
    const m = /^(.*?)\s*\*\s*(\d+)$/.exec(part);
    const sku = (m ? m[1]! : part).trim();
    const quantity = m ? Number(m[2]) : 1;
    if (sku === '') return { ok: false, message: `"${part}" has a quantity but no SKU.` };
    components.push({ sku, quantity });
  }
  return { ok: true, components };
}

/** Problems with a list of components, keyed by position ("components.1.sku"), in merchant words; empty when fine. */
export function componentProblems(components: readonly SkuComponent[], skuMax: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (components.length === 0) out.components = 'Add at least one warehouse SKU.';
  if (components.length > MAX_COMPONENTS) out.components = `A bundle has at most ${MAX_COMPONENTS} warehouse SKUs.`;
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (c.sku === '') out[`components.${i}.sku`] = 'Required';
    else if (c.sku.length > skuMax) out[`components.${i}.sku`] = `At most ${skuMax} characters (the longest SKU the fulfillment backend accepts)`;
    else if (seen.has(c.sku)) out[`components.${i}.sku`] = `${c.sku} is listed twice; give it once with the total quantity.`;
    seen.add(c.sku);
    if (!Number.isInteger(c.quantity) || c.quantity < 1 || c.quantity > MAX_COMPONENT_QUANTITY) {
      out[`components.${i}.quantity`] = `A whole number from 1 to ${MAX_COMPONENT_QUANTITY.toLocaleString('en-US')}`;
    }
  });
  return out;
}

/**
 * Complete sets the components' stock makes: the minimum over the components of
 * floor(level / quantity); a negative level (backorders) counts as 0. null while any level is unknown.
 */
export function completeSets(parts: ReadonlyArray<{ quantity: number; available: number | null }>): number | null {
  let sets = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    if (p.available === null) return null;
    sets = Math.min(sets, Math.floor(Math.max(0, p.available) / p.quantity));
  }
  return Number.isFinite(sets) ? sets : null;
}
