// Test and control-panel levers for the catalog and inventory: what a merchant does on the Products
// and Locations pages, plus inspection of the levels and of the app's inventory writes. Records are
// returned as copies, so a test cannot change the store by editing a returned object.
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import { applyAbsolute, AdjustmentError, resolveAll } from './adjust.js';
import { checkQuantity } from './catalog.js';
import { keyOf, locate } from './items.js';
import type { AddLocationInput, AddProductInput, AdjustmentLogEntry, InventoryTracking, LocationRecord, ProductRecord, VariantRecord } from './types.js';

export interface InventoryControl {
  /** The store's products with their variants and tracking mode. */
  products(storeHash: string): ProductRecord[];
  /** Creates a product (simple, or with option variants); SKUs must be new in the store. */
  addProduct(storeHash: string, input: AddProductInput): ProductRecord;
  /** Adds an option variant; a simple product becomes a complex one (no base variant). */
  addVariant(storeHash: string, productIdOrSku: number | string, input: { sku: string; label?: string }): VariantRecord;
  /** none | product | variant (variant needs option variants); fires store/product/updated on change. */
  setInventoryTracking(storeHash: string, productIdOrSku: number | string, mode: InventoryTracking): ProductRecord;
  locations(storeHash: string): LocationRecord[];
  /** New location (ids 2, 3 ...), within the plan's location limit. */
  addLocation(storeHash: string, input?: AddLocationInput): LocationRecord;
  /**
   * On-hand quantity of the record the SKU names at a location (default 1): an option variant's own
   * record, or the product-level record for a simple product's or a complex product's own SKU.
   * undefined for an unknown SKU or location.
   */
  inventoryLevel(storeHash: string, sku: string, locationId?: number): number | undefined;
  /**
   * A merchant edit of one level in the control panel: same tracking rules and the same
   * store/{product|sku}/inventory/updated webhooks (method absolute) as an API write, but not logged
   * as an adjustment and never blocked by one in progress.
   */
  setInventoryLevel(storeHash: string, sku: string, quantity: number, locationId?: number): void;
  /** Live log of every PUT /v3/inventory/adjustments/absolute (accepted, refused or invalid). */
  readonly adjustments: AdjustmentLogEntry[];
  /** Artificial processing time of each absolute adjustment (default 0), to make overlaps testable. */
  setInventoryWriteDelay(ms: number): void;
}

const copy = <T>(o: T): T => structuredClone(o);

export function inventoryControl(state: SandboxState): InventoryControl {
  const c = state.catalog;
  return {
    products: (hash) => c.products(hash).map(copy),
    addProduct: (hash, input) => copy(c.addProduct(hash, input)),
    addVariant: (hash, product, input) => copy(c.addVariant(hash, product, input)),
    setInventoryTracking: (hash, product, mode) => copy(c.setTracking(hash, product, mode)),
    locations: (hash) => c.locations(hash).map(copy),
    addLocation: (hash, input) => copy(c.addLocation(hash, input)),

    inventoryLevel(hash, sku, locationId = 1) {
      const ref = locate(c, hash, { sku });
      if (!ref || !c.location(hash, locationId)) return undefined;
      return c.level(hash, keyOf(ref), locationId);
    },

    setInventoryLevel(hash, sku, quantity, locationId = 1) {
      checkQuantity(quantity);
      try {
        applyAbsolute(state, hash, resolveAll(state, hash, [{ identity: { sku }, quantity, locationId }]));
      } catch (err) {
        if (err instanceof AdjustmentError) throw new SandboxError(err.status, err.message);
        throw err;
      }
    },

    adjustments: c.adjustments,

    setInventoryWriteDelay(ms) {
      if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new SandboxError(400, 'the write delay must be an integer from 0 to 60000 ms');
      c.writeDelayMs = ms;
    },
  };
}
