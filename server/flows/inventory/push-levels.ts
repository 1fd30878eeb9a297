import { resolveSkus, setAbsoluteLevels, trackingModes, type AbsoluteItem } from '../../bigcommerce/index.js';
import type { Services } from '../../services.js';
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
    const rows = await s.db('inventory_items').where({ store_hash: storeHash, status: 'pending' }).orderBy('updated_at').limit(MAX_BATCH);
    if (rows.length === 0) return;
    try {
      const stale = rows.filter((r) => r.resolved_at == null || now() - Number(r.resolved_at) > RESOLVE_TTL_MS).map((r) => String(r.sku));
      const resolved = await resolveSkus(client, [...new Set(stale)]);
      for (const r of rows) {
        if (!stale.includes(String(r.sku))) continue;
        const hit = resolved.get(String(r.sku));
        r.variant_id = hit?.variantId ?? null;
        r.product_id = hit?.productId ?? null;
        r.resolved_at = hit ? now() : null;
      }
      const modes = await trackingModes(client, [...new Set(rows.map((r) => Number(r.product_id)).filter((id) => id > 0))]);
      const items: AbsoluteItem[] = [];
      const skipped: Array<{ sku: string; location: number; reason: string }> = [];
      for (const r of rows) {
        const mode = r.product_id == null ? undefined : modes.get(Number(r.product_id));
        if (r.product_id == null || mode === undefined) skipped.push({ sku: String(r.sku), location: Number(r.location_id), reason: UNKNOWN });
        else if (mode === 'none') skipped.push({ sku: String(r.sku), location: Number(r.location_id), reason: UNTRACKED });
        else if (mode === 'variant' && r.variant_id != null) items.push({ location_id: Number(r.location_id), variant_id: Number(r.variant_id), quantity: Number(r.available) });
        else items.push({ location_id: Number(r.location_id), product_id: Number(r.product_id), quantity: Number(r.available) });
      }
      if (items.length > 0) await setAbsoluteLevels(client, items, 'Fulfillment Bridge: stock level from the warehouse');
      const at = now();
      await s.db.transaction(async (trx) => {
        for (const r of rows) {
          const skip = skipped.find((x) => x.sku === String(r.sku) && x.location === Number(r.location_id));
          // Only rows whose level did not change while we were writing are settled.
          await trx('inventory_items')
            .where({ store_hash: storeHash, sku: r.sku, location_id: r.location_id, status: 'pending', available: r.available })
            .update({
              status: skip ? 'skipped' : 'synced',
              reason: skip?.reason ?? null,
              variant_id: r.variant_id,
              product_id: r.product_id,
              resolved_at: r.resolved_at,
              ...(skip ? {} : { last_synced_at: at }),
              updated_at: at,
            });
        }
      });
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
