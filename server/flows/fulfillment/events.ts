import { parseFulfillmentEvent } from '../../fulfillment/index.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import { applyBackendCancellation } from './cancellations.js';
import { applyShipment } from './create-shipment.js';
import { recordInventoryLevels } from '../inventory/record-levels.js';

/** Acts on one stored backend event (job `fulfillment.event`), honouring the flow switches. */
export async function handleFulfillmentEvent(s: Services, job: JobRecord): Promise<void> {
  const { eventRowId } = job.payload as { eventRowId: number };
  const storeHash = job.storeHash;
  const stored = await s.webhookEvents.get(storeHash, eventRowId);
  if (!stored) return;
  const now = () => s.clock.now();
  const parsed = parseFulfillmentEvent(stored.payload);
  if (parsed.kind !== 'event') {
    await s.webhookEvents.setStatus(eventRowId, 'ignored', parsed.kind === 'invalid' ? parsed.message : `Unknown event type`, now());
    return;
  }
  const settings = await s.settings.get(storeHash, now());
  const e = parsed.event;
  const off = (flow: string) => s.webhookEvents.setStatus(eventRowId, 'ignored', `The ${flow} flow is off.`, now());
  switch (e.type) {
    case 'shipment.created': {
      if (!settings.flows.fulfillment) return off('Fulfillment');
      const outcome = await applyShipment(s, storeHash, e.data, job.attempts > 1);
      await s.webhookEvents.setStatus(eventRowId, outcome === 'unknown_order' ? 'ignored' : outcome === 'needs_attention' ? 'failed' : 'processed', null, now());
      return;
    }
    case 'order.cancelled':
    case 'order.rejected': {
      if (!settings.flows.cancellations) return off('Cancellations');
      const found = await applyBackendCancellation(s, storeHash, e.type === 'order.cancelled' ? 'cancelled' : 'rejected', e.data);
      await s.webhookEvents.setStatus(eventRowId, found ? 'processed' : 'ignored', null, now());
      return;
    }
    case 'inventory.updated': {
      if (!settings.flows.inventory) return off('Inventory');
      await recordInventoryLevels(s, storeHash, e.data.items);
      await s.webhookEvents.setStatus(eventRowId, 'processed', null, now());
      return;
    }
  }
}
