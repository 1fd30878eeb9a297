// Catalog v3 calls of the readiness scan and its one-click fix
// (../shared/bigcommerce-api/bigcommerce-docs/reference/catalog/products_catalog.v3.yml):
// GET /catalog/products?include=variants (product_Full with its productVariant_Full list; a simple
// product lists its base variant), GET /catalog/products/{id}?include=variants, and
// PUT /catalog/products/{id} with `inventory_tracking` only (product_Put), which needs the Products
// modify scope (store_v2_products). Schemas are lenient where a surprise is harmless and keep
// "unknown" apart from a value: an unreadable tracking mode is null, never "none".
import { z } from 'zod';
import type { BigCommerceClient } from './http-client.js';

export type InventoryTrackingMode = 'none' | 'product' | 'variant';

const variantSchema = z.looseObject({
  id: z.number().int(),
  sku: z.string().nullable().optional().catch(null),
  option_values: z
    .array(z.looseObject({ label: z.string().optional().catch(undefined) }))
    .optional()
    .catch([]),
});

const productSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
  /** physical | digital (product_Full); unknown is treated as physical (it may ship). */
  type: z.string().optional().catch(undefined),
  sku: z.string().nullable().optional().catch(null),
  inventory_tracking: z.enum(['none', 'product', 'variant']).nullable().optional().catch(null),
  variants: z.array(variantSchema).optional().catch(undefined),
});

const paginationSchema = z
  .looseObject({
    pagination: z
      .looseObject({ total: z.number().int().optional().catch(undefined), total_pages: z.number().int().optional().catch(undefined) })
      .optional()
      .catch(undefined),
  })
  .optional()
  .catch(undefined);

const pageSchema = z.looseObject({ data: z.array(productSchema), meta: paginationSchema });
const oneSchema = z.looseObject({ data: productSchema });

export interface CatalogVariant {
  id: number;
  /** '' when it has none. */
  sku: string;
  /** Option labels, e.g. "Black / M"; '' for a simple product's base variant. */
  label: string;
}

export interface CatalogProduct {
  id: number;
  name: string;
  sku: string;
  /** Digital products never ship: the scan leaves them out. */
  digital: boolean;
  /** null when BigCommerce did not say. */
  inventoryTracking: InventoryTrackingMode | null;
  /** Every variant (a simple product's base variant too); empty when BigCommerce listed none. */
  variants: CatalogVariant[];
}

function toProduct(p: z.infer<typeof productSchema>): CatalogProduct {
  return {
    id: p.id,
    name: p.name.trim() || `Product ${p.id}`,
    sku: (p.sku ?? '').trim(),
    digital: p.type === 'digital',
    inventoryTracking: p.inventory_tracking ?? null,
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      sku: (v.sku ?? '').trim(),
      label: (v.option_values ?? [])
        .map((o) => o.label ?? '')
        .filter(Boolean)
        .join(' / '),
    })),
  };
}

/** The products spec's maximum page size. */
export const CATALOG_PAGE_SIZE = 250;

export interface CatalogPage {
  products: CatalogProduct[];
  /** Products in the catalog (meta.pagination.total); null when not said. */
  total: number | null;
  totalPages: number | null;
}

/** One page of products with their variants, by id (stable while the scan pages). */
export async function listProductsWithVariants(client: BigCommerceClient, page: number, limit = CATALOG_PAGE_SIZE): Promise<CatalogPage> {
  const body = pageSchema.parse((await client.get('v3', '/catalog/products', { query: { include: 'variants', sort: 'id', direction: 'asc', page, limit } })) ?? { data: [] });
  const pagination = body.meta?.pagination;
  return { products: body.data.map(toProduct), total: pagination?.total ?? null, totalPages: pagination?.total_pages ?? null };
}

/** One product with its variants. */
export async function getProductWithVariants(client: BigCommerceClient, productId: number): Promise<CatalogProduct> {
  return toProduct(oneSchema.parse(await client.get('v3', `/catalog/products/${productId}`, { query: { include: 'variants' } })).data);
}

/** PUT /catalog/products/{id} {inventory_tracking}: nothing else of the product is sent, so nothing else changes. */
export async function setInventoryTracking(client: BigCommerceClient, productId: number, mode: InventoryTrackingMode): Promise<CatalogProduct> {
  const body = await client.put('v3', `/catalog/products/${productId}`, { inventory_tracking: mode }, { idempotent: true, query: { include: 'variants' } });
  return toProduct(oneSchema.parse(body).data);
}
