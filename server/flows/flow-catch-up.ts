// A flow turned back on does the work that arrived while it was off: nothing the app was told
// about is lost by switching a flow off and on. Orders held in "waiting" at the import status are
// sent, shipments and cancellations the warehouse pushed meanwhile (already acknowledged to it, so
// never sent again) are applied, and cancellations made in BigCommerce are passed on. Applying is
// idempotent: a shipment already written is not written twice, an order already sent is not sent
// again. The Inventory flow has nothing to catch up: levels are absolute, the next report wins.
import type { FlowName } from '../domain/flows.js';
import type { Collaborators } from '../collaborators.js';
import type { StoreSettings } from '../storage/settings-repo.js';
import { enqueueJob, jobInput, JOB } from './job-catalogue.js';
import { flowWasOffReason, type ReplayedFlow } from './fulfillment/events.js';
import { mayBeAtWarehouseAlert, WHY_CANCELLATIONS_OFF } from './order-import/cancel-unconfirmed.js';
import { requeueOrderSyncs, requeueUnsentCancellations } from './order-import/requeue-syncs.js';

type Deps = Pick<Collaborators, 'db' | 'orders' | 'webhookEvents' | 'jobs' | 'clock'>;

/** Queues the work a flow missed while it was off; returns what it queued, for Activity (null: nothing). */
export async function catchUpAfterFlowOn(s: Deps, storeHash: string, flow: FlowName, settings: Pick<StoreSettings, 'importStatusId'>): Promise<string | null> {
  switch (flow) {
    case 'orders': {
      const held = await s.orders.heldAtStatus(storeHash, settings.importStatusId);
      // On their way again: "queued" (a retrying one keeps its attempts and next attempt).
      await s.orders.markQueued(storeHash, held, s.clock.now(), ['waiting']);
      await requeueOrderSyncs(s, storeHash, held);
      // And anything no webhook reported meanwhile: the watermark moved on while Orders was off,
      // but every order the reconciliation listed then was recorded as waiting (held above).
      await queueReconciliation(s, storeHash);
      return held.length > 0 ? `${held.length} order(s) held while Orders was off are queued to be sent.` : null;
    }
    case 'fulfillment': {
      const n = await replayEvents(s, storeHash, 'Fulfillment');
      return n > 0 ? `${n} shipment event(s) received while Fulfillment was off are queued to be written to BigCommerce.` : null;
    }
    case 'cancellations': {
      const events = await replayEvents(s, storeHash, 'Cancellations');
      const orders = await requeueUnsentCancellations(s, storeHash, [mayBeAtWarehouseAlert('Cancelled', WHY_CANCELLATIONS_OFF)]);
      await queueReconciliation(s, storeHash);
      const parts = [
        events > 0 ? `${events} warehouse cancellation(s) received while Cancellations was off are queued to be applied` : '',
        orders > 0 ? `${orders} order(s) cancelled in BigCommerce meanwhile are queued to be cancelled at the warehouse` : '',
      ].filter(Boolean);
      return parts.length > 0 ? `${parts.join('; ')}.` : null;
    }
    case 'inventory':
      return null;
  }
}

/** The same job the scheduler queues every 5 minutes, now (merged into one already pending). */
async function queueReconciliation(s: Deps, storeHash: string): Promise<void> {
  await enqueueJob(s.jobs.queue, JOB.ordersReconcile, { storeHash });
}

/** Backend events held while `flow` was off, back to "received" and queued, in one transaction. */
async function replayEvents(s: Deps, storeHash: string, flow: ReplayedFlow): Promise<number> {
  return s.db.transaction(async (trx) => {
    const ids = await s.webhookEvents.reopenIgnored(storeHash, 'fulfillment', flowWasOffReason(flow), trx);
    for (let i = 0; i < ids.length; i += 500) {
      await s.jobs.queue.enqueueMany(
        ids.slice(i, i + 500).map((eventRowId) => jobInput(JOB.fulfillmentEvent, { storeHash, payload: { eventRowId } })),
        trx,
      );
    }
    return ids.length;
  });
}
