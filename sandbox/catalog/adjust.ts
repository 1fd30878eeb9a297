// Absolute inventory adjustments (inventory.v3.yml PUT /inventory/adjustments/absolute), without the
// HTTP part: body validation, resolving each item to a record, applying the quantities and firing
// the inventory webhooks. A request is all-or-nothing: any invalid item answers 422 and changes
// nothing (the sandbox's choice; the spec only shows whole-request 422s).
// Limits refused with 422, as the spec and inventory-adjustments.mdx state them: more than 2,000
// items; a quantity that is not an integer from 0 to 2,147,483,647 (an absolute level cannot be
// negative); a variant-tracked product whose total over its variants at a location would exceed
// 2,147,483,647.
import type { SandboxState } from '../state.js';
import { MAX_INVENTORY } from './defaults.js';
import type { ProductRecord } from './types.js';
import { describeIdentity, inventoryEvent, keyOf, locate, trackingProblem, type Identity, type ItemRef } from './items.js';

/** "Limit of 2000 items for payload length" (inventory.v3.yml, inventory-adjustments.mdx). */
export const MAX_ADJUSTMENT_ITEMS = 2000;

export class AdjustmentError extends Error {
  constructor(
    readonly status: number,
    title: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(title);
  }
}

export interface AdjustmentItem {
  locationId: number;
  quantity: number;
  identity: Identity;
}

export interface ResolvedAdjustment extends AdjustmentItem {
  ref: ItemRef;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** AdjustmentsAbsoluteRequest: {reason?, items: [{location_id, quantity, sku | variant_id | product_id}]}. */
export function parseAbsolute(body: unknown): { reason: string; items: AdjustmentItem[] } {
  const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!b || !Array.isArray(b.items)) throw new AdjustmentError(422, 'JSON data is missing or invalid', { items: 'error.path.missing' });
  if (b.reason !== undefined && typeof b.reason !== 'string') throw new AdjustmentError(422, 'JSON data is missing or invalid', { reason: 'must be a string' });
  if (b.items.length > MAX_ADJUSTMENT_ITEMS) {
    throw new AdjustmentError(422, `Limit of ${MAX_ADJUSTMENT_ITEMS} items for payload length exceeded`, {
      items: `${b.items.length} items sent; at most ${MAX_ADJUSTMENT_ITEMS} are allowed per request`,
    });
  }
  const errors: Record<string, string> = {};
  const items: AdjustmentItem[] = [];
  b.items.forEach((raw: unknown, i) => {
    const it = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const path = `items.${i}`;
    if (!isInt(it.location_id)) errors[`${path}.location_id`] = 'must be an integer';
    // An absolute count is a stock level: never negative, never above the per-location maximum.
    if (!isInt(it.quantity) || it.quantity < 0 || it.quantity > MAX_INVENTORY) errors[`${path}.quantity`] = `must be an integer from 0 to ${MAX_INVENTORY}`;
    const given = (['sku', 'variant_id', 'product_id'] as const).filter((k) => it[k] !== undefined);
    // oneOf in the schema: exactly one identity.
    if (given.length !== 1) errors[path] = 'exactly one of sku, variant_id or product_id is required';
    else if (given[0] === 'sku' ? typeof it.sku !== 'string' || it.sku === '' : !isInt(it[given[0]!])) errors[`${path}.${given[0]}`] = 'is invalid';
    if (Object.keys(errors).some((k) => k === path || k.startsWith(`${path}.`))) return;
    const identity: Identity = given[0] === 'sku' ? { sku: it.sku as string } : { [given[0]!]: it[given[0]!] as number };
    items.push({ locationId: it.location_id as number, quantity: it.quantity as number, identity });
  });
  if (Object.keys(errors).length) throw new AdjustmentError(422, 'JSON data is missing or invalid', errors);
  return { reason: typeof b.reason === 'string' ? b.reason : '', items };
}

/**
 * Resolves every item or throws the first kind of problem found, naming all items that have it:
 * unknown locations ("Location not found, identities: [3,2]", as the API answers), disabled locations
 * (stock there "cannot be edited through the management APIs"), unknown items, tracking mismatches.
 */
export function resolveAll(state: SandboxState, storeHash: string, items: AdjustmentItem[]): ResolvedAdjustment[] {
  const missingLocations = new Set<number>();
  const disabled = new Set<number>();
  const unknown: string[] = [];
  const mismatches: string[] = [];
  const resolved: ResolvedAdjustment[] = [];
  for (const item of items) {
    const location = state.catalog.location(storeHash, item.locationId);
    if (!location) missingLocations.add(item.locationId);
    else if (!location.enabled) disabled.add(item.locationId);
    const ref = locate(state.catalog, storeHash, item.identity);
    if (!ref) {
      unknown.push(describeIdentity(item.identity));
      continue;
    }
    const problem = trackingProblem(ref, item.identity);
    if (problem) mismatches.push(problem);
    else resolved.push({ ...item, ref });
  }
  if (missingLocations.size) throw new AdjustmentError(422, `Location not found, identities: [${[...missingLocations].join(',')}]`);
  if (disabled.size) throw new AdjustmentError(422, `Location is disabled, identities: [${[...disabled].join(',')}]`);
  if (unknown.length) throw new AdjustmentError(422, `Items not found, identities: [${unknown.join(', ')}]`);
  if (mismatches.length) throw new AdjustmentError(422, mismatches.join(' '));
  const overLimit = productTotalsOverLimit(state, storeHash, resolved);
  if (overLimit.length) throw new AdjustmentError(422, overLimit.join(' '));
  return resolved;
}

/**
 * inventory-adjustments.mdx: "The total inventory for a product cannot exceed 2,147,483,647 at a
 * single location. The total includes that of its variants", and the Inventory API "does not save
 * the product or variant if you exceed the inventory limit". So a write that would take a
 * variant-tracked product's total at a location above the limit is refused. The status and wording
 * are the sandbox's (BigCommerce documents neither); the title names the product like other 422s.
 */
function productTotalsOverLimit(state: SandboxState, storeHash: string, items: ResolvedAdjustment[]): string[] {
  const after = new Map<string, number>();
  const touched = new Map<string, { product: ProductRecord; locationId: number }>();
  for (const item of items) {
    if (item.ref.kind !== 'variant') continue;
    after.set(`${keyOf(item.ref)}@${item.locationId}`, item.quantity);
    touched.set(`${item.ref.product.id}@${item.locationId}`, { product: item.ref.product, locationId: item.locationId });
  }
  const problems: string[] = [];
  for (const { product, locationId } of touched.values()) {
    const total = product.variants.reduce((sum, variant) => {
      const key = keyOf({ kind: 'variant', product, variant });
      return sum + (after.get(`${key}@${locationId}`) ?? state.catalog.level(storeHash, key, locationId));
    }, 0);
    if (total > MAX_INVENTORY) problems.push(`[The total inventory of product_id ${product.id} at location ${locationId} would exceed ${MAX_INVENTORY}]`);
  }
  return problems;
}

/**
 * Sets each quantity (later entries for the same item and location win, like requests handled
 * first-in-first-handled) and fires one inventory webhook per record and location whose level
 * changed, with `value` = the difference, `method` = absolute ("updated using the API or the
 * control panel"; app writes included).
 */
export function applyAbsolute(state: SandboxState, storeHash: string, items: ResolvedAdjustment[]): void {
  const changes = new Map<string, { ref: ItemRef; delta: number }>();
  for (const item of items) {
    const key = keyOf(item.ref);
    const delta = state.catalog.setLevel(storeHash, key, item.locationId, item.quantity);
    const slot = `${key}@${item.locationId}`;
    const prev = changes.get(slot);
    changes.set(slot, { ref: item.ref, delta: (prev?.delta ?? 0) + delta });
  }
  for (const { ref, delta } of changes.values()) {
    if (delta === 0) continue;
    const event = inventoryEvent(ref, delta);
    if (event) state.webhooks.fire(storeHash, event.scope, event.data);
  }
}
