// Inventory v3 and the catalog lookups the stock sync needs.
import { z } from 'zod';
import type { BigCommerceClient } from './http-client.js';

const itemSchema = z.looseObject({
  identity: z.looseObject({ sku: z.string().nullable().optional(), variant_id: z.number().nullable().optional(), product_id: z.number().nullable().optional() }),
});
const pageSchema = z.looseObject({
  data: z.array(itemSchema),
  meta: z.looseObject({ pagination: z.looseObject({ total_pages: z.number().optional() }).optional() }).optional(),
});

export interface ResolvedSku {
  sku: string;
  variantId: number | null;
  productId: number | null;
}

/** GET /v3/inventory/items?sku:in=…: which SKUs BigCommerce knows, with their ids. */
export async function resolveSkus(client: BigCommerceClient, skus: string[]): Promise<Map<string, ResolvedSku>> {
  const out = new Map<string, ResolvedSku>();
  for (let i = 0; i < skus.length; i += 50) {
    const chunk = skus.slice(i, i + 50);
    const body = pageSchema.parse((await client.get('v3', '/inventory/items', { query: { 'sku:in': chunk.join(','), limit: 250 } })) ?? { data: [] });
    for (const it of body.data) {
      const sku = it.identity.sku;
      if (sku) out.set(sku, { sku, variantId: it.identity.variant_id ?? null, productId: it.identity.product_id ?? null });
    }
  }
  return out;
}

const productSchema = z.looseObject({ id: z.number(), inventory_tracking: z.enum(['none', 'product', 'variant']).catch('none') });

/** Inventory tracking mode per product (GET /v3/catalog/products?id:in=…). */
export async function trackingModes(client: BigCommerceClient, productIds: number[]): Promise<Map<number, 'none' | 'product' | 'variant'>> {
  const out = new Map<number, 'none' | 'product' | 'variant'>();
  for (let i = 0; i < productIds.length; i += 50) {
    const chunk = productIds.slice(i, i + 50);
    const body = await client.get<{ data?: unknown }>('v3', '/catalog/products', { query: { 'id:in': chunk.join(','), include_fields: 'inventory_tracking', limit: 250 } });
    for (const p of z.array(productSchema).parse(body?.data ?? [])) out.set(p.id, p.inventory_tracking);
  }
  return out;
}

export type AbsoluteItem = { location_id: number; quantity: number } & ({ variant_id: number } | { product_id: number });

/** PUT /v3/inventory/adjustments/absolute: at most 2,000 items; absolute, so safe to repeat. */
export async function setAbsoluteLevels(client: BigCommerceClient, items: AbsoluteItem[], reason: string): Promise<void> {
  if (items.length > 2000) throw new RangeError('At most 2,000 items per absolute adjustment');
  await client.put('v3', '/inventory/adjustments/absolute', { reason, items }, { idempotent: true });
}

const locationSchema = z.looseObject({ id: z.number(), label: z.string().nullish(), code: z.string().nullish() });

export async function listLocations(client: BigCommerceClient): Promise<Array<{ id: number; label: string }>> {
  const body = await client.get<{ data?: unknown }>('v3', '/inventory/locations', { query: { limit: 250 } });
  return z
    .array(locationSchema)
    .parse(body?.data ?? [])
    .map((l) => ({ id: l.id, label: l.label ?? l.code ?? `Location ${l.id}` }));
}
