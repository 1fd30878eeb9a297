// Order rules over an order's facts (issue 9 point 4): each field and operator, the first
// matching enabled rule by position decides, a released rule does not hold again.
import { describe, expect, it } from 'vitest';
import type { RuleCondition } from '../../server/api/contract-rules.js';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { conditionMatches, evaluateRules, rulesNeedCustomerGroup, type EvaluableRule } from '../../server/flows/rules/evaluate.js';
import { orderFactsOf, type OrderFacts } from '../../server/flows/rules/order-facts.js';

const order = orderSchema.parse({
  id: 7,
  status_id: 11,
  customer_id: 42,
  total_inc_tax: '361.9500',
  payment_method: 'Credit Card',
  channel_id: 2,
  consignments: {
    shipping: [
      { id: 1, country_iso2: 'ca', shipping_method: ' Express ', line_items: [{ id: 1, sku: 'LAMP-RED ', quantity: 1 }] },
      { id: 2, country_iso2: 'US', shipping_method: 'Flat Rate', line_items: [{ id: 2, sku: 'MUG', quantity: 2 }] },
      { id: 3, country_iso2: 'FR', shipping_method: 'Nothing shipped here', line_items: [] },
    ],
  },
});
const facts: OrderFacts = { ...orderFactsOf(order), customerGroup: '3' };
const cond = (field: RuleCondition['field'], operator: RuleCondition['operator'], ...values: string[]): RuleCondition => ({ field, operator, values });
const rule = (id: number | null, over: Partial<EvaluableRule> = {}): EvaluableRule => ({
  id,
  name: `Rule ${id}`,
  action: 'hold',
  enabled: true,
  conditions: [cond('country', 'is_any_of', 'CA')],
  ...over,
});

describe('order facts', () => {
  it('reads countries, methods and SKUs of the consignments that ship something, and the order fields', () => {
    expect(orderFactsOf(order)).toEqual({
      countries: ['CA', 'US'],
      shippingMethods: ['Express', 'Flat Rate'],
      skus: ['LAMP-RED', 'MUG'],
      total: 361.95,
      paymentMethod: 'Credit Card',
      channelId: 2,
      statusId: 11,
      customerId: 42,
    });
  });

  it('a guest and an order without money or channel fields', () => {
    const bare = orderFactsOf(orderSchema.parse({ id: 8, status_id: 12 }));
    expect(bare).toMatchObject({ countries: [], total: null, paymentMethod: null, channelId: null, customerId: 0, statusId: 12 });
  });
});

describe('conditions', () => {
  it.each([
    [cond('country', 'is_any_of', 'ca'), true],
    [cond('country', 'is_any_of', 'FR'), false], // FR ships nothing
    [cond('country', 'is_none_of', 'GB', 'DE'), true],
    [cond('country', 'is_none_of', 'US'), false],
    [cond('shipping_method', 'is_any_of', 'express'), true],
    [cond('shipping_method', 'is_none_of', 'Express'), false],
    [cond('sku', 'is_any_of', 'lamp-red'), true],
    [cond('sku', 'is_any_of', 'LAMP'), false],
    [cond('customer_group', 'is_any_of', '3'), true],
    [cond('customer_group', 'is_none_of', '3'), false],
    [cond('order_total', 'greater_than', '300'), true],
    [cond('order_total', 'greater_than', '361.95'), false],
    [cond('order_total', 'less_than', '400'), true],
    [cond('payment_method', 'is_any_of', 'credit card'), true],
    [cond('payment_method', 'is_none_of', 'PayPal'), true],
    [cond('channel', 'is_any_of', '1'), false],
    [cond('channel', 'is_any_of', '2'), true],
    [cond('status', 'is_any_of', '12'), false],
    [cond('status', 'is_none_of', '12'), true],
  ])('%o → %s', (c, expected) => {
    expect(conditionMatches(c, facts)).toBe(expected);
  });

  it('an order without a total matches neither greater_than nor less_than', () => {
    const noTotal = { ...facts, total: null };
    expect(conditionMatches(cond('order_total', 'greater_than', '0'), noTotal)).toBe(false);
    expect(conditionMatches(cond('order_total', 'less_than', '1000'), noTotal)).toBe(false);
  });

  it('a customer BigCommerce no longer has is in no listed group', () => {
    const gone = { ...facts, customerGroup: null };
    expect(conditionMatches(cond('customer_group', 'is_any_of', '0', '3'), gone)).toBe(false);
    expect(conditionMatches(cond('customer_group', 'is_none_of', '3'), gone)).toBe(true);
  });
});

describe('evaluateRules', () => {
  it('the first matching enabled rule by the order given decides; every condition must match', () => {
    const rules = [
      rule(1, { enabled: false }),
      rule(2, { conditions: [cond('country', 'is_any_of', 'CA'), cond('order_total', 'greater_than', '1000')] }),
      rule(3, { action: 'skip', name: 'Canada' }),
      rule(4, { name: 'Later' }),
    ];
    expect(evaluateRules(rules, facts)).toEqual({ id: 3, name: 'Canada', action: 'skip' });
    expect(evaluateRules(rules.slice(0, 2), facts)).toBeNull();
  });

  it('a rule with no conditions matches nothing', () => {
    expect(evaluateRules([rule(1, { conditions: [] })], facts)).toBeNull();
  });

  it('the rule an order was released from does not hold it again; another rule still may', () => {
    const rules = [rule(1, { name: 'International' }), rule(2, { name: 'Big orders', conditions: [cond('order_total', 'greater_than', '100')] })];
    expect(evaluateRules(rules, facts, 1)).toMatchObject({ id: 2 });
    expect(evaluateRules(rules.slice(0, 1), facts, 1)).toBeNull();
    // A draft (unsaved, id null) is never taken for the released rule.
    expect(evaluateRules([rule(null)], facts, 1)).toMatchObject({ id: null });
  });

  it('says when the customer group must be read: only for an enabled rule other than the released one', () => {
    const group = [cond('customer_group', 'is_any_of', '2')];
    expect(rulesNeedCustomerGroup([rule(1)])).toBe(false);
    expect(rulesNeedCustomerGroup([rule(1, { conditions: group, enabled: false })])).toBe(false);
    expect(rulesNeedCustomerGroup([rule(1, { conditions: group })], 1)).toBe(false);
    expect(rulesNeedCustomerGroup([rule(1, { conditions: group })])).toBe(true);
  });
});
