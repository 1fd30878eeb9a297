import { resolveSkus, setAbsoluteLevels, trackingModes } from '../../bigcommerce/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { Settlement } from '../../storage/inventory-repo.js';
import { toJobError } from '../job-errors.js';
import { planLevels } from './plan-levels.js';
import { summarise } from './summarise-levels.js';
import { writeLevels } from './write-levels.js';

export const MAX_BATCH = 2_000;
const RESOLVE_TTL_MS = 60 * 60_000;

export type PushInventoryDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'inventory' | 'mappings' | 'syncLog'>;

/**
 * Job `inventory.push`: writes every pending stock level of the store, 2,000 items per request.
 * A level BigCommerce cannot take (unknown SKU, tracking off, refused by BigCommerce) is listed as
 * skipped with the reason and never holds back the others; a negative level is written as 0.
 *
 * BigCommerce wants a store's inventory writes one at a time. That is the queue's doing, not this
 * function's: the kind is serial per store (webhooks/topics.ts SERIAL_PER_STORE), so no two
 * instances run two pushes of one store at once. Call it only as that job.
 */
export async function pushInventory(s: PushInventoryDeps, storeHash: string): Promise<void> {
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
      const covered = await s.mappings.mappedBackendSkus(
        storeHash,
        rows.filter((r) => r.sku === r.backendSku).map((r) => r.sku),
      );
      // A product tracked by product whose variant SKUs the batch carries: its level is their sum,
      // so the last known levels of its other SKUs are needed (plan-levels.ts).
      const summed = [...new Set(rows.flatMap((r) => (r.productId != null && r.variantId != null && modes.get(r.productId) === 'product' ? [r.productId] : [])))];
      const known = summed.length ? await s.inventory.knownProductLevels(storeHash, summed) : [];
      const plan = planLevels(rows, modes, covered, known);
      const refused = await writeLevels(
        plan.writes.map((w) => w.item),
        (items) => setAbsoluteLevels(client, items, 'Fulfillment Bridge: stock level from the warehouse'),
      );
      const outcomes: Settlement[] = [
        ...plan.settled,
        ...plan.writes.flatMap((w, i) =>
          w.rows.map(({ row, note }): Settlement => {
            const reason = refused.get(i);
            return reason === undefined ? { ...row, status: 'synced', note } : { ...row, status: 'skipped', reason };
          }),
        ),
      ];
      const at = now();
      await s.inventory.settle(storeHash, outcomes, at);
      await s.syncLog.append(summarise(storeHash, outcomes), at);
    } catch (err) {
      throw toJobError(err);
    }
  }
}
