import type { Collaborators } from '../../collaborators.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { bundleLevels } from './bundle-levels.js';

/**
 * After a bundle is saved: writes its stock from the levels the warehouse last reported for its
 * components (kept on the components, bundle-components.ts), so a new bundle does not wait for
 * each component to be counted again. Nothing while the Inventory flow is off or a component's
 * level is unknown; the next report of that component writes it.
 */
export async function recordBundleStock(
  s: Pick<Collaborators, 'db' | 'clock' | 'settings' | 'mappings' | 'inventory' | 'jobs'>,
  storeHash: string,
  bcSku: string,
): Promise<boolean> {
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  if (!settings.flows.inventory) return false;
  const target = (await s.mappings.skuMap(storeHash, [bcSku])).get(bcSku);
  if (target === undefined || typeof target === 'string') return false;
  const bundle = (
    await s.mappings.bundlesUsing(
      storeHash,
      target.map((c) => c.sku),
    )
  )(target[0]!.sku).find((b) => b.bcSku === bcSku);
  const rows = bundle ? bundleLevels([bundle]) : [];
  if (rows.length === 0) return false;
  await s.db.transaction(async (trx) => {
    await s.inventory.recordPending(storeHash, rows, settings.inventoryLocationId, now, trx);
    await enqueueJob(s.jobs.queue, JOB.inventoryPush, { storeHash }, trx);
  });
  return true;
}
