// The readiness scan's one-click fix for a product whose stock is not tracked: sets its
// inventory_tracking in BigCommerce (by variant when it has options, else by product) and takes
// the finding off the latest scan. Needs the Products modify scope (store_v2_products).
import { AppError, UpstreamError } from '../../errors.js';
import { BigCommerceApiError } from '../../bigcommerce/index.js';
import { getProductWithVariants, setInventoryTracking, type CatalogProduct, type InventoryTrackingMode } from '../../bigcommerce/catalog-read.js';
import type { Collaborators } from '../../collaborators.js';
import { ReadinessRepo } from '../../storage/readiness-repo.js';
import { count } from './checks.js';

export interface TrackInventoryResult {
  message: string;
  product: { id: number; name: string };
  before: InventoryTrackingMode | null;
  after: InventoryTrackingMode;
  changed: boolean;
}

/** Option variants keep their own stock; a product without options is tracked as a whole. */
const modeFor = (p: CatalogProduct): InventoryTrackingMode => (p.variants.some((v) => v.label !== '') ? 'variant' : 'product');

export async function trackInventory(s: Pick<Collaborators, 'db' | 'clock' | 'bigcommerce'>, storeHash: string, productId: number): Promise<TrackInventoryResult> {
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new AppError(409, 'store_not_connected', 'The app has no access to this store: reinstall it from the BigCommerce control panel.');
  const product = await refusalsInWords(productId, () => getProductWithVariants(client, productId));
  let after = product.inventoryTracking;
  const changed = after === 'none' || after === null;
  if (changed) {
    after = modeFor(product);
    await refusalsInWords(productId, () => setInventoryTracking(client, productId, after!));
  }
  await dropFinding(s, storeHash, productId);
  const how = after === 'variant' ? 'by variant' : 'by product';
  return {
    message: changed
      ? `"${product.name}" now tracks its stock ${how}: the stock levels your warehouse reports are written to it from the next update.`
      : `"${product.name}" already tracks its stock ${how}.`,
    product: { id: product.id, name: product.name },
    before: product.inventoryTracking,
    after: after!,
    changed,
  };
}

/** BigCommerce's refusals as answers the merchant can act on (never a 500). */
async function refusalsInWords<T>(productId: number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof BigCommerceApiError)) throw err;
    if (err.status === 404)
      throw new AppError(404, 'product_not_found', `Product ${productId} is not in your BigCommerce catalog any more (deleted?). Scan again to see what is left to fix.`);
    if (err.status === 403) {
      throw new AppError(
        403,
        'missing_permission',
        'BigCommerce does not let the app change products: it was installed with read-only access to products. Reinstall the app to grant it, or turn on "Track inventory" for this product in the BigCommerce control panel.',
      );
    }
    if (err.status === 422)
      throw new AppError(422, 'bigcommerce_refused', 'BigCommerce refused to track this product’s stock. Turn on "Track inventory" for it in the BigCommerce control panel.');
    throw new UpstreamError('BigCommerce did not answer just now. Try again in a moment.');
  }
}

/** The finding is fixed: the latest scan stops showing it. */
async function dropFinding(s: Pick<Collaborators, 'db' | 'clock'>, storeHash: string, productId: number): Promise<void> {
  const repo = new ReadinessRepo(s.db);
  const row = await repo.get(storeHash);
  if (!row) return;
  let dropped = false;
  const checks = row.checks.map((c) => {
    if (c.check !== 'inventory_untracked') return c;
    const findings = c.findings.filter((f) => !(f.fix?.kind === 'action' && f.fix.productId === productId));
    if (findings.length === c.findings.length) return c;
    dropped = true;
    const total = Math.max(0, c.findingsTotal - 1);
    if (c.state !== 'problems') return { ...c, findings, findingsTotal: total };
    return total === 0
      ? { ...c, findings, findingsTotal: 0, state: 'ok' as const, summary: 'Every product tracks its stock, so the warehouse’s stock levels can be written to all of them.' }
      : {
          ...c,
          findings,
          findingsTotal: total,
          summary: `${count(total, 'product')} ${total === 1 ? 'does' : 'do'} not track stock: the warehouse’s stock levels are not written to ${total === 1 ? 'it' : 'them'}.`,
        };
  });
  if (dropped) await repo.updateChecks(storeHash, row.run, checks, s.clock.now());
}
