import type { AttentionCode, OrderSyncState } from '../domain/order-state.js';
import type { OrderLine, OrderSummary, ShipTo } from '../domain/orders.js';

// An `orders` row as the app reads it, and its API summary: shared by the repo (writes) and
// orders-query.ts (lists), kept apart from the statements.

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
  /** The method, SKU or product the order is held for (OrderRemedy.subject), with attentionCode. */
  attentionSubject: string | null;
  /** When bcStatusId/bcStatus were last read or heard from BigCommerce. */
  bcStatusSeenAt: number | null;
  /** The order rule that holds (held) or skipped (skipped) the order (migration 020). */
  ruleId: number | null;
  /** The rule a person released the order from: it does not hold the order again. */
  releasedRuleId: number | null;
}

/** The `details` JSON column. */
export interface OrderDetails {
  lines: OrderLine[];
  shipTo: ShipTo[];
  /**
   * What the shipment flow needs of the order's consignments (flows/fulfillment/order-snapshot.ts),
   * so a shipment does not read the order again. Internal: never sent to the browser.
   */
  consignments?: unknown;
}

function parseDetails(v: unknown): OrderDetails | null {
  if (v == null) return null;
  try {
    const d = JSON.parse(String(v)) as Partial<OrderDetails>;
    return {
      lines: Array.isArray(d.lines) ? d.lines : [],
      shipTo: Array.isArray(d.shipTo) ? d.shipTo : [],
      ...(Array.isArray(d.consignments) ? { consignments: d.consignments } : {}),
    };
  } catch {
    return null; // a damaged cell must not break the order page: the lines are read again on the next sync
  }
}

export type CancelOutcome = 'pending' | 'cancelled' | 'too_late' | 'rejected' | 'failed';

type Raw = Record<string, unknown>;
/** A raw `orders` row → OrderRow (also used by orders-query.ts). */
export const toRow = (r: Raw): OrderRow => ({
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
  attentionSubject: r.attention_subject == null ? null : String(r.attention_subject),
  bcStatusSeenAt: r.bc_status_seen_at == null ? null : Number(r.bc_status_seen_at),
  ruleId: r.rule_id == null ? null : Number(r.rule_id),
  releasedRuleId: r.released_rule_id == null ? null : Number(r.released_rule_id),
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
