// A bundle's stock (issue 9 point 6): the fewest complete sets its components make, written to
// BigCommerce under the bundle's SKU like any other level. Pure.
import { componentsNotation, completeSets } from '../../domain/sku-components.js';
import type { BundleMapping } from '../../storage/reverse-sku-map.js';

/** The inventory rows column backend_sku holds 255 characters; a longer list of parts is cut. */
const BACKEND_SKU_COLUMN = 255;

/**
 * One pending level per bundle whose every component's level is known: min over the components of
 * floor(level / quantity per unit), a backorder counting as 0. `backendSku` names the parts as the
 * CSV does ("MUG-1*1|TEA-3*2"), so the Inventory page says where the number came from. A bundle
 * with a component never reported yet gets no level (guessing one could oversell).
 */
export function bundleLevels(bundles: readonly BundleMapping[]): Array<{ sku: string; backendSku: string; available: number }> {
  return bundles.flatMap((b) => {
    const sets = completeSets(b.components);
    if (sets === null) return [];
    const notation = componentsNotation(b.components);
    const backendSku = notation.length > BACKEND_SKU_COLUMN ? `${notation.slice(0, BACKEND_SKU_COLUMN - 1)}…` : notation;
    return [{ sku: b.bcSku, backendSku, available: sets }];
  });
}
