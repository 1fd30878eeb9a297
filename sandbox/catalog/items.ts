// Inventory items and how an identity ({sku} | {variant_id} | {product_id}) names one, following
// inventory.v3.yml "Items": "All product variants whose inventories are tracked by variant are
// inventory items. You can reference these inventory items using a variant's variant_id or sku. If
// a product has no variants, use product_id."
//
// So a product tracked by variant contributes one item per option variant; every other product
// (tracked by product, untracked, or simple) contributes one product-level item. A simple product's
// base variant *is* its product-level item, so its sku and variant_id name that item too.
//
// Writing to the wrong level is the spec's 422 "[Item with variant_id 106 is tracked by product,
// please update stock by product id]"; the sandbox answers the mirror case (product_id of a
// variant-tracked product) and the untracked-with-variants case in the same words.
import { productKey, variantKey, type Catalog } from './catalog.js';
import type { ProductRecord, VariantRecord } from './types.js';

export interface Identity {
  sku?: string;
  variant_id?: number;
  product_id?: number;
}

export type ItemRef = { kind: 'product'; product: ProductRecord } | { kind: 'variant'; product: ProductRecord; variant: VariantRecord };

/** ItemResponse.identity. variant_id is null for the product-level item of a complex product. */
export interface ItemIdentity {
  sku: string;
  variant_id: number | null;
  product_id: number;
  sku_id: number | null;
}

export interface InventoryItem {
  ref: ItemRef;
  identity: ItemIdentity;
  key: string;
}

export const keyOf = (ref: ItemRef): string => (ref.kind === 'variant' ? variantKey(ref.variant.id) : productKey(ref.product.id));

/** "sku X" / "variant_id 106" / "product_id 111", as the API's error titles name an identity. */
export function describeIdentity(id: Identity): string {
  if (id.sku !== undefined) return `sku ${id.sku}`;
  if (id.variant_id !== undefined) return `variant_id ${id.variant_id}`;
  return `product_id ${id.product_id}`;
}

/** The record an identity addresses, before any tracking-mode check; undefined when unknown. */
export function locate(catalog: Catalog, storeHash: string, id: Identity): ItemRef | undefined {
  for (const product of catalog.products(storeHash)) {
    if (id.product_id !== undefined) {
      if (product.id === id.product_id) return { kind: 'product', product };
      continue;
    }
    const matches = (v: VariantRecord): boolean => (id.sku !== undefined ? v.sku === id.sku : v.id === id.variant_id);
    const variant = product.variants.find(matches);
    if (variant) return { kind: 'variant', product, variant };
    if (product.baseVariant && matches(product.baseVariant)) return { kind: 'product', product };
    // A complex product's own SKU names its product-level record.
    if (id.sku !== undefined && product.sku === id.sku) return { kind: 'product', product };
  }
  return undefined;
}

/** Why this record cannot be written under the product's tracking mode, or undefined when it can. */
export function trackingProblem(ref: ItemRef, id: Identity): string | undefined {
  const mode = ref.product.inventoryTracking;
  const who = `Item with ${describeIdentity(id)}`;
  if (ref.kind === 'product' && mode === 'variant') return `[${who} is tracked by variant, please update stock by variant id]`;
  if (ref.kind === 'variant' && mode === 'product') return `[${who} is tracked by product, please update stock by product id]`;
  if (ref.kind === 'variant' && mode === 'none') return `[${who} is not tracked by variant, please update stock by product id]`;
  return undefined;
}

/**
 * The webhook an inventory change of this record fires (events/index.mdx):
 * store/product/inventory/updated "for products without variants ... regardless of how you track
 * inventory", and for products with variants only when tracked by product; store/sku/inventory/updated
 * only for variants of products tracked by variant. A complex untracked product fires neither.
 */
export function inventoryEvent(ref: ItemRef, delta: number): { scope: string; data: Record<string, unknown> } | undefined {
  const { product } = ref;
  if (ref.kind === 'variant') {
    const inventory = { product_id: product.id, method: 'absolute', value: delta, variant_id: ref.variant.id };
    return { scope: 'store/sku/inventory/updated', data: { type: 'sku', id: ref.variant.skuId, inventory } };
  }
  if (product.variants.length > 0 && product.inventoryTracking !== 'product') return undefined;
  return {
    scope: 'store/product/inventory/updated',
    data: { type: 'product', id: product.id, inventory: { product_id: product.id, method: 'absolute', value: delta } },
  };
}

/** Every inventory item of the store, in product then variant order. */
export function inventoryItems(catalog: Catalog, storeHash: string): InventoryItem[] {
  const items: InventoryItem[] = [];
  for (const product of catalog.products(storeHash)) {
    if (product.inventoryTracking === 'variant') {
      for (const variant of product.variants) {
        const ref: ItemRef = { kind: 'variant', product, variant };
        items.push({ ref, key: keyOf(ref), identity: { sku: variant.sku, variant_id: variant.id, product_id: product.id, sku_id: variant.skuId } });
      }
    } else {
      const ref: ItemRef = { kind: 'product', product };
      const identity = { sku: product.sku, variant_id: product.baseVariant?.id ?? null, product_id: product.id, sku_id: null };
      items.push({ ref, key: keyOf(ref), identity });
    }
  }
  return items;
}
