// Order rules, the dry-run preview and the fallback shipping method (issue 9 points 2, 4, 5).
// Types only: the client imports this file with `import type`.

// The rules and the preview are domain types (server/domain/rules.ts, order-preview.ts), sent unchanged.
export type { RuleAction, RuleField, RuleOperator, RuleCondition, OrderRule } from '../domain/rules.js';
export type { PreviewOutcome } from '../domain/order-preview.js';
import type { OrderRule } from '../domain/rules.js';
import type { OrderPreview } from '../domain/order-preview.js';
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

/**
 * POST /api/orders/:orderId/preview body: draft rules tried instead of the saved ones (in this
 * order; a draft may name the saved rule it edits with `id`, so an order released from that rule
 * is not shown as held by it again).
 */
export type OrderPreviewRequest = z.input<typeof previewInput>;

/** POST /api/orders/:orderId/preview  body: OrderPreviewRequest (server/domain/order-preview.ts, sent unchanged). */
export type OrderPreviewResponse = OrderPreview;

/** GET/PUT /api/settings/fallback-shipping: unmapped methods use this warehouse code instead of holding the order. */
export type FallbackShippingSettings = z.input<typeof fallbackInput>;
