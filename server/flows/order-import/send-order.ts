// The create step of the import: POST /v1/orders with the order's Idempotency-Key, exactly once.
//
// The contract (docs/fulfillment-api.openapi.yaml, FulfillmentOrderInput) wants the body "built
// once … resent unchanged on retries": a retry whose body differs is answered 422
// idempotency_key_reused. So the body is frozen on the order row just before the first POST that
// may reach the backend and every later attempt sends that frozen body, even if a mapping or the
// order changed meanwhile. Until then (an order held for a mapping, never attempted) it is rebuilt.
import { FulfillmentAuthError, FulfillmentRejectedError, FulfillmentUnavailableError, fulfillmentIdempotencyKey, fulfillmentOrderInputSchema, type FulfillmentClient, type FulfillmentOrderInput } from '../../fulfillment/index.js';
import { FulfillmentKeyReusedError } from '../../fulfillment/key-reused.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import type { Services } from '../../services.js';
import { toJobError } from '../job-errors.js';

export type SendOutcome =
  | { kind: 'sent'; backendOrderId: string }
  /** Not sent, and retrying the same request will not change that: the order needs attention. */
  | { kind: 'held' };

/** The body frozen by an earlier attempt, or null when none was kept (never attempted, or a row from before bodies were kept). */
export function frozenBody(row: Pick<OrderRow, 'sendBody'>): FulfillmentOrderInput | null {
  if (row.sendBody === null || row.sendBody === undefined) return null;
  const parsed = fulfillmentOrderInputSchema.safeParse(row.sendBody);
  return parsed.success ? parsed.data : null;
}

/**
 * Sends `body` (the frozen one when there is one) and records the outcome on the order. Throws a
 * job error when the backend is unavailable: the order may then be at the warehouse, and the
 * retry resends the same body under the same key.
 */
export async function sendOrder(
  s: Pick<Services, 'orders' | 'syncLog' | 'clock'>,
  backend: FulfillmentClient,
  row: OrderRow,
  body: FulfillmentOrderInput,
): Promise<SendOutcome> {
  const { storeHash, orderId } = row;
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const hold = async (reason: string) => {
    await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason }, s.clock.now());
  };

  // Before the request leaves: from here on the order may be at the warehouse. `row` is as it was
  // before this attempt, so row.sendStartedAt === null means no earlier attempt can have reached it.
  await s.orders.freezeSendBody(storeHash, orderId, body, s.clock.now());
  try {
    const created = await backend.createOrder(body, fulfillmentIdempotencyKey(storeHash, orderId));
    await s.orders.markSent(storeHash, orderId, created.id, body, s.clock.now());
    await log('info', created.created ? `Sent to the warehouse as ${created.id}.` : `The warehouse already had this order (${created.id}).`);
    return { kind: 'sent', backendOrderId: created.id };
  } catch (err) {
    if (err instanceof FulfillmentKeyReusedError) {
      // It is at the warehouse, but not as this body says. Kept frozen: it may be there.
      if (row.attentionReason !== err.message) await log('error', 'The warehouse already has this order with different contents', err.message);
      await hold(err.message);
      return { kind: 'held' };
    }
    if (err instanceof FulfillmentRejectedError) {
      // Refused before anything was created, so the key is unused and a corrected order may be
      // built afresh. A 401/403 (or credentials that could not even be sent) says nothing about an
      // earlier attempt, so it releases the body only when this attempt was the first one.
      if (!(err instanceof FulfillmentAuthError) || row.sendStartedAt === null) await s.orders.releaseSendBody(storeHash, orderId, s.clock.now());
      await log('error', 'The warehouse rejected the order', err.message);
      await hold(`The warehouse rejected the order: ${err.message}`);
      return { kind: 'held' };
    }
    if (err instanceof FulfillmentUnavailableError) {
      await log('warn', 'The warehouse is unavailable; will retry.', err.message);
      await s.orders.setState(storeHash, orderId, { state: row.state === 'needs_attention' ? 'waiting' : row.state, lastError: err.message }, s.clock.now());
    }
    throw toJobError(err);
  }
}
