import type { Knex } from 'knex';
import type { AttentionCode, OrderLineView, OrderSummary, OrderSyncState, ShipToView } from '../api/contract.js';
import { cappedPage } from './capped-list.js';
import { normaliseMappingKey } from './mapping-keys.js';

export interface OrderRow {
  storeHash: string;
  orderId: number;
  state: OrderSyncState;
  bcStatusId: number | null;
  bcStatus: string | null;
  customer: string;
  orderDate: number | null;
  shippingMethod: string | null;
  backendOrderId: string | null;
  attentionReason: string | null;
  lastError: string | null;
  payloadSent: unknown;
  sentAt: number | null;
  updatedAt: number;
  alert: string | null;
  cancellation: { source: 'bigcommerce' | 'warehouse'; outcome: CancelOutcome; message: string | null; at: number } | null;
  /** Set before the first create that may reach the backend: until backendOrderId, it may be there. */
  sendStartedAt: number | null;
  /** The exact create body, frozen with sendStartedAt and resent unchanged (null for rows from before it was kept). */
  sendBody: unknown;
  email: string | null;
  /** Line items and ship-to consignments as last read (null for rows from before they were kept). */
  details: OrderDetails | null;
  /** Attempts made to send the order; the next one is due at nextAttemptAt (state retrying). */
  attempts: number;
  nextAttemptAt: number | null;
  /** Why the order is held, as a code (OrderRemedy.code); attentionReason keeps the words. */
  attentionCode: AttentionCode | null;
  /** When bcStatusId/bcStatus were last read or heard from BigCommerce. */
  bcStatusSeenAt: number | null;
}

/** The `details` JSON column. */
export interface OrderDetails {
  lines: OrderLineView[];
  shipTo: ShipToView[];
}

function parseDetails(v: unknown): OrderDetails | null {
  if (v == null) return null;
  try {
    const d = JSON.parse(String(v)) as Partial<OrderDetails>;
    return { lines: Array.isArray(d.lines) ? d.lines : [], shipTo: Array.isArray(d.shipTo) ? d.shipTo : [] };
  } catch {
    return null; // a damaged cell must not break the order page: the lines are read again on the next sync
  }
}

export type CancelOutcome = 'pending' | 'cancelled' | 'too_late' | 'rejected' | 'failed';

type Raw = Record<string, unknown>;
const toRow = (r: Raw): OrderRow => ({
  storeHash: String(r.store_hash),
  orderId: Number(r.order_id),
  state: r.state as OrderSyncState,
  bcStatusId: r.bc_status_id == null ? null : Number(r.bc_status_id),
  bcStatus: r.bc_status == null ? null : String(r.bc_status),
  customer: String(r.customer ?? ''),
  orderDate: r.order_date == null ? null : Number(r.order_date),
  shippingMethod: r.shipping_method == null ? null : String(r.shipping_method),
  backendOrderId: r.backend_order_id == null ? null : String(r.backend_order_id),
  attentionReason: r.attention_reason == null ? null : String(r.attention_reason),
  lastError: r.last_error == null ? null : String(r.last_error),
  payloadSent: r.payload_sent == null ? null : JSON.parse(String(r.payload_sent)),
  sentAt: r.sent_at == null ? null : Number(r.sent_at),
  updatedAt: Number(r.updated_at),
  alert: r.alert == null ? null : String(r.alert),
  cancellation:
    r.cancel_outcome == null
      ? null
      : {
          source: r.cancel_source === 'warehouse' ? 'warehouse' : 'bigcommerce',
          outcome: r.cancel_outcome as CancelOutcome,
          message: r.cancel_message == null ? null : String(r.cancel_message),
          at: Number(r.cancel_at),
        },
  sendStartedAt: r.send_started_at == null ? null : Number(r.send_started_at),
  sendBody: r.send_body == null ? null : JSON.parse(String(r.send_body)),
  email: r.customer_email == null ? null : String(r.customer_email),
  details: parseDetails(r.details),
  attempts: Number(r.attempts ?? 0),
  nextAttemptAt: r.next_attempt_at == null ? null : Number(r.next_attempt_at),
  attentionCode: r.attention_code == null ? null : (String(r.attention_code) as AttentionCode),
  bcStatusSeenAt: r.bc_status_seen_at == null ? null : Number(r.bc_status_seen_at),
});

export const toSummary = (o: OrderRow): OrderSummary => ({
  orderId: o.orderId,
  customer: o.customer,
  email: o.email,
  orderDate: o.orderDate == null ? null : new Date(o.orderDate).toISOString(),
  state: o.state,
  bcStatus: o.bcStatus,
  backendOrderId: o.backendOrderId,
  lastError: o.lastError,
  attempts: o.attempts,
  nextAttemptAt: o.nextAttemptAt == null ? null : new Date(o.nextAttemptAt).toISOString(),
  updatedAt: new Date(o.updatedAt).toISOString(),
});

export interface OrderSeen {
  bcStatusId: number;
  bcStatus: string | null;
  customer: string;
  orderDate: number | null;
  shippingMethod: string | null;
  /**
   * Every consignment's method, normalised (mapping-keys.ts): what Settings › Shipping method
   * mappings lists. Absent: the first method alone.
   */
  shippingMethods?: string[];
}

/** Sync state of every order the app has seen. `sent` is final for the import flow. */
export class OrdersRepo {
  constructor(private readonly db: Knex) {}

  async get(storeHash: string, orderId: number, trx: Knex = this.db): Promise<OrderRow | undefined> {
    const r = await trx('orders').where({ store_hash: storeHash, order_id: orderId }).first();
    return r ? toRow(r) : undefined;
  }

  /** Records what BigCommerce says about the order, creating the row in `initialState` if new. */
  async upsertSeen(storeHash: string, orderId: number, seen: OrderSeen, initialState: OrderSyncState, now: number): Promise<OrderRow> {
    const values = {
      bc_status_id: seen.bcStatusId,
      bc_status: seen.bcStatus,
      customer: seen.customer,
      order_date: seen.orderDate,
      shipping_method: seen.shippingMethod,
      shipping_methods: JSON.stringify(seen.shippingMethods ?? (seen.shippingMethod == null ? [] : [normaliseMappingKey(seen.shippingMethod)])),
      updated_at: now,
    };
    await this.db('orders')
      .insert({ store_hash: storeHash, order_id: orderId, state: initialState, created_at: now, ...values })
      .onConflict(['store_hash', 'order_id'])
      .merge(values);
    return (await this.get(storeHash, orderId))!;
  }

  async setState(
    storeHash: string,
    orderId: number,
    patch: { state: OrderSyncState; attentionReason?: string | null; lastError?: string | null },
    now: number,
    trx: Knex = this.db,
  ): Promise<void> {
    await trx('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        state: patch.state,
        ...(patch.attentionReason !== undefined ? { attention_reason: patch.attentionReason } : {}),
        ...(patch.lastError !== undefined ? { last_error: patch.lastError } : {}),
        updated_at: now,
      });
  }

  async markSent(storeHash: string, orderId: number, backendOrderId: string, payload: unknown, now: number): Promise<void> {
    await this.db('orders').where({ store_hash: storeHash, order_id: orderId }).update({
      state: 'sent',
      backend_order_id: backendOrderId,
      payload_sent: JSON.stringify(payload),
      send_body: null, // now in payload_sent
      attention_reason: null,
      last_error: null,
      sent_at: now,
      updated_at: now,
    });
  }

  /**
   * Freezes the create body just before a POST that may reach the backend. A body already frozen
   * is kept (the caller resends that one); a row from before bodies were kept gets this one.
   */
  async freezeSendBody(storeHash: string, orderId: number, body: unknown, now: number): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .whereNull('send_body')
      .update({ send_body: JSON.stringify(body), send_started_at: this.db.raw('coalesce(send_started_at, ?)', [now]), updated_at: now });
  }

  /** The backend refused the create before creating anything: the key is unused, the body may change. */
  async releaseSendBody(storeHash: string, orderId: number, now: number): Promise<void> {
    await this.db('orders').where({ store_hash: storeHash, order_id: orderId }).update({ send_body: null, send_started_at: null, updated_at: now });
  }

  async setCancellation(
    storeHash: string,
    orderId: number,
    c: { source: 'bigcommerce' | 'warehouse'; outcome: CancelOutcome; message: string | null; state?: OrderSyncState; alert?: string | null },
    now: number,
  ): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        cancel_source: c.source,
        cancel_outcome: c.outcome,
        cancel_message: c.message,
        cancel_at: now,
        ...(c.state ? { state: c.state } : {}),
        ...(c.alert !== undefined ? { alert: c.alert } : {}),
        updated_at: now,
      });
  }

  /**
   * Forgets a cancellation still waiting to be passed on (and its alert): the order is no longer
   * in a cancellation status in BigCommerce. A settled cancellation is left as it is.
   */
  async clearPendingCancellation(storeHash: string, orderId: number, now: number): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId, cancel_outcome: 'pending' })
      .update({ cancel_source: null, cancel_outcome: null, cancel_message: null, cancel_at: null, alert: null, updated_at: now });
  }

  /**
   * Of these orders (listed in a cancellation status by BigCommerce), the ones the app knows and
   * has not settled a cancellation for: not cancelled here, no cancellation or one still pending.
   */
  async cancellationCandidates(storeHash: string, orderIds: number[]): Promise<OrderRow[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db('orders')
      .where({ store_hash: storeHash })
      .whereIn('order_id', orderIds)
      .whereNot({ state: 'cancelled' })
      .andWhere((q) => q.whereNull('cancel_outcome').orWhere({ cancel_outcome: 'pending' }));
    return rows.map(toRow);
  }

  /**
   * Orders with a BigCommerce cancellation the warehouse has not been told about: still pending,
   * or failed with one of `alerts` (a reason the merchant may just have fixed).
   */
  async unsentCancellations(storeHash: string, alerts: string[] = []): Promise<number[]> {
    const rows = await this.db('orders')
      .where({ store_hash: storeHash, cancel_source: 'bigcommerce' })
      .andWhere((q) => {
        q.where({ cancel_outcome: 'pending' });
        if (alerts.length > 0) q.orWhere((a) => a.where({ cancel_outcome: 'failed' }).whereIn('alert', alerts));
      })
      .select('order_id');
    return rows.map((r) => Number(r.order_id));
  }

  /** Orders seen in the import status and not sent: what the Orders flow held while it was off. */
  async heldAtStatus(storeHash: string, statusId: number): Promise<number[]> {
    const rows = await this.db('orders')
      .where({ store_hash: storeHash, state: 'waiting', bc_status_id: statusId })
      .whereNull('backend_order_id')
      .select('order_id');
    return rows.map((r) => Number(r.order_id));
  }

  async list(storeHash: string, f: { state?: OrderSyncState; search?: number }, page: number, limit: number) {
    const q = this.db('orders').where({ store_hash: storeHash });
    if (f.state) q.andWhere({ state: f.state });
    if (f.search !== undefined) q.andWhere({ order_id: f.search });
    // The primary key (store_hash, order_id) and (store_hash, state, order_id) serve this order.
    const byId = (x: Knex.QueryBuilder) => x.orderBy([{ column: 'order_id', order: 'desc' }]);
    const { rows, total, totalCapped } = await cappedPage<Raw>(this.db, q, byId, page, limit);
    return { items: rows.map((r) => toSummary(toRow(r))), total, totalCapped };
  }

  /** Orders held for a reason the merchant may just have fixed (a mapping). */
  async needingAttention(storeHash: string): Promise<number[]> {
    const rows = await this.db('orders').where({ store_hash: storeHash, state: 'needs_attention' }).select('order_id');
    return rows.map((r) => Number(r.order_id));
  }

  async sentIds(storeHash: string, orderIds: number[]): Promise<Set<number>> {
    if (orderIds.length === 0) return new Set();
    const rows = await this.db('orders')
      .where({ store_hash: storeHash })
      .whereIn('order_id', orderIds)
      .whereNotNull('backend_order_id')
      .select('order_id');
    return new Set(rows.map((r) => Number(r.order_id)));
  }
}
