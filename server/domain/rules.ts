// Order rules: hold or skip orders that match every condition (issue 9 point 2).

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
  /** ISO-8601; for optimistic concurrency: a change based on an older one is refused. */
  updatedAt: string;
}
