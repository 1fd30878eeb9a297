// Which job a stored webhook event causes. The receivers enqueue it when the event arrives, and a
// replay from the Webhook history (webhooks/replay.ts) enqueues exactly the same job again, so the
// two can never drift apart.
import type { WebhookSource } from '../domain/webhook-events.js';
import type { EnqueueInput } from '../jobs/types.js';
import { isFulfillmentEventType } from '../fulfillment/index.js';
import { jobInput, JOB } from '../flows/job-catalogue.js';
import { ORDER_SYNC_DEBOUNCE_MS, ORDER_SYNC_TOPICS } from './topics.js';

/** The order a BigCommerce event makes the app sync, or null for topics it does not act on. */
export function bigcommerceSyncOrderId(topic: string, dataId: unknown): number | null {
  if (!ORDER_SYNC_TOPICS.has(topic) || dataId == null || dataId === '') return null;
  const id = Number(dataId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** One fetch per order for a burst of its events (debounced, merged into a pending sync). */
export function orderSyncJob(storeHash: string, orderId: number, now: number): EnqueueInput {
  return jobInput(JOB.orderSync, { storeHash, payload: { orderId }, runAt: now + ORDER_SYNC_DEBOUNCE_MS });
}

/** A warehouse event is acted on from its stored row (shipments, cancellations, stock). */
export function fulfillmentEventJob(storeHash: string, eventRowId: number): EnqueueInput {
  return jobInput(JOB.fulfillmentEvent, { storeHash, payload: { eventRowId } });
}

export interface StoredEventRef {
  id: number;
  storeHash: string;
  source: WebhookSource;
  topic: string;
  /** BigCommerce: data.id as stored; warehouse: the BigCommerce order its external_ref names. */
  resourceId: string | null;
}

/** The job the receiver queued for this stored event, or null when the app does not act on it. */
export function jobForStoredEvent(e: StoredEventRef, now: number): EnqueueInput | null {
  if (e.source === 'fulfillment') return isFulfillmentEventType(e.topic) ? fulfillmentEventJob(e.storeHash, e.id) : null;
  const orderId = bigcommerceSyncOrderId(e.topic, e.resourceId);
  return orderId === null ? null : orderSyncJob(e.storeHash, orderId, now);
}
