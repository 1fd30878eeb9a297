import { orderRefOf, parseFulfillmentEvent } from '../../fulfillment/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { JOB, JobOfKind } from '../job-catalogue.js';
import { applyBackendCancellation } from './cancellations.js';
import { applyShipment } from './create-shipment.js';
import { recordInventoryLevels } from '../inventory/record-levels.js';

/** The flows whose warehouse events are applied later when the flow is turned back on. */
export type ReplayedFlow = 'Fulfillment' | 'Cancellations';

/** The reason on an event held while its flow was off; the catch-up looks for exactly this text. */
export const flowWasOffReason = (flow: ReplayedFlow) => `The ${flow} flow was off: not applied yet. It is applied when ${flow} is turned on again.`;

export type HandleFulfillmentEventDeps = Pick<
  Collaborators,
  'bigcommerce' | 'clock' | 'db' | 'inventory' | 'jobs' | 'mappings' | 'orders' | 'settings' | 'shipments' | 'stores' | 'syncLog' | 'webhookEvents'
>;

/** Acts on one stored backend event (job `fulfillment.event`), honouring the flow switches. */
export async function handleFulfillmentEvent(s: HandleFulfillmentEventDeps, job: JobOfKind<typeof JOB.fulfillmentEvent>): Promise<void> {
  const { eventRowId } = job.payload;
  const storeHash = job.storeHash;
  const stored = await s.webhookEvents.get(storeHash, eventRowId);
  if (!stored) return;
  const now = () => s.clock.now();
  const parsed = parseFulfillmentEvent(stored.payload);
  // The receiver refuses unreadable events (400) and settles unknown types itself; these branches
  // only meet rows stored before it did, and say why nothing happened.
  if (parsed.kind === 'invalid') return s.webhookEvents.setStatus(eventRowId, 'failed', `Not applied: ${parsed.message}`, now());
  if (parsed.kind === 'unknown_type') return s.webhookEvents.setStatus(eventRowId, 'ignored', `Unknown event type "${parsed.envelope.type}".`, now());
  const e = parsed.event;
  // An order event belongs to the store its external_ref names (stores sharing a backend account
  // both have an order #100). The receiver routes by it; this guards rows stored before it did.
  const named = orderRefOf(e)?.store_hash;
  if (named !== undefined && named !== storeHash) {
    return s.webhookEvents.setStatus(eventRowId, 'ignored', `This event is for store ${named}, not this store; it was not applied here.`, now());
  }
  const settings = await s.settings.get(storeHash, now());
  const off = (flow: string) => s.webhookEvents.setStatus(eventRowId, 'ignored', `The ${flow} flow is off.`, now());
  // Shipments and cancellations were acknowledged to the warehouse, which will not send them
  // again: kept with a reason that flow-catch-up.ts finds when the flow is turned back on.
  const heldWhileOff = (flow: ReplayedFlow) => s.webhookEvents.setStatus(eventRowId, 'ignored', flowWasOffReason(flow), now());
  switch (e.type) {
    case 'shipment.created': {
      if (!settings.flows.fulfillment) return heldWhileOff('Fulfillment');
      const outcome = await applyShipment(s, storeHash, e.data);
      if (outcome === 'unknown_order') return s.webhookEvents.setStatus(eventRowId, 'ignored', notSentByThisApp(e.data.external_ref.order_id), now());
      await s.webhookEvents.setStatus(eventRowId, outcome === 'needs_attention' ? 'failed' : 'processed', null, now());
      return;
    }
    case 'order.cancelled':
    case 'order.rejected': {
      if (!settings.flows.cancellations) return heldWhileOff('Cancellations');
      const found = await applyBackendCancellation(s, storeHash, e.type === 'order.cancelled' ? 'cancelled' : 'rejected', e.data);
      await s.webhookEvents.setStatus(eventRowId, found ? 'processed' : 'ignored', found ? null : notSentByThisApp(e.data.external_ref.order_id), now());
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

const notSentByThisApp = (orderId: number) => `Not applied: this store has no order #${orderId} that the app sent to the warehouse.`;
