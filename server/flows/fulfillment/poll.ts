import type { Collaborators } from '../../collaborators.js';
import { toJobError } from '../job-errors.js';
import { recordInventoryLevels } from '../inventory/record-levels.js';
import { applyShipment } from './create-shipment.js';
import type { FeedItemProblem } from '../../fulfillment/index.js';

const MAX_PAGES = 20;

export type PollBackendDeps = Pick<
  Collaborators,
  'bigcommerce' | 'clock' | 'db' | 'fulfillment' | 'inventory' | 'jobs' | 'mappings' | 'orders' | 'settings' | 'shipments' | 'stores' | 'syncLog'
>;

/**
 * Polling mode, for backends that do not push events: read the shipment and inventory feeds
 * after the stored cursors and act on them exactly as on pushed events (same idempotency).
 */
export async function pollBackend(s: PollBackendDeps, storeHash: string): Promise<void> {
  const settings = await s.settings.get(storeHash, s.clock.now());
  if (settings.syncMode !== 'poll') return;
  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) return;
  try {
    if (settings.flows.fulfillment) {
      let cursor = settings.shipmentsCursor;
      for (let page = 0; page < MAX_PAGES; page++) {
        const feed = await backend.listShipments(cursor);
        await reportInvalid(s, storeHash, 'Shipment', feed.invalid);
        for (const shipment of feed.data) if (shipment.external_ref.store_hash === storeHash) await applyShipment(s, storeHash, shipment);
        cursor = feed.nextCursor;
        await s.settings.saveCursors(storeHash, { shipments: cursor }, s.clock.now());
        if (!feed.hasMore) break;
      }
    }
    if (settings.flows.inventory) {
      let cursor = settings.inventoryCursor;
      for (let page = 0; page < MAX_PAGES; page++) {
        const feed = await backend.listInventory(cursor);
        await reportInvalid(s, storeHash, 'Stock level', feed.invalid);
        if (feed.data.length > 0) await recordInventoryLevels(s, storeHash, feed.data);
        cursor = feed.nextCursor;
        await s.settings.saveCursors(storeHash, { inventory: cursor }, s.clock.now());
        if (!feed.hasMore) break;
      }
    }
  } catch (err) {
    throw toJobError(err);
  }
}

/**
 * A feed item the app cannot read is skipped (the cursor moves on, so it cannot block the feed)
 * and said in Activity with the reason, for the warehouse to correct and send again.
 */
async function reportInvalid(s: Pick<Collaborators, 'clock' | 'syncLog'>, storeHash: string, what: string, problems: FeedItemProblem[]): Promise<void> {
  for (const p of problems) {
    await s.syncLog.append(
      { storeHash, flow: 'fulfillment', level: 'error', message: `${what} ${p.ref} in the warehouse's feed was skipped: it does not match the contract.`, detail: p.message },
      s.clock.now(),
    );
  }
}
