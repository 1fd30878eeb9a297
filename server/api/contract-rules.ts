// Order rules, the dry-run preview and the fallback shipping method (issue 9 points 2, 4, 5).
// Types only: the client imports this file with `import type`.

// The rules themselves are domain types (server/domain/rules.ts), sent unchanged.
export type { RuleAction, RuleField, RuleOperator, RuleCondition, OrderRule } from '../domain/rules.js';
import type { OrderRule, RuleAction } from '../domain/rules.js';
import type { z } from 'zod';
import type { previewInput, ruleInput, ruleOrderInput, ruleUpdateInput } from './inputs/rules.js';
import type { fallbackInput } from './inputs/mappings.js';

/** POST /api/rules */
export type OrderRuleInput = z.input<typeof ruleInput>;

/** PUT /api/rules/:id: the rule plus the updatedAt it was read with (baseUpdatedAt); a stale one answers 409. */
export type OrderRuleUpdateInput = z.input<typeof ruleUpdateInput>;

/** POST /api/rules/order: every rule id in the new order. */
export type RuleOrderInput = z.input<typeof ruleOrderInput>;

/** GET /api/rules */
export interface OrderRulesResponse {
  items: OrderRule[];
}

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

/**
 * POST /api/orders/:orderId/preview body: draft rules tried instead of the saved ones (in this
 * order; a draft may name the saved rule it edits with `id`, so an order released from that rule
 * is not shown as held by it again).
 */
export type OrderPreviewRequest = z.input<typeof previewInput>;

/** POST /api/orders/:orderId/preview  body: OrderPreviewRequest. */
export interface OrderPreviewResponse {
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

/** GET/PUT /api/settings/fallback-shipping: unmapped methods use this warehouse code instead of holding the order. */
export type FallbackShippingSettings = z.input<typeof fallbackInput>;
