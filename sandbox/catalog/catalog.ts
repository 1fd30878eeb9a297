// Per store: products with their variants and tracking mode, inventory locations, and on-hand
// quantities per inventory record and location. A store's catalog is seeded with DEFAULT_PRODUCTS
// the first time anything asks for it. Stock is kept per *record*: the product-level record
// (`p:<product id>`, also the record of a simple product's base variant) and one record per option
// variant (`v:<variant id>`); which one counts depends on the tracking mode (catalog/items.ts).
// The inventory write lock, the artificial write delay and the adjustments log live here too, as
// per-store state of the Inventory API (api/inventory.ts).
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import { DEFAULT_LOCATION, DEFAULT_LOCATION_LIMIT, DEFAULT_PRODUCTS, FIRST_PRODUCT_ID, FIRST_SKU_ID, FIRST_VARIANT_ID, LOCATION_LIMITS, MAX_INVENTORY } from './defaults.js';
import type { AddLocationInput, AddProductInput, AdjustmentLogEntry, InventoryTracking, LocationRecord, ProductRecord, VariantRecord } from './types.js';

const TRACKING_MODES: readonly InventoryTracking[] = ['none', 'product', 'variant'];
/** The log is capped so a long-running `npm run sandbox` does not grow without bound. */
const MAX_LOG = 5000;

interface StoreCatalog {
  products: Map<number, ProductRecord>;
  locations: Map<number, LocationRecord>;
  /** record key (p:<id> / v:<id>) → location id → on-hand quantity. */
  levels: Map<string, Map<number, number>>;
  nextProductId: number;
  nextVariantId: number;
  nextSkuId: number;
  nextLocationId: number;
}

export const productKey = (productId: number): string => `p:${productId}`;
export const variantKey = (variantId: number): string => `v:${variantId}`;

export class Catalog {
  private readonly stores = new Map<string, StoreCatalog>();
  /** Stores with an absolute adjustment in progress (one inventory write at a time per store). */
  private readonly writing = new Set<string>();
  readonly adjustments: AdjustmentLogEntry[] = [];
  /** Artificial processing time of each accepted absolute adjustment, default 0 ms. */
  writeDelayMs = 0;

  constructor(private readonly state: SandboxState) {}

  private of(storeHash: string): StoreCatalog {
    const store = this.state.store(storeHash);
    let s = this.stores.get(storeHash);
    if (!s) {
      const now = this.state.now();
      s = {
        products: new Map(),
        locations: new Map([[DEFAULT_LOCATION.id, { ...DEFAULT_LOCATION, enabled: true, createdAt: store.createdAt, updatedAt: now }]]),
        levels: new Map(),
        nextProductId: FIRST_PRODUCT_ID,
        nextVariantId: FIRST_VARIANT_ID,
        nextSkuId: FIRST_SKU_ID,
        nextLocationId: DEFAULT_LOCATION.id + 1,
      };
      this.stores.set(storeHash, s);
      for (const p of DEFAULT_PRODUCTS) this.addProduct(storeHash, p);
    }
    return s;
  }

  products(storeHash: string): ProductRecord[] {
    return [...this.of(storeHash).products.values()];
  }

  product(storeHash: string, id: number): ProductRecord | undefined {
    return this.of(storeHash).products.get(id);
  }

  /** A product by id or by any SKU it owns (its own, its base variant's or an option variant's). */
  findProduct(storeHash: string, idOrSku: number | string): ProductRecord | undefined {
    if (typeof idOrSku === 'number') return this.product(storeHash, idOrSku);
    // No SKU names no product (several products may have none).
    if (idOrSku === '') return undefined;
    return this.products(storeHash).find((p) => p.sku === idOrSku || p.variants.some((v) => v.sku === idOrSku));
  }

  requireProduct(storeHash: string, idOrSku: number | string): ProductRecord {
    const p = this.findProduct(storeHash, idOrSku);
    if (!p) throw new SandboxError(404, `no product ${idOrSku} in store ${storeHash}`);
    return p;
  }

  /** Catalog ids for an order line with this SKU (orders/book.ts); undefined for unknown SKUs. */
  idsForSku(storeHash: string, sku: string): { productId: number; variantId: number | null } | undefined {
    if (sku === '') return undefined;
    for (const p of this.products(storeHash)) {
      const v = p.variants.find((x) => x.sku === sku) ?? (p.sku === sku ? p.baseVariant : undefined);
      if (v) return { productId: p.id, variantId: v.id };
      if (p.sku === sku) return { productId: p.id, variantId: null };
    }
    return undefined;
  }

  locations(storeHash: string): LocationRecord[] {
    return [...this.of(storeHash).locations.values()];
  }

  location(storeHash: string, id: number): LocationRecord | undefined {
    return this.of(storeHash).locations.get(id);
  }

  addProduct(storeHash: string, input: AddProductInput): ProductRecord {
    const s = this.of(storeHash);
    const variants = input.variants ?? [];
    // BigCommerce lets a product go without a SKU (the readiness scan reports it); a variant's is checked as given.
    const skus = [...(input.sku === '' ? [] : [input.sku]), ...variants.map((v) => v.sku)];
    for (const sku of skus) this.checkNewSku(storeHash, sku);
    if (new Set(skus).size !== skus.length) throw new SandboxError(409, 'SKUs must be unique');
    const tracking = input.inventoryTracking ?? (variants.length ? 'variant' : 'product');
    checkTracking(tracking, variants.length > 0);
    const level = input.inventoryLevel ?? 0;
    checkQuantity(level);
    const id = s.nextProductId++;
    const product: ProductRecord = {
      id,
      storeHash,
      name: input.name?.trim() || `Sandbox product ${input.sku || id}`,
      sku: input.sku,
      inventoryTracking: tracking,
      baseVariant: variants.length ? null : { id: s.nextVariantId++, productId: id, sku: input.sku, skuId: null, label: '' },
      variants: [],
    };
    s.products.set(id, product);
    for (const v of variants) this.pushVariant(s, product, v);
    // The initial quantity goes to whatever records count under the product's tracking mode.
    const keys = tracking === 'variant' ? product.variants.map((v) => variantKey(v.id)) : [productKey(id)];
    for (const key of keys) this.setLevel(storeHash, key, DEFAULT_LOCATION.id, level);
    return product;
  }

  /** Adding an option variant turns a simple product into a complex one (its base variant goes). */
  addVariant(storeHash: string, productIdOrSku: number | string, input: { sku: string; label?: string }): VariantRecord {
    const product = this.requireProduct(storeHash, productIdOrSku);
    this.checkNewSku(storeHash, input.sku);
    product.baseVariant = null;
    return this.pushVariant(this.of(storeHash), product, input);
  }

  setTracking(storeHash: string, productIdOrSku: number | string, mode: InventoryTracking): ProductRecord {
    const product = this.requireProduct(storeHash, productIdOrSku);
    checkTracking(mode, product.variants.length > 0);
    if (product.inventoryTracking !== mode) {
      product.inventoryTracking = mode;
      // "Inventory Tracking" is one of the fields whose change fires store/product/updated (events/index.mdx).
      this.state.webhooks.fire(storeHash, 'store/product/updated', { type: 'product', id: product.id });
    }
    return product;
  }

  addLocation(storeHash: string, input: AddLocationInput = {}): LocationRecord {
    const s = this.of(storeHash);
    const limit = LOCATION_LIMITS[this.state.store(storeHash).plan] ?? DEFAULT_LOCATION_LIMIT;
    if (s.locations.size >= limit) throw new SandboxError(422, `the ${this.state.store(storeHash).plan} plan allows ${limit} locations`);
    const id = s.nextLocationId++;
    const code = input.code?.trim() || `BC-LOCATION-${id}`;
    if (this.locations(storeHash).some((l) => l.code === code)) throw new SandboxError(409, `location code ${code} is taken`);
    const now = this.state.now();
    const location = { id, code, label: input.label?.trim() || `Location ${id}`, enabled: input.enabled ?? true, createdAt: now, updatedAt: now };
    s.locations.set(id, location);
    return location;
  }

  /** On-hand quantity of a record at a location (0 when never set). */
  level(storeHash: string, key: string, locationId: number): number {
    return this.of(storeHash).levels.get(key)?.get(locationId) ?? 0;
  }

  /** Sets the quantity and answers the change (new − old). */
  setLevel(storeHash: string, key: string, locationId: number, quantity: number): number {
    const levels = this.of(storeHash).levels;
    let perLocation = levels.get(key);
    if (!perLocation) levels.set(key, (perLocation = new Map<number, number>()));
    const before = perLocation.get(locationId) ?? 0;
    perLocation.set(locationId, quantity);
    return quantity - before;
  }

  /** false when an absolute adjustment of this store is still in progress. */
  beginWrite(storeHash: string): boolean {
    if (this.writing.has(storeHash)) return false;
    this.writing.add(storeHash);
    return true;
  }

  /** Whether an absolute adjustment of this store is being processed right now. */
  isWriting(storeHash: string): boolean {
    return this.writing.has(storeHash);
  }

  endWrite(storeHash: string): void {
    this.writing.delete(storeHash);
  }

  log(entry: AdjustmentLogEntry): void {
    this.adjustments.push(entry);
    if (this.adjustments.length > MAX_LOG) this.adjustments.splice(0, this.adjustments.length - MAX_LOG);
  }

  private pushVariant(s: StoreCatalog, product: ProductRecord, input: { sku: string; label?: string }): VariantRecord {
    const variant = { id: s.nextVariantId++, productId: product.id, sku: input.sku, skuId: s.nextSkuId++, label: input.label ?? input.sku };
    product.variants.push(variant);
    return variant;
  }

  private checkNewSku(storeHash: string, sku: string): void {
    if (typeof sku !== 'string' || !/^\S.{0,254}$/.test(sku)) throw new SandboxError(400, 'a SKU needs 1 to 255 characters');
    if (this.findProduct(storeHash, sku)) throw new SandboxError(409, `SKU ${sku} already exists`);
  }
}

function checkTracking(mode: InventoryTracking, hasVariants: boolean): void {
  if (!TRACKING_MODES.includes(mode)) throw new SandboxError(400, `inventory tracking must be one of ${TRACKING_MODES.join(', ')}`);
  // BigCommerce only offers "track by variant" for products with options.
  if (mode === 'variant' && !hasVariants) throw new SandboxError(400, 'a product without variants cannot track inventory by variant');
}

export function checkQuantity(q: number): void {
  if (!Number.isInteger(q) || q < 0 || q > MAX_INVENTORY) throw new SandboxError(400, `a quantity must be an integer from 0 to ${MAX_INVENTORY}`);
}
