import type { RuleAction, RuleCondition, RuleField } from '../../domain/rules.js';
import type { OrderFacts } from './order-facts.js';

// Order rules over an order's facts. Pure: the sync and the dry run (decide-order.ts) both call
// it, so what the preview shows is what the import does.

/** A rule as evaluated: saved (id) or a draft tried in the dry run (id null). */
export interface EvaluableRule {
  id: number | null;
  name: string;
  action: RuleAction;
  enabled: boolean;
  conditions: RuleCondition[];
}

export interface RuleMatch {
  id: number | null;
  name: string;
  action: RuleAction;
}

const lower = (v: string) => v.trim().toLowerCase();

/** The values a condition compares with, for this order (several for countries, methods, SKUs). */
function valuesOf(field: RuleField, f: OrderFacts): Array<string | number> | null {
  switch (field) {
    case 'country':
      return f.countries;
    case 'shipping_method':
      return f.shippingMethods;
    case 'sku':
      return f.skus;
    case 'customer_group':
      return f.customerGroup == null ? [] : [f.customerGroup];
    case 'order_total':
      return f.total === null ? null : [f.total];
    case 'payment_method':
      return f.paymentMethod === null ? [] : [f.paymentMethod];
    case 'channel':
      return f.channelId === null ? [] : [f.channelId];
    case 'status':
      return [f.statusId];
  }
}

/**
 * is_any_of: one of the order's values is listed · is_none_of: none is (an order with no value,
 * e.g. no payment method, matches) · greater_than / less_than: the number against values[0]; an
 * order without the number does not match either way.
 */
export function conditionMatches(c: RuleCondition, f: OrderFacts): boolean {
  const have = valuesOf(c.field, f);
  if (c.operator === 'greater_than' || c.operator === 'less_than') {
    const limit = Number(c.values[0]);
    const n = have?.[0];
    if (typeof n !== 'number' || !Number.isFinite(limit)) return false;
    return c.operator === 'greater_than' ? n > limit : n < limit;
  }
  const listed = new Set(c.values.map((v) => lower(String(v))));
  const any = (have ?? []).some((v) => listed.has(lower(String(v))));
  return c.operator === 'is_any_of' ? any : !any;
}

/** Whether an enabled rule (other than `except`) needs the customer's group. */
export function rulesNeedCustomerGroup(rules: readonly EvaluableRule[], except: number | null = null): boolean {
  return rules.some((r) => r.enabled && (r.id === null || r.id !== except) && r.conditions.some((c) => c.field === 'customer_group'));
}

/**
 * The first enabled rule, in the order given (by position), whose conditions all match; a rule
 * with no conditions matches nothing (never every order by accident). `releasedRuleId`: the rule
 * a person released the order from, which does not hold it again.
 */
export function evaluateRules(rules: readonly EvaluableRule[], facts: OrderFacts, releasedRuleId: number | null = null): RuleMatch | null {
  for (const r of rules) {
    if (!r.enabled || r.conditions.length === 0) continue;
    if (r.id !== null && r.id === releasedRuleId) continue;
    if (r.conditions.every((c) => conditionMatches(c, facts))) return { id: r.id, name: r.name, action: r.action };
  }
  return null;
}
