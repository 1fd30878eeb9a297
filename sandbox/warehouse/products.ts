// The SKUs the sandbox warehouse knows (its products), and the contract's optional SKU lookup:
//   GET /v1/products?sku=A&sku=B…  (1-100 SKUs) → {items:[{sku, name}]} for the SKUs it knows.
// Every account starts with DEFAULT_WAREHOUSE_PRODUCTS: the BigCommerce sandbox catalog's SKUs
// except the gift card (SBX-GIFT-CARD), which a warehouse does not stock, so a fresh sandbox store's
// readiness scan has a SKU to report; nor the gift set (SBX-GIFT-SET), a bundle whose parts it
// stocks: the scan reports it until it is mapped to them. A SKU with a stock level is known too. Orders are still
// accepted whatever their SKUs (the app's tests send their own), as before.
import express, { type Request, type Router } from 'express';
import { ApiError, accountOf, entryOf } from './auth.js';
import type { WarehouseState } from './state.js';

export const MAX_LOOKUP_SKUS = 100;

export interface WarehouseProduct {
  sku: string;
  name: string;
}

export const DEFAULT_WAREHOUSE_PRODUCTS: readonly WarehouseProduct[] = [
  { sku: 'SBX-TEE-BLK-M', name: 'Sandbox Tee - Black / M' },
  { sku: 'SBX-TEE-BLK-L', name: 'Sandbox Tee - Black / L' },
  { sku: 'SBX-MUG-01', name: 'Sandbox Mug' },
  // Part of the sandbox bundle SBX-GIFT-SET only (sandbox/catalog/defaults.ts SANDBOX_BUNDLE).
  { sku: 'SBX-TEA-TIN', name: 'Sandbox Tea Tin' },
];

/** The SKUs asked for, each once, in the order given. */
function askedSkus(req: Request): string[] {
  const raw = req.query.sku;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const skus = [...new Set(list)];
  if (skus.length === 0 || skus.length > MAX_LOOKUP_SKUS) {
    throw new ApiError(400, 'invalid_sku', `Ask for 1 to ${MAX_LOOKUP_SKUS} SKUs: /v1/products?sku=A&sku=B.`);
  }
  if (skus.some((s) => s.length === 0 || s.length > 255)) throw new ApiError(400, 'invalid_sku', 'Each SKU has 1 to 255 characters.');
  return skus;
}

/** What an account knows of a SKU: its product name, or a stocked SKU without a product. */
export function knownSku(state: WarehouseState, accountId: string, sku: string): WarehouseProduct | undefined {
  const product = state.productsOf(accountId).get(sku);
  if (product) return product;
  for (const level of state.inventoryOf(accountId).values()) if (level.sku === sku) return { sku, name: sku };
  return undefined;
}

export function productsRouter(state: WarehouseState): Router {
  const r = express.Router();
  r.get('/products', (req, res) => {
    const entry = entryOf(res);
    // Switched off from the control page: answers as a backend without the lookup does.
    if (!state.skuLookup) {
      entry.outcome = 'not_found';
      throw new ApiError(404, 'not_found', 'This warehouse does not offer a SKU lookup.');
    }
    const accountId = accountOf(res).id;
    const items = askedSkus(req).flatMap((sku) => knownSku(state, accountId, sku) ?? []);
    entry.outcome = 'ok';
    res.json({ items });
  });
  return r;
}
