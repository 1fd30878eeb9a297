// Replay from the Webhook history: a stored event is processed again by queuing exactly the job
// its receiver queued (event-jobs.ts). Safe because the flows are idempotent: an order already at
// the warehouse is not sent twice, a shipment already written is not written twice. Recorded in
// Activity with who asked.
import type { FlowName } from '../domain/flows.js';
import type { WebhookEventSummary, WebhookReplay, WebhookSource } from '../domain/webhook-events.js';
import { AppError, NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { jobForStoredEvent } from './event-jobs.js';
import { requeueStoredEvents } from './intake.js';
import { ORDER_SYNC_TOPICS } from './topics.js';

type Deps = Pick<Collaborators, 'db' | 'webhookEvents' | 'settings' | 'jobs' | 'syncLog' | 'clock'>;

/** A replay the app will not do, and why (409/422 with the reason the merchant reads). */
export class ReplayRefusedError extends AppError {
  constructor(status: 409 | 422, code: string, message: string) {
    super(status, code, message);
  }
}

const FLOW_LABELS: Record<FlowName, string> = { orders: 'Orders', fulfillment: 'Fulfillment', inventory: 'Inventory', cancellations: 'Cancellations' };

/**
 * The flows that act on an event. A BigCommerce status change also passes a cancellation on
 * (sync-order.ts, sent-order.ts), so it needs Orders or Cancellations; an order created needs Orders.
 */
export function flowsActingOn(source: WebhookSource, topic: string): FlowName[] {
  if (source === 'bigcommerce') return topic === 'store/order/created' ? ['orders'] : ORDER_SYNC_TOPICS.has(topic) ? ['orders', 'cancellations'] : [];
  switch (topic) {
    case 'shipment.created':
      return ['fulfillment'];
    case 'order.cancelled':
    case 'order.rejected':
      return ['cancellations'];
    case 'inventory.updated':
      return ['inventory'];
    default:
      return [];
  }
}

type Stored = WebhookEventSummary & { duplicateOf: number | null };

function duplicateRefusal(e: Stored): ReplayRefusedError {
  return e.duplicateOf === null
    ? new ReplayRefusedError(409, 'duplicate_event', `Event #${e.id} is a redelivery whose original is no longer kept: there is nothing to replay.`)
    : new ReplayRefusedError(409, 'duplicate_event', `Event #${e.id} is a redelivery of event #${e.duplicateOf}. Replay event #${e.duplicateOf} instead.`);
}

/** Throws why an event the app acts on cannot be replayed now (its flow is off, a newer report). */
async function checkReplayable(s: Deps, storeHash: string, e: Stored): Promise<void> {
  const flows = flowsActingOn(e.source, e.topic);
  const on = (await s.settings.get(storeHash, s.clock.now())).flows;
  if (!flows.some((f) => on[f])) {
    const names = flows.map((f) => FLOW_LABELS[f]);
    const several = names.length > 1;
    throw new ReplayRefusedError(
      409,
      'flow_off',
      `The ${names.join(' and ')} flow${several ? 's are' : ' is'} off. Turn ${several ? 'one' : 'it'} on in Settings to replay this event.`,
    );
  }
  if (e.topic === 'inventory.updated') {
    // Stock levels are absolute: an older report replayed would put older levels back.
    const newer = await s.webhookEvents.newerOfTopic(storeHash, e.source, e.topic, { id: e.id, receivedAt: Date.parse(e.receivedAt) });
    if (newer !== null) {
      throw new ReplayRefusedError(
        409,
        'superseded',
        `Stock report #${newer} arrived after this one; replaying #${e.id} would put older stock levels back. Replay event #${newer} instead.`,
      );
    }
  }
}

/** Queues the stored event's job again, sets it back to "received" and records it in Activity. */
export async function replayEvent(s: Deps, storeHash: string, id: number, by: string): Promise<WebhookReplay> {
  const e = await s.webhookEvents.summary(storeHash, id);
  if (!e) throw new NotFoundError('No such webhook event.');
  if (e.status === 'duplicate') throw duplicateRefusal(e);
  const now = s.clock.now();
  const job = jobForStoredEvent({ id: e.id, storeHash, source: e.source, topic: e.topic, resourceId: e.resourceId }, now);
  if (flowsActingOn(e.source, e.topic).length === 0) {
    throw new ReplayRefusedError(422, 'not_replayable', `Fulfillment Bridge does not act on ${e.topic} events, so there is nothing to replay.`);
  }
  if (!job) throw new ReplayRefusedError(422, 'not_replayable', `Event #${e.id} names no order Fulfillment Bridge can act on, so there is nothing to replay.`);
  await checkReplayable(s, storeHash, e);
  // The queue wakes the worker once this commits (KnexJobQueue onEnqueued).
  await s.db.transaction(async (trx) => {
    const queued = await requeueStoredEvents({ events: s.webhookEvents, queue: s.jobs.queue }, trx, [{ storeHash, id: e.id, job }]);
    // Gone meanwhile (retention): nothing is queued or logged.
    if (queued.length === 0) throw new NotFoundError('No such webhook event.');
    await s.syncLog.append({ storeHash, orderId: e.orderId, flow: 'webhooks', message: `Webhook event #${e.id} (${e.topic}) replayed by ${by}` }, now, trx);
  });
  const event = await s.webhookEvents.get(storeHash, e.id);
  if (!event) throw new NotFoundError('No such webhook event.');
  return { event, message: `Event #${e.id} (${e.topic}) is queued to be processed again. Its status here shows the outcome in a few seconds.` };
}
