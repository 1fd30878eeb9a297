// The dry run of the order import (issue 9 points 2 and 5): what would happen to an order now,
// under the saved rules or draft ones, without sending anything.
import type { RuleAction } from './rules.js';

/** What the import would do with an order now, without sending anything. */
export type PreviewOutcome =
  | 'send'
  | 'held'
  | 'skipped'
  /** Something the merchant fixes first (unmapped method, missing SKU, no warehouse connected…). */
  | 'cannot_send'
  | 'already_sent'
  | 'not_in_import_status'
  | 'cancelled';

/** The dry run of one order: what the import would do and the body it would send. */
export interface OrderPreview {
  orderId: number;
  outcome: PreviewOutcome;
  /** Why it would not be sent as it is, in merchant words (null for 'send'). */
  reason: string | null;
  /** The rule that decides, if one does. */
  rule: { id: number | null; name: string; action: RuleAction } | null;
  /** Exactly the body POST /v1/orders would carry (the frozen one once sent); null when none can be built. */
  body: unknown;
  /** Whether a warehouse is connected (the body is the same either way). */
  connected: boolean;
  /** Notes such as "Shipping method "Express" has no mapping: the fallback "STD" is used." */
  notes: string[];
}
