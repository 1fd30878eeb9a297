// The catalog every sandbox store starts with. Its SKUs are those of the default order lines
// (orders/defaults.ts), so a fresh order's product_id / variant_id point at real catalog entries, and
// each tracking mode is represented once:
// - "Sandbox Tee" (SBX-TEE) has two option variants and tracks inventory by variant;
// - "Sandbox Mug" (SBX-MUG-01) is a simple product tracked by product;
// - "Sandbox Gift Card" (SBX-GIFT-CARD) is a simple product whose inventory is not tracked.
// What the readiness scan finds in a fresh store: "Sandbox Poster" has no SKU; the gift card's
// inventory is not tracked (reported while the Inventory flow is on); and the sandbox warehouse
// does not stock SBX-GIFT-CARD (sandbox/warehouse/products.ts).
// "Sandbox Gift Set" (SBX-GIFT-SET) is a bundle to try kits with (docs/sandbox.md): the warehouse
// stocks no such SKU but its parts, the mug and a tea tin (SBX-TEA-TIN, a warehouse-only SKU); map
// it in the app as SBX-GIFT-SET → SBX-MUG-01 × 1, SBX-TEA-TIN × 2.
import type { AddProductInput } from './types.js';

export const DEFAULT_PRODUCTS: readonly AddProductInput[] = [
  {
    sku: 'SBX-TEE',
    name: 'Sandbox Tee',
    inventoryTracking: 'variant',
    variants: [
      { sku: 'SBX-TEE-BLK-M', label: 'Black / M' },
      { sku: 'SBX-TEE-BLK-L', label: 'Black / L' },
    ],
    inventoryLevel: 25,
  },
  { sku: 'SBX-MUG-01', name: 'Sandbox Mug', inventoryTracking: 'product', inventoryLevel: 40 },
  { sku: 'SBX-GIFT-CARD', name: 'Sandbox Gift Card', inventoryTracking: 'none', inventoryLevel: 0 },
  { sku: '', name: 'Sandbox Poster', inventoryTracking: 'product', inventoryLevel: 10 },
  { sku: 'SBX-GIFT-SET', name: 'Sandbox Gift Set', inventoryTracking: 'product', inventoryLevel: 0 },
];

/** The sandbox bundle's parts, as the app's SKU mapping (or the CSV import: "SBX-GIFT-SET,SBX-MUG-01*1|SBX-TEA-TIN*2") gives them. */
export const SANDBOX_BUNDLE = {
  sku: 'SBX-GIFT-SET',
  components: [
    { sku: 'SBX-MUG-01', quantity: 1 },
    { sku: 'SBX-TEA-TIN', quantity: 2 },
  ],
} as const;

/** "By default, all BigCommerce stores have at least one location (id = 1)" (locations.v3.yml). */
export const DEFAULT_LOCATION = { id: 1, code: 'BC-LOCATION-1', label: 'Default' } as const;

/** Id ranges of a store's catalog (the spec's examples use product ids around 111, variants ~200). */
export const FIRST_PRODUCT_ID = 111;
export const FIRST_VARIANT_ID = 201;
export const FIRST_SKU_ID = 301;

/** Per-item, per-location maximum (inventory-adjustments.mdx). */
export const MAX_INVENTORY = 2_147_483_647;

/**
 * Locations a plan may have (inventory-locations.mdx "Managing locations"); Enterprise can ask for
 * more, the Locations API itself caps active locations at 100.
 */
export const LOCATION_LIMITS: Record<string, number> = { Standard: 4, Plus: 5, Pro: 8, Enterprise: 100 };
export const DEFAULT_LOCATION_LIMIT = 100;
