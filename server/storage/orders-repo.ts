import type { Knex } from 'knex';
import type { AttentionCode, OrderSyncState } from '../domain/order-state.js';
import type { CancelOutcome, OrderDetails, OrderRow } from './order-row.js';
import { toRow } from './order-row.js';
import { normaliseMappingKey } from '../../shared/mapping-keys.js';

export { toRow, toSummary, type CancelOutcome, type OrderDetails, type OrderRow } from './order-row.js';

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
  /** The customer's e-mail; line items and ship-to; the SKU search words. Absent: left as stored. */
  email?: string | null;
  details?: OrderDetails;
  skuSearch?: string;
}

/**
 * States that need the merchant (the "attention" filter): each carries an attention code. Held
 * (by an order rule) is one: it ships only once a person releases it or changes the rule.
 */
export const ATTENTION_STATES: readonly OrderSyncState[] = ['needs_attention', 'held', 'rejected', 'failed'];
export const isAttentionState = (state: OrderSyncState): boolean => ATTENTION_STATES.includes(state);

/** Why an order is held: the code, the method/SKU/product it names, and the words. */
export interface Attention {
  code: AttentionCode;
  subject?: string | null;
}

/**
 * The attention columns that go with a new state: an attention state always has a code ('other'
 * when the caller names none, e.g. a shipment BigCommerce refused), any other state no code and
 * no reason.
 */
function attentionColumns(state: OrderSyncState, a: Attention | undefined) {
  return isAttentionState(state)
    ? { attention_code: a?.code ?? 'other', attention_subject: a?.subject == null ? null : a.subject.slice(0, 255) }
    : { attention_code: null, attention_subject: null, attention_reason: null };
}

/** States an order may be queued again from (held, failed, or seen outside the import status). */
export const REQUEUABLE_STATES: readonly OrderSyncState[] = ['waiting', 'needs_attention', 'rejected', 'failed'];

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
      ...(seen.email !== undefined ? { customer_email: seen.email } : {}),
      ...(seen.details !== undefined ? { details: JSON.stringify(seen.details) } : {}),
      ...(seen.skuSearch !== undefined ? { sku_search: seen.skuSearch } : {}),
      bc_status_seen_at: now,
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
    patch: { state: OrderSyncState; attentionReason?: string | null; lastError?: string | null; attention?: Attention; attempts?: number },
    now: number,
    trx: Knex = this.db,
  ): Promise<void> {
    await trx('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        state: patch.state,
        ...(patch.attentionReason !== undefined ? { attention_reason: patch.attentionReason } : {}),
        ...(patch.lastError !== undefined ? { last_error: patch.lastError } : {}),
        ...attentionColumns(patch.state, patch.attention),
        ...(patch.attempts !== undefined ? { attempts: patch.attempts } : {}),
        // A next attempt is only due while retrying (markRetrying sets it).
        ...(patch.state === 'retrying' ? {} : { next_attempt_at: null }),
        updated_at: now,
      });
  }

  /**
   * A send attempt failed for a passing reason and the job runs again at `nextAttemptAt`. Only an
   * order still on its way (queued or retrying, not at the warehouse): the job queue reports the
   * failure after it released the job, so a later run may already have settled the order.
   */
  async markRetrying(storeHash: string, orderId: number, r: { attempts?: number; nextAttemptAt: number; lastError?: string }, now: number): Promise<boolean> {
    const n = await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .whereIn('state', ['queued', 'retrying'])
      .whereNull('backend_order_id')
      .update({
        state: 'retrying',
        next_attempt_at: r.nextAttemptAt,
        ...(r.attempts !== undefined ? { attempts: r.attempts } : {}),
        ...(r.lastError !== undefined ? { last_error: r.lastError } : {}),
        attention_code: null,
        attention_subject: null,
        updated_at: now,
      });
    return n > 0;
  }

  /** A wait that is no attempt (the store's API quota) moved the next attempt of a retrying order. */
  async moveNextAttempt(storeHash: string, orderId: number, nextAttemptAt: number, now: number): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId, state: 'retrying' })
      .whereNull('backend_order_id')
      .update({ next_attempt_at: nextAttemptAt, updated_at: now });
  }

  /**
   * The app queued these orders to be sent again (Retry, a fix saved, a flow turned on, the
   * reconciliation): those not at the warehouse and in one of `from` become "queued", with no
   * failed attempt yet and nothing held. Returns the ids it changed.
   */
  async markQueued(storeHash: string, orderIds: readonly number[], now: number, from: readonly OrderSyncState[] = REQUEUABLE_STATES): Promise<number[]> {
    const changed: number[] = [];
    for (let i = 0; i < orderIds.length; i += 500) {
      const ids = orderIds.slice(i, i + 500);
      const q = () =>
        this.db('orders')
          .where({ store_hash: storeHash })
          .whereIn('order_id', ids)
          .whereIn('state', [...from])
          .whereNull('backend_order_id');
      const rows = await q().orderBy('order_id').select('order_id');
      if (rows.length === 0) continue;
      await q().update({
        state: 'queued',
        attempts: 0,
        next_attempt_at: null,
        attention_code: null,
        attention_subject: null,
        attention_reason: null,
        last_error: null,
        updated_at: now,
      });
      changed.push(...rows.map((r) => Number(r.order_id)));
    }
    return changed;
  }

  async markSent(storeHash: string, orderId: number, backendOrderId: string, payload: unknown, now: number, trx?: Knex): Promise<void> {
    await (trx ?? this.db)('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        state: 'sent',
        backend_order_id: backendOrderId,
        payload_sent: JSON.stringify(payload),
        send_body: null, // now in payload_sent
        attention_reason: null,
        attention_code: null,
        attention_subject: null,
        last_error: null,
        next_attempt_at: null,
        sent_at: now,
        updated_at: now,
      });
  }

  /** The status BigCommerce reported for the order (a statusUpdated event, a read made anyway). */
  async recordStatus(storeHash: string, orderId: number, statusId: number, label: string | null, now: number, seenAt: number = now): Promise<void> {
    await this.db('orders').where({ store_hash: storeHash, order_id: orderId }).update({ bc_status_id: statusId, bc_status: label, bc_status_seen_at: seenAt, updated_at: now });
  }

  /** After a shipment was written: BigCommerce's status and the shipped quantities, as it now has them. */
  async recordShipment(storeHash: string, orderId: number, r: { statusId: number; label: string | null; details: OrderDetails | null }, now: number): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        bc_status_id: r.statusId,
        bc_status: r.label,
        bc_status_seen_at: now,
        ...(r.details ? { details: JSON.stringify(r.details) } : {}),
        updated_at: now,
      });
  }

  /** The order page's lines and the shipment flow's snapshot, without touching the status seen. */
  async saveDetails(storeHash: string, orderId: number, details: OrderDetails, now: number): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({ details: JSON.stringify(details), updated_at: now });
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
    c: {
      source: 'bigcommerce' | 'warehouse';
      outcome: CancelOutcome;
      message: string | null;
      state?: OrderSyncState;
      alert?: string | null;
      /** With an attention state (a warehouse rejection): why, in the merchant's words. */
      attention?: Attention & { reason: string };
    },
    now: number,
  ): Promise<void> {
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .update({
        cancel_source: c.source,
        cancel_outcome: c.outcome,
        cancel_message: c.message,
        cancel_at: now,
        ...(c.state ? { state: c.state, ...attentionColumns(c.state, c.attention), next_attempt_at: null } : {}),
        ...(c.attention ? { attention_reason: c.attention.reason } : {}),
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
      .andWhere((q) => {
        q.whereNull('cancel_outcome').orWhere({ cancel_outcome: 'pending' });
      })
      .orderBy('order_id');
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
        if (alerts.length > 0) {
          q.orWhere((a) => {
            a.where({ cancel_outcome: 'failed' }).whereIn('alert', alerts);
          });
        }
      })
      .orderBy('order_id')
      .select('order_id');
    return rows.map((r) => Number(r.order_id));
  }

  /**
   * Orders seen in the import status and not sent: what the Orders flow held while it was off
   * (waiting, or queued/retrying when the flow was switched off under them).
   */
  async heldAtStatus(storeHash: string, statusId: number): Promise<number[]> {
    const rows = await this.db('orders')
      .where({ store_hash: storeHash, bc_status_id: statusId })
      .whereIn('state', ['waiting', 'queued', 'retrying'])
      .whereNull('backend_order_id')
      .orderBy('order_id')
      .select('order_id');
    return rows.map((r) => Number(r.order_id));
  }

  /** Orders held for a reason the merchant may just have fixed (a mapping, the connection). */
  async needingAttention(storeHash: string): Promise<number[]> {
    return (await this.heldForFix(storeHash)).map((o) => o.orderId);
  }

  /**
   * The same orders with why they are held: needs attention, or refused by the warehouse before
   * it created anything (a SKU mapping may fix that). One the warehouse rejected after it had it
   * cannot be sent again, so it is not among them.
   */
  async heldForFix(storeHash: string): Promise<Array<Pick<OrderRow, 'orderId' | 'state' | 'attentionCode' | 'attentionSubject' | 'attentionReason' | 'backendOrderId'>>> {
    const rows = await this.db('orders')
      .where({ store_hash: storeHash })
      .andWhere((q) => {
        q.where({ state: 'needs_attention' }).orWhere((r) => {
          r.where({ state: 'rejected' }).whereNull('backend_order_id');
        });
      })
      // Oldest order first on both databases (PostgreSQL would return them in its heap order).
      .orderBy('order_id')
      .select('order_id', 'state', 'attention_code', 'attention_subject', 'attention_reason', 'backend_order_id');
    return rows.map((r) => ({
      orderId: Number(r.order_id),
      state: r.state as OrderSyncState,
      attentionCode: r.attention_code == null ? null : (String(r.attention_code) as AttentionCode),
      attentionSubject: r.attention_subject == null ? null : String(r.attention_subject),
      attentionReason: r.attention_reason == null ? null : String(r.attention_reason),
      backendOrderId: r.backend_order_id == null ? null : String(r.backend_order_id),
    }));
  }

  async sentIds(storeHash: string, orderIds: number[]): Promise<Set<number>> {
    if (orderIds.length === 0) return new Set();
    const rows = await this.db('orders').where({ store_hash: storeHash }).whereIn('order_id', orderIds).whereNotNull('backend_order_id').select('order_id');
    return new Set(rows.map((r) => Number(r.order_id)));
  }
}
