import { resolveSkus, setAbsoluteLevels, trackingModes, type AbsoluteItem } from '../../bigcommerce/index.js';
import type { Services } from '../../services.js';
import type { Settlement } from '../../storage/inventory-repo.js';
import { toJobError } from '../job-errors.js';

export const MAX_BATCH = 2_000;
const RESOLVE_TTL_MS = 60 * 60_000;
const UNKNOWN = 'BigCommerce has no product or variant with this SKU.';
const UNTRACKED = 'Inventory tracking is off for this product in BigCommerce; turn it on to sync stock.';

// BigCommerce wants inventory writes one at a time per store; one process serialises its own.
const running = new Map<string, Promise<unknown>>();

/** Job `inventory.push`: writes every pending stock level of the store, 2,000 items per request. */
export async function pushInventory(s: Services, storeHash: string): Promise<void> {
  const previous = running.get(storeHash) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => pushAll(s, storeHash));
  running.set(storeHash, mine);
  try {
    await mine;
  } finally {
    if (running.get(storeHash) === mine) running.delete(storeHash);
  }
}

async function pushAll(s: Services, storeHash: string): Promise<void> {
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) return;
  const now = () => s.clock.now();
  for (let round = 0; round < 50; round++) {
    const rows = await s.inventory.pending(storeHash, MAX_BATCH);
    if (rows.length === 0) return;
    try {
      const stale = new Set(rows.filter((r) => r.resolvedAt == null || now() - r.resolvedAt > RESOLVE_TTL_MS).map((r) => r.sku));
      const resolved = await resolveSkus(client, [...stale]);
      for (const r of rows) {
        if (!stale.has(r.sku)) continue;
        const hit = resolved.get(r.sku);
        r.variantId = hit?.variantId ?? null;
        r.productId = hit?.productId ?? null;
        r.resolvedAt = hit ? now() : null;
      }
      const modes = await trackingModes(client, [...new Set(rows.flatMap((r) => (r.productId ? [r.productId] : [])))]);
      const items: AbsoluteItem[] = [];
      const outcomes: Settlement[] = rows.map((r) => {
        const mode = r.productId == null ? undefined : modes.get(r.productId);
        if (r.productId == null || mode === undefined) return { ...r, status: 'skipped', reason: UNKNOWN };
        if (mode === 'none') return { ...r, status: 'skipped', reason: UNTRACKED };
        items.push(
          mode === 'variant' && r.variantId != null
            ? { location_id: r.locationId, variant_id: r.variantId, quantity: r.available }
            : { location_id: r.locationId, product_id: r.productId, quantity: r.available },
        );
        return { ...r, status: 'synced' };
      });
      if (items.length > 0) await setAbsoluteLevels(client, items, 'Fulfillment Bridge: stock level from the warehouse');
      const at = now();
      await s.inventory.settle(storeHash, outcomes, at);
      const skipped = outcomes.flatMap((o) => (o.status === 'skipped' ? [{ sku: o.sku, reason: o.reason }] : []));
      await s.syncLog.append(
        {
          storeHash,
          flow: 'inventory',
          level: skipped.length ? 'warn' : 'info',
          message: `Stock levels written to BigCommerce: ${items.length} item(s)${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
          detail: skipped.length ? skipped.slice(0, 20).map((x) => `${x.sku}: ${x.reason}`).join('\n') : null,
        },
        at,
      );
    } catch (err) {
      throw toJobError(err);
    }
  }
}
