// Order rules, the dry-run preview and the fallback shipping method (issue 9 points 2, 4, 5).
// Types only: the client imports this file with `import type`.

/** hold: kept until released by hand or until the rule changes · skip: never sent (not for this warehouse). */
export type RuleAction = 'hold' | 'skip';

/**
 * What a condition looks at. country: any consignment's ISO2 destination · shipping_method: any
 * consignment's BigCommerce method · sku: any line's BigCommerce SKU · customer_group: the
 * customer's group id (guests: "0") · order_total: total_inc_tax in the order's currency ·
 * payment_method: BigCommerce's payment_method · channel: the sales channel id (multi-storefront) ·
 * status: the BigCommerce status id (the built-in Manual Verification Required rule).
 */
export type RuleField = 'country' | 'shipping_method' | 'sku' | 'customer_group' | 'order_total' | 'payment_method' | 'channel' | 'status';

/** is_any_of / is_none_of compare with `values` (case-insensitive for text); greater_than / less_than with values[0] as a number. */
export type RuleOperator = 'is_any_of' | 'is_none_of' | 'greater_than' | 'less_than';

export interface RuleCondition {
  field: RuleField;
  operator: RuleOperator;
  values: string[];
}

export interface OrderRule {
  id: number;
  name: string;
  action: RuleAction;
  enabled: boolean;
  /** Every condition must match (AND). */
  conditions: RuleCondition[];
  /** Evaluation order: the first matching enabled rule decides. */
  position: number;
  /** 'manual_verification' for the built-in rule holding Manual Verification Required orders (can be turned off, not deleted). */
  builtIn: 'manual_verification' | null;
  /** Orders it holds (or skipped) right now. */
  ordersAffected: number;
  /** For optimistic concurrency: sent back as baseUpdatedAt on PUT; a stale one answers 409. */
  updatedAt: string;
}

/** POST /api/rules, PUT /api/rules/:id (baseUpdatedAt required on PUT). */
export interface OrderRuleInput {
  name: string;
  action: RuleAction;
  enabled: boolean;
  conditions: RuleCondition[];
  baseUpdatedAt?: string;
}

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
export interface OrderPreviewRequest {
  rules?: Array<OrderRuleInput & { id?: number }>;
}

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
export interface FallbackShippingSettings {
  backendCode: string | null;
}
