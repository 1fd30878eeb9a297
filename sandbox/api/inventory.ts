// Inventory v3 (reference/inventory.v3.yml, locations.v3.yml):
//   GET /inventory/items                 store_inventory_read_only | store_inventory
//   PUT /inventory/adjustments/absolute  store_inventory
//   GET /inventory/locations             store_locations_read_only | store_locations
// Items are answered from catalog/items.ts, adjustments go through catalog/adjust.ts.
//
// One write at a time: inventory-adjustments.mdx asks clients to "wait to send new requests until
// the current request returns a 200". The sandbox enforces it per store: an absolute adjustment that
// arrives while another one of the same store is still being processed is refused with 409 Conflict
// (status-codes.mdx: "rejected, due to a condition imposed by the server") and changes nothing.
// 409 rather than 429, so the refusal cannot be mistaken for the rate limiter's 429 (which an app
// answers by pausing the whole store and retrying, hiding the overlap). BigCommerce documents no
// status for this; setInventoryWriteDelay() stretches processing so an overlap can be provoked.
// Not emulated: the asynchronous apply (a read right after a write may show the old value), relative
// adjustments, per-location item settings writes.
import type { Request, Router } from 'express';
import { AdjustmentError, applyAbsolute, parseAbsolute, resolveAll } from '../catalog/adjust.js';
import { inventoryItems, type InventoryItem } from '../catalog/items.js';
import type { LocationRecord } from '../catalog/types.js';
import type { SandboxState } from '../state.js';
import { randomUUID } from '../util.js';
import { readScope, requireScope } from './auth.js';
import { STATUS_DOC_URL, sendApiError } from './errors.js';
import { inFilter, pageOf } from './v3-paging.js';

/** "Limit of 1000 items for payload length" for item and location reads. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 50;

const hashOf = (req: Request): string => String((req.params as Record<string, string>).hash);
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** ItemResponse: identity plus one entry per location (filtered by location_id:in / location_code:in). */
function renderItem(state: SandboxState, hash: string, item: InventoryItem, locations: LocationRecord[]): Record<string, unknown> {
  return {
    identity: item.identity,
    locations: locations.map((l) => {
      const onHand = state.catalog.level(hash, item.key, l.id);
      // No safety stock in the sandbox, so everything on hand is available to sell.
      return {
        location_id: l.id,
        location_code: l.code,
        location_name: l.label,
        available_to_sell: onHand,
        total_inventory_onhand: onHand,
        location_enabled: l.enabled,
        settings: { safety_stock: 0, is_in_stock: true, warning_level: 0, bin_picking_number: '' },
      };
    }),
  };
}

/** LocationResponse (the fields the sandbox keeps; addresses are placeholders). */
function renderLocation(l: LocationRecord): Record<string, unknown> {
  return {
    id: l.id,
    code: l.code,
    label: l.label,
    description: '',
    managed_by_external_source: false,
    type_id: 'PHYSICAL',
    enabled: l.enabled,
    storefront_visibility: true,
    time_zone: 'America/Chicago',
    created_at: iso(l.createdAt),
    updated_at: iso(l.updatedAt),
    address: { address1: '1 Sandbox Way', address2: '', city: 'Austin', state: 'TX', zip: '78701', email: '', phone: '', country_code: 'US' },
  };
}

/** Locations narrowed by location_id:in and location_code:in; null when a filter is malformed. */
function filterLocations(state: SandboxState, hash: string, q: Record<string, unknown>): LocationRecord[] | null {
  const ids = inFilter(q, 'location_id:in', true);
  const codes = inFilter(q, 'location_code:in');
  if (ids === null) return null;
  return state.catalog.locations(hash).filter((l) => (!ids || ids.includes(l.id)) && (!codes || codes.includes(l.code)));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function registerInventory(v3: Router, state: SandboxState): void {
  v3.get('/inventory/items', requireScope(readScope('store_inventory')), (req, res) => {
    const hash = hashOf(req);
    const q = req.query as Record<string, unknown>;
    const skus = inFilter(q, 'sku:in');
    const variantIds = inFilter(q, 'variant_id:in', true);
    const productIds = inFilter(q, 'product_id:in', true);
    const locations = filterLocations(state, hash, q);
    if (variantIds === null || productIds === null || locations === null) {
      return sendApiError(req, res, 422, 'The filters must be comma-separated lists (integers for the *_id:in filters)');
    }
    // Filters combine with AND; SKUs and ids nobody has are simply not in the answer.
    const items = inventoryItems(state.catalog, hash).filter(
      (it) =>
        (!skus || skus.includes(it.identity.sku)) &&
        (!variantIds || (it.identity.variant_id !== null && variantIds.includes(it.identity.variant_id))) &&
        (!productIds || productIds.includes(it.identity.product_id)),
    );
    const page = pageOf(items, q, { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT });
    res.json({ data: page.data.map((it) => renderItem(state, hash, it, locations)), meta: page.meta });
  });

  v3.get('/inventory/locations', requireScope(readScope('store_locations')), (req, res) => {
    const q = req.query as Record<string, unknown>;
    const locations = filterLocations(state, hashOf(req), q);
    if (locations === null) return sendApiError(req, res, 422, "The filter 'location_id:in' must be a comma-separated list of integers");
    const page = pageOf(locations, q, { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT });
    res.json({ data: page.data.map(renderLocation), meta: page.meta });
  });

  v3.put('/inventory/adjustments/absolute', requireScope(['store_inventory']), async (req, res) => {
    const hash = hashOf(req);
    const body = req.body as { items?: unknown; reason?: unknown } | undefined;
    const entry = {
      storeHash: hash,
      status: 0,
      items: Array.isArray(body?.items) ? body.items.length : 0,
      reason: typeof body?.reason === 'string' ? body.reason : '',
      at: state.now(),
    };
    const answer = (status: number, title: string, errors: Record<string, string> = {}): void => {
      state.catalog.log({ ...entry, status });
      res.status(status).json({ status, title, type: STATUS_DOC_URL, errors });
    };
    if (!state.catalog.beginWrite(hash)) {
      return answer(409, 'Another inventory adjustment of this store is still being processed. Wait until it returns 200 before sending the next one.');
    }
    try {
      const { items } = parseAbsolute(req.body);
      const resolved = resolveAll(state, hash, items);
      if (state.catalog.writeDelayMs > 0) await sleep(state.catalog.writeDelayMs);
      applyAbsolute(state, hash, resolved);
      const transactionId = randomUUID();
      state.catalog.log({ ...entry, status: 200, transactionId });
      res.json({ transaction_id: transactionId });
    } catch (err) {
      if (err instanceof AdjustmentError) return answer(err.status, err.message, err.errors);
      throw err;
    } finally {
      state.catalog.endWrite(hash);
    }
  });
}
