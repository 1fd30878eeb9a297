// Types of the sandbox's catalog and inventory (types only). Records are camelCase; the v3 JSON of
// the Inventory, Locations and Catalog APIs is produced by api/inventory.ts and api/catalog.ts.

/**
 * products_catalog.v3.yml `inventory_tracking`: `none` - levels are not tracked; `product` - the
 * product's own level counts; `variant` - each variant keeps its own level.
 */
export type InventoryTracking = 'none' | 'product' | 'variant';

export interface VariantRecord {
  /** `variant_id`. */
  id: number;
  productId: number;
  sku: string;
  /** Catalog v2 SKU id (`sku_id`, and `id` of store/sku/... webhooks); null for a base variant. */
  skuId: number | null;
  /** Option label such as "Black / M"; '' for a base variant. */
  label: string;
}

export interface ProductRecord {
  id: number;
  storeHash: string;
  name: string;
  /** The product's own SKU (for a product without variants, its base variant's SKU). */
  sku: string;
  inventoryTracking: InventoryTracking;
  /**
   * The one variant of a product without options ("simple product"); null once the product has
   * option variants (products_catalog.v3.yml: base_variant_id "is null for complex products").
   */
  baseVariant: VariantRecord | null;
  /** Option variants; empty for a simple product. */
  variants: VariantRecord[];
}

export interface LocationRecord {
  id: number;
  /** locations.v3.yml `code` (user-defined unique identifier), e.g. BC-LOCATION-1. */
  code: string;
  label: string;
  /** Disabled locations keep their stock but cannot be edited (inventory-locations.mdx). */
  enabled: boolean;
  /** ms on the sandbox clock. */
  createdAt: number;
  updatedAt: number;
}

/** One PUT /v3/inventory/adjustments/absolute as the sandbox answered it (accepted or not). */
export interface AdjustmentLogEntry {
  storeHash: string;
  /** 200, or the error status (409 while another write was in progress, 422 invalid ...). */
  status: number;
  /** Number of entries in `items` (0 when the body had no items array). */
  items: number;
  reason: string;
  /** Set for accepted requests. */
  transactionId?: string;
  /** ms on the sandbox clock when the request arrived. */
  at: number;
}

export interface AddProductInput {
  sku: string;
  name?: string;
  /** Default: `variant` when variants are given, else `product`. */
  inventoryTracking?: InventoryTracking;
  /** Option variants; none = a simple product. */
  variants?: Array<{ sku: string; label?: string }>;
  /** Initial on-hand quantity of each inventory item at location 1 (default 0). */
  inventoryLevel?: number;
}

export interface AddLocationInput {
  label?: string;
  code?: string;
  enabled?: boolean;
}
