// The create step of the import: POST /v1/orders with the order's Idempotency-Key, exactly once.
//
// The contract (docs/fulfillment-api.openapi.yaml, FulfillmentOrderInput) wants the body "built
// once … resent unchanged on retries": a retry whose body differs is answered 422
// idempotency_key_reused. So the body is frozen on the order row just before the first POST that
// may reach the backend and every later attempt sends that frozen body, even if a mapping or the
// order changed meanwhile. Until then (an order held for a mapping, never attempted) it is rebuilt.
import {
  FulfillmentAuthError,
  FulfillmentRejectedError,
  FulfillmentUnavailableError,
  fulfillmentIdempotencyKey,
  fulfillmentOrderInputSchema,
  type FulfillmentClient,
  type FulfillmentOrderInput,
} from '../../fulfillment/index.js';
import { FulfillmentKeyReusedError } from '../../fulfillment/key-reused.js';
import type { Attention, OrderRow } from '../../storage/orders-repo.js';
import type { OrderSyncState } from '../../domain/order-state.js';
import type { Knex } from 'knex';
import type { Collaborators } from '../../collaborators.js';
import { toJobError, warehouseUnavailableWords } from '../job-errors.js';

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
 * A refusal that names one of the order's SKUs as unknown to the warehouse (`unknown_sku`): a SKU
 * mapping fixes it, so the remedy links to it. The subject is the BigCommerce SKU (the mapping's
 * key), found through the line the warehouse SKU was sent on.
 */
function unknownSkuOf(err: FulfillmentRejectedError, row: Pick<OrderRow, 'details'>, body: FulfillmentOrderInput): string | null {
  if (err.code !== 'unknown_sku') return null;
  for (const shipment of body.shipments) {
    for (const line of shipment.lines) {
      if (line.sku !== '' && err.message.includes(line.sku)) {
        return row.details?.lines.find((l) => l.id === line.order_line_id)?.bcSku || line.sku;
      }
    }
  }
  return null;
}

export interface SendOptions {
  /** The job's attempt number (shown on the order while it is retrying). */
  attempt?: number;
  /**
   * What must follow an accepted order, written in the transaction that marks it sent. A crash
   * between the two would otherwise lose it for good: the retry finds the order sent and takes
   * the sent-order path (sent-order.ts), which does not look back.
   */
  whenSent?: (trx: Knex) => Promise<void>;
}

/**
 * Sends `body` (the frozen one when there is one) and records the outcome on the order. Throws a
 * job error when the backend is unavailable: the order may then be at the warehouse, and the
 * retry resends the same body under the same key.
 */
export async function sendOrder(
  s: Pick<Collaborators, 'orders' | 'syncLog' | 'clock' | 'db'>,
  backend: FulfillmentClient,
  row: OrderRow,
  body: FulfillmentOrderInput,
  { attempt, whenSent }: SendOptions = {},
): Promise<SendOutcome> {
  const { storeHash, orderId } = row;
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const hold = async (state: OrderSyncState, reason: string, attention: Attention) => {
    await s.orders.setState(storeHash, orderId, { state, attentionReason: reason, lastError: reason, attention }, s.clock.now());
  };

  // Before the request leaves: from here on the order may be at the warehouse. `row` is as it was
  // before this attempt, so row.sendStartedAt === null means no earlier attempt can have reached it.
  await s.orders.freezeSendBody(storeHash, orderId, body, s.clock.now());
  try {
    const created = await backend.createOrder(body, fulfillmentIdempotencyKey(storeHash, orderId));
    await s.db.transaction(async (trx) => {
      await s.orders.markSent(storeHash, orderId, created.id, body, s.clock.now(), trx);
      await whenSent?.(trx);
    });
    await log('info', created.created ? `Sent to the warehouse as ${created.id}.` : `The warehouse already had this order (${created.id}).`);
    return { kind: 'sent', backendOrderId: created.id };
  } catch (err) {
    if (err instanceof FulfillmentKeyReusedError) {
      // It is at the warehouse, but not as this body says. Kept frozen: it may be there.
      if (row.attentionReason !== err.message) await log('error', 'The warehouse already has this order with different contents', err.message);
      await hold('needs_attention', err.message, { code: 'warehouse_conflict' });
      return { kind: 'held' };
    }
    if (err instanceof FulfillmentRejectedError) {
      // Refused before anything was created, so the key is unused and a corrected order may be
      // built afresh. A 401/403 (or credentials that could not even be sent) says nothing about an
      // earlier attempt, so it releases the body only when this attempt was the first one.
      if (!(err instanceof FulfillmentAuthError) || row.sendStartedAt === null) await s.orders.releaseSendBody(storeHash, orderId, s.clock.now());
      if (err instanceof FulfillmentAuthError) {
        // The app's credentials, not the order: held until the connection is fixed (Settings).
        await log('error', 'The warehouse refused the app’s credentials', err.message);
        await hold('needs_attention', err.message, { code: 'warehouse_refused_key' });
        return { kind: 'held' };
      }
      const sku = unknownSkuOf(err, row, body);
      await log('error', 'The warehouse rejected the order', err.message);
      await hold('rejected', `The warehouse rejected the order: ${err.message}`, sku ? { code: 'unmapped_sku', subject: sku } : { code: 'warehouse_rejected' });
      return { kind: 'held' };
    }
    if (err instanceof FulfillmentUnavailableError) {
      // A passing failure: the job runs again after its backoff (the worker's retry hook records
      // when, sync-retry.ts). The words are the merchant's; the raw detail stays in the timeline.
      await log('warn', 'The warehouse is unavailable; will retry.', err.message);
      await s.orders.setState(
        storeHash,
        orderId,
        { state: 'retrying', lastError: warehouseUnavailableWords(err), attentionReason: null, ...(attempt !== undefined ? { attempts: attempt } : {}) },
        s.clock.now(),
      );
    }
    throw toJobError(err);
  }
}
