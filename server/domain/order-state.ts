// An order's place in the import, and why one is held. Domain types: the repositories store and
// return them, the flows decide them, and the API (server/api/contract.ts) sends them unchanged.
import type { OrderState } from '../../shared/order-state-labels.js';

/**
 * One state model, shown the same way everywhere (list, pills, detail, Overview):
 * waiting: seen, not (yet) in the import status · queued: to be sent, not tried yet ·
 * retrying: an attempt failed for a passing reason (attempts, lastError, nextAttemptAt) ·
 * sent · partially_shipped · shipped · cancelled ·
 * rejected: the warehouse refused or rejected the order (needs attention) ·
 * needs_attention: held for a reason the merchant fixes (remedy) · failed: out of retries ·
 * held: an order rule holds it (released by hand or when the rule changes) ·
 * skipped: an order rule says it is not for this warehouse (never sent).
 * The list itself lives in shared/ so the browser's pills and the server's counts use the same one.
 */
export type OrderSyncState = OrderState;

/** A state, or "attention" (needs_attention + rejected + failed): what the order list filters by. */
export type OrderStateFilter = OrderSyncState | 'attention';

/** Why an order is held, as a code (the words and the fix are built from it). */
export type AttentionCode =
  | 'unmapped_shipping_method'
  | 'unmapped_sku'
  | 'missing_sku'
  | 'backend_not_connected'
  | 'warehouse_rejected'
  | 'warehouse_conflict'
  | 'warehouse_refused_key'
  | 'out_of_retries'
  /** An order rule holds it (subject: the rule's name); Release sends it. */
  | 'held_by_rule'
  | 'other';

/** What fixes a held order. */
export interface OrderRemedy {
  code: AttentionCode;
  /** What is wrong and what fixes it, in merchant words (e.g. the warehouse's own message). */
  message: string;
  /** The method, SKU or product concerned (e.g. "Flat Rate", "LAMP-RED (Red lamp)"). */
  subject: string | null;
  /**
   * Where the fix is, inside the app, e.g. { label: 'Map "Flat Rate"', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' }.
   * The Settings page understands ?mapMethod=…#shipping-mappings (opens that method's mapping), ?mapSku=…#sku-mappings
   * (opens the SKU mapping form with the SKU filled in) and #backend (the warehouse connection); the older
   * ?tab=shipping&method=… and ?tab=sku&sku=… forms work too (client/src/pages/settings/deepLink.ts).
   */
  action: { label: string; path: string } | null;
  /** Whether Retry can help (a passing problem, or one fixed outside the app). */
  canRetry: boolean;
  /** Offer Release (POST /api/orders/:orderId/release): an order rule holds the order (held_by_rule). */
  canRelease?: boolean;
}
