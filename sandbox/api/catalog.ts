// A minimal slice of the Catalog v3 API (reference/catalog/*.yml), for looking at what the
// inventory writes did and for the app's tracking-mode lookup: GET /catalog/products (id:in, sku,
// sku:in, include_fields, page, limit ≤ 250), GET /catalog/products/{id} and
// GET /catalog/products/{id}/variants with id, sku, inventory_tracking and inventory_level.
// Scope store_v2_products_read_only or store_v2_products.
// "The Catalog API returns the inventory for only the default location", so levels are location 1's;
// a variant-tracked product reports the sum of its variants there.
import type { Request, Router } from 'express';
import { productKey, variantKey } from '../catalog/catalog.js';
import type { ProductRecord, VariantRecord } from '../catalog/types.js';
import type { SandboxState } from '../state.js';
import { readScope, requireScope } from './auth.js';
import { sendApiError } from './errors.js';
import { inFilter, pageOf } from './v3-paging.js';

const DEFAULT_LOCATION_ID = 1;
const hashOf = (req: Request): string => String((req.params as Record<string, string>).hash);

function productLevel(state: SandboxState, p: ProductRecord): number {
  const level = (key: string): number => state.catalog.level(p.storeHash, key, DEFAULT_LOCATION_ID);
  if (p.inventoryTracking === 'variant') return p.variants.reduce((n, v) => n + level(variantKey(v.id)), 0);
  return level(productKey(p.id));
}

function renderProduct(state: SandboxState, p: ProductRecord): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    type: 'physical',
    sku: p.sku,
    inventory_level: productLevel(state, p),
    inventory_warning_level: 0,
    inventory_tracking: p.inventoryTracking,
    base_variant_id: p.baseVariant?.id ?? null,
  };
}

/** A simple product's base variant shares the product-level record. */
function renderVariant(state: SandboxState, p: ProductRecord, v: VariantRecord): Record<string, unknown> {
  const key = v.skuId === null ? productKey(p.id) : variantKey(v.id);
  return {
    id: v.id,
    product_id: p.id,
    sku: v.sku,
    sku_id: v.skuId,
    inventory_level: state.catalog.level(p.storeHash, key, DEFAULT_LOCATION_ID),
    inventory_warning_level: 0,
    option_values: v.label ? [{ label: v.label, option_display_name: 'Option' }] : [],
  };
}

export function registerCatalog(v3: Router, state: SandboxState): void {
  const read = requireScope(readScope('store_v2_products'));
  const find = (req: Request): ProductRecord | undefined => {
    const id = String(req.params.id);
    return /^\d+$/.test(id) ? state.catalog.product(hashOf(req), Number(id)) : undefined;
  };

  v3.get('/catalog/products', read, (req, res) => {
    const q = req.query as Record<string, unknown>;
    const ids = inFilter(q, 'id:in', true);
    if (ids === null) return sendApiError(req, res, 422, "The filter 'id:in' must be a comma-separated list of integers");
    // sku / sku:in match the product's own (base variant) SKU only, as the products spec says.
    const skus = typeof q.sku === 'string' ? [q.sku] : inFilter(q, 'sku:in');
    const products = state.catalog.products(hashOf(req)).filter((p) => (!ids || ids.includes(p.id)) && (!skus || skus.includes(p.sku)));
    // include_fields: the listed fields plus id.
    const fields = inFilter(q, 'include_fields');
    const pick = (o: Record<string, unknown>): Record<string, unknown> =>
      fields ? Object.fromEntries(Object.entries(o).filter(([k]) => k === 'id' || fields.includes(k))) : o;
    const page = pageOf(products, q, { defaultLimit: 50, maxLimit: 250 });
    res.json({ data: page.data.map((p) => pick(renderProduct(state, p))), meta: page.meta });
  });

  v3.get('/catalog/products/:id', read, (req, res) => {
    const p = find(req);
    if (!p) return sendApiError(req, res, 404, 'The requested product was not found.');
    res.json({ data: renderProduct(state, p), meta: {} });
  });

  v3.get('/catalog/products/:id/variants', read, (req, res) => {
    const p = find(req);
    if (!p) return sendApiError(req, res, 404, 'The requested product was not found.');
    const variants = p.baseVariant ? [p.baseVariant] : p.variants;
    const page = pageOf(variants, req.query as Record<string, unknown>, { defaultLimit: 50, maxLimit: 250 });
    res.json({ data: page.data.map((v) => renderVariant(state, p, v)), meta: page.meta });
  });
}
