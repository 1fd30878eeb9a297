// A minimal slice of the Catalog v3 API (reference/catalog/*.yml), for looking at what the
// inventory writes did, for the app's tracking-mode lookup and for its readiness scan:
// GET /catalog/products (id:in, sku, sku:in, include=variants, include_fields, page, limit ≤ 250),
// GET /catalog/products/{id} (include=variants) and GET /catalog/products/{id}/variants with id,
// sku, inventory_tracking and inventory_level (scope store_v2_products_read_only or
// store_v2_products), and PUT /catalog/products/{id} with `inventory_tracking` only (product_Put;
// scope store_v2_products): the readiness scan's one-click "Track inventory".
// "The Catalog API returns the inventory for only the default location", so levels are location 1's;
// a variant-tracked product reports the sum of its variants there.
import type { Request, Response, Router } from 'express';
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

/** `include=variants`: the product's variants inline (a simple product's base variant), as product_Full has them. */
function withIncludes(state: SandboxState, p: ProductRecord, req: Request): Record<string, unknown> {
  const product = renderProduct(state, p);
  const include = inFilter(req.query, 'include');
  if (!include?.includes('variants')) return product;
  const variants = p.baseVariant ? [p.baseVariant] : p.variants;
  return { ...product, variants: variants.map((v) => renderVariant(state, p, v)) };
}

const TRACKING = ['none', 'product', 'variant'];

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
    // Sub-resources asked for with include stay.
    const pick = (o: Record<string, unknown>): Record<string, unknown> =>
      fields ? Object.fromEntries(Object.entries(o).filter(([k]) => k === 'id' || k === 'variants' || fields.includes(k))) : o;
    const page = pageOf(products, q, { defaultLimit: 50, maxLimit: 250 });
    res.json({ data: page.data.map((p) => pick(withIncludes(state, p, req))), meta: page.meta });
  });

  v3.get('/catalog/products/:id', read, (req, res) => {
    const p = find(req);
    if (!p) return sendApiError(req, res, 404, 'The requested product was not found.');
    res.json({ data: withIncludes(state, p, req), meta: {} });
  });

  // Only inventory_tracking is implemented; any other field is refused rather than ignored, so a
  // test relying on one fails loudly.
  v3.put('/catalog/products/:id', requireScope(['store_v2_products']), (req: Request, res: Response) => {
    const p = find(req);
    if (!p) return sendApiError(req, res, 404, 'The requested product was not found.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(body).filter((k) => k !== 'inventory_tracking' && k !== 'id');
    if (unknown.length > 0) return sendApiError(req, res, 422, `The sandbox does not update ${unknown.join(', ')}`);
    const mode = body.inventory_tracking;
    if (mode !== undefined) {
      if (typeof mode !== 'string' || !TRACKING.includes(mode)) return sendApiError(req, res, 422, 'inventory_tracking must be one of none, product, variant');
      // BigCommerce offers "track by variant" only for products with options.
      if (mode === 'variant' && p.variants.length === 0) return sendApiError(req, res, 422, 'A product without variants cannot track inventory by variant');
      state.catalog.setTracking(p.storeHash, p.id, mode as 'none' | 'product' | 'variant');
    }
    res.json({ data: withIncludes(state, p, req), meta: {} });
  });

  v3.get('/catalog/products/:id/variants', read, (req, res) => {
    const p = find(req);
    if (!p) return sendApiError(req, res, 404, 'The requested product was not found.');
    const variants = p.baseVariant ? [p.baseVariant] : p.variants;
    const page = pageOf(variants, req.query as Record<string, unknown>, { defaultLimit: 50, maxLimit: 250 });
    res.json({ data: page.data.map((v) => renderVariant(state, p, v)), meta: page.meta });
  });
}
