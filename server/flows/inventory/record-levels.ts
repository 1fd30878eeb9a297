import type { Services } from '../../services.js';
import { JOB } from '../../webhooks/topics.js';

/**
 * Stores the backend's absolute stock levels as pending rows (BigCommerce SKU via the mappings,
 * unmapped SKUs pass through) and asks for one push job per store. Levels are absolute, so a
 * newer event simply overwrites a pending one; many events become one batched write.
 */
export async function recordInventoryLevels(s: Services, storeHash: string, items: Array<{ sku: string; available: number }>): Promise<number> {
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  const reverse = await s.mappings.reverseSkuMap(storeHash, items.map((i) => i.sku));
  let rows = 0;
  await s.db.transaction(async (trx) => {
    for (const item of items) {
      for (const sku of new Set(reverse(item.sku))) {
        const values = { backend_sku: item.sku, available: item.available, status: 'pending', reason: null, updated_at: now };
        await trx('inventory_items')
          .insert({ store_hash: storeHash, sku, location_id: settings.inventoryLocationId, ...values })
          .onConflict(['store_hash', 'sku', 'location_id'])
          .merge(values);
        rows++;
      }
    }
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.inventoryPush, dedupeKey: `inventory:${storeHash}` }, trx);
  });
  s.jobs.wake();
  return rows;
}
