// Inventory list filters <-> query string, API paths and labels. Pure.
import type { InventoryItemView, InventoryLocationOption } from '../../../../server/api/contract.js';
import { apiPath, enumField, textField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';
import { plural } from '../../lib/text.js';

export const INVENTORY_PATH = '/inventory';

/** The statuses offered as a filter (pending items show under "All"). */
export const INVENTORY_FILTER_STATUSES = ['synced', 'skipped'] as const satisfies ReadonlyArray<InventoryItemView['status']>;

export interface InventoryFilters {
  /** SKU (BigCommerce or backend), free text. */
  search: string;
  status: (typeof INVENTORY_FILTER_STATUSES)[number] | '';
}

/** URL: /inventory?search=ABC&status=skipped&page=2&limit=50 */
export const INVENTORY_FILTER_SPECS: FieldSpecs<InventoryFilters> = {
  search: textField(100),
  status: enumField(INVENTORY_FILTER_STATUSES),
};

export function inventoryApiPath({ page, limit, filters }: ListState<InventoryFilters>): string {
  return apiPath('/api/inventory', { page, limit, search: filters.search, status: filters.status });
}

/** Only the total matters: how many SKUs are skipped across every page. */
export const SKIPPED_COUNT_PATH = apiPath('/api/inventory', { page: 1, limit: 1, status: 'skipped' });

/** The store's name for a location, or "Location 3" when it is unknown. */
export function locationLabel(id: number, locations: readonly InventoryLocationOption[]): string {
  return locations.find((location) => location.id === id)?.label || `Location ${id}`;
}

/** Header of the "skipped" explanation: "1 SKU isn't synced" / "12 SKUs aren't synced". */
export function skippedHeader(count: number): string {
  return count === 1 ? '1 SKU isn’t synced to BigCommerce' : `${plural(count, 'SKU', 'SKUs')} aren’t synced to BigCommerce`;
}

/** Why SKUs are usually skipped, and what to do about each reason. */
export const SKIPPED_REASONS: readonly string[] = [
  'BigCommerce doesn’t track inventory for this product: turn on inventory tracking for the product (or its variants) in BigCommerce to sync it.',
  'BigCommerce has no product with this SKU: add the SKU to the product in BigCommerce, or map it under Settings › SKU mappings if your warehouse uses a different SKU.',
  'BigCommerce refused the level: its answer is shown next to the SKU. Fix the product in BigCommerce (or the level at your warehouse); the next level your warehouse reports for it is written again. The other SKUs were written.',
];
