// Order rules in merchant words: what a condition looks at, how it compares, a rule as one
// sentence ("Destination country is not US, CA"), and where its orders are listed. Pure.
import type { OrderRule, RuleAction, RuleCondition, RuleField, RuleOperator } from '../../../../server/api/contract.js';
import { plural } from '../../lib/text.js';
import { ordersFilteredHref } from '../orders/query.js';

export interface FieldInfo {
  field: RuleField;
  /** The picker's words and the start of the sentence. */
  label: string;
  /** Under the values input: what to type. */
  hint: string;
  placeholder: string;
  /** Compares with a number (order total) instead of a list. */
  numeric: boolean;
}

/** In the order a merchant thinks of them; 'status' is the built-in rule's and not offered. */
export const FIELDS: readonly FieldInfo[] = [
  { field: 'country', label: 'Destination country', hint: 'Two-letter country codes, separated by commas (US, CA, GB).', placeholder: 'US, CA', numeric: false },
  { field: 'shipping_method', label: 'Shipping method', hint: 'Shipping methods as checkout names them.', placeholder: 'Express', numeric: false },
  { field: 'sku', label: 'SKU', hint: 'BigCommerce SKUs, separated by commas. Matches when any line has one.', placeholder: 'LAMP-RED, LAMP-BLUE', numeric: false },
  {
    field: 'customer_group',
    label: 'Customer group',
    hint: 'Customer group ids from BigCommerce (Customers › Customer Groups); 0 is guests and customers in no group.',
    placeholder: '2',
    numeric: false,
  },
  { field: 'order_total', label: 'Order total', hint: 'The total including tax, in the order’s currency.', placeholder: '500', numeric: true },
  {
    field: 'payment_method',
    label: 'Payment method',
    hint: 'As BigCommerce shows it on the order (Credit Card, PayPal, Bank Deposit…).',
    placeholder: 'Bank Deposit',
    numeric: false,
  },
  { field: 'channel', label: 'Sales channel', hint: 'Channel ids (Channel Manager); 1 is your first storefront.', placeholder: '1', numeric: false },
];

const STATUS_FIELD: FieldInfo = { field: 'status', label: 'BigCommerce status', hint: 'Order status ids.', placeholder: '12', numeric: false };

export function fieldInfo(field: RuleField): FieldInfo {
  return FIELDS.find((f) => f.field === field) ?? STATUS_FIELD;
}

const OPERATOR_WORDS: Record<RuleOperator, string> = {
  is_any_of: 'is',
  is_none_of: 'is not',
  greater_than: 'is more than',
  less_than: 'is less than',
};

/** The operators a field compares with, as the picker offers them. */
export function operatorsFor(field: RuleField): Array<{ value: RuleOperator; content: string }> {
  const ops: RuleOperator[] = fieldInfo(field).numeric ? ['greater_than', 'less_than'] : ['is_any_of', 'is_none_of'];
  return ops.map((value) => ({ value, content: OPERATOR_WORDS[value] }));
}

/** The operator a field starts with (and falls back to when the field changes). */
export const defaultOperator = (field: RuleField): RuleOperator => (fieldInfo(field).numeric ? 'greater_than' : 'is_any_of');

const STATUS_NAMES: Record<string, string> = { '12': 'Manual Verification Required' };

function valuesText(c: RuleCondition): string {
  if (c.field === 'shipping_method' || c.field === 'payment_method') return c.values.map((v) => `“${v}”`).join(', ');
  if (c.field === 'status') return c.values.map((v) => STATUS_NAMES[v] ?? `status ${v}`).join(', ');
  return c.values.join(', ');
}

/** "Destination country is not US, CA" · "Order total is more than 500". */
export function describeCondition(c: RuleCondition): string {
  const words = OPERATOR_WORDS[c.operator] ?? c.operator;
  return `${fieldInfo(c.field).label} ${words} ${valuesText(c)}`;
}

/** Every condition must match: joined with "and". */
export function describeConditions(conditions: readonly RuleCondition[]): string {
  if (conditions.length === 0) return 'No conditions';
  return conditions.map(describeCondition).join(' and ');
}

export const ACTION_LABELS: Record<RuleAction, string> = { hold: 'Hold', skip: 'Skip' };
export const ACTION_HINTS: Record<RuleAction, string> = {
  hold: 'Hold: the order waits in the app until you release it or change the rule.',
  skip: 'Skip: the order is never sent (it is not for this warehouse).',
};

/** The Orders list filtered to what a rule's action leaves there. */
export const affectedOrdersHref = (action: RuleAction): string => ordersFilteredHref(action === 'hold' ? 'held' : 'skipped');

/** "2 held orders" · "1 skipped order" · "None". */
export function affectedText(rule: Pick<OrderRule, 'action' | 'ordersAffected'>): string {
  const n = rule.ordersAffected;
  if (!Number.isFinite(n) || n <= 0) return 'None';
  return plural(n, rule.action === 'hold' ? 'held order' : 'skipped order');
}
