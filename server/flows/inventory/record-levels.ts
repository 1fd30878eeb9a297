import type { Collaborators } from '../../collaborators.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { bundleLevels } from './bundle-levels.js';

export type RecordInventoryLevelsDeps = Pick<Collaborators, 'clock' | 'db' | 'inventory' | 'jobs' | 'mappings' | 'settings'>;

/**
 * Stores the backend's absolute stock levels as pending rows, one per BigCommerce SKU the backend
 * SKU stands for (MappingsRepo.reverseSkuMap: the SKUs mapped to it, plus the same name unless that
 * one is mapped away; a backend SKU nothing follows records nothing) and asks for one push job per store. Levels are absolute, so a
 * newer event simply overwrites a pending one; many events become one batched write.
 * A level of a bundle's component also updates every bundle that uses it (bundle-levels.ts).
 */
export async function recordInventoryLevels(s: RecordInventoryLevelsDeps, storeHash: string, items: Array<{ sku: string; available: number }>): Promise<number> {
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  const reverse = await s.mappings.reverseSkuMap(
    storeHash,
    items.map((i) => i.sku),
  );
  const rows = items.flatMap((item) => [...new Set(reverse(item.sku))].map((sku) => ({ sku, backendSku: item.sku, available: item.available })));
  let bundles = 0;
  await s.db.transaction(async (trx) => {
    const bundleRows = bundleLevels(await s.mappings.recordComponentLevels(storeHash, items, trx));
    bundles = bundleRows.length;
    await s.inventory.recordPending(storeHash, [...rows, ...bundleRows], settings.inventoryLocationId, now, trx);
    await enqueueJob(s.jobs.queue, JOB.inventoryPush, { storeHash }, trx);
  });
  return rows.length + bundles;
}
