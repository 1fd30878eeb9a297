// The order rule a person saves or tries in the dry run, validated with messages that say what to
// change; the wire types are derived from these schemas (contract-rules.ts). Values are stored as the import compares them: countries upper-case,
// methods and SKUs as mappings spell them (mapping-keys.ts), ids as whole numbers.
import { z } from 'zod';
import type { RuleCondition, RuleField } from '../../domain/rules.js';
import { normaliseMappingKey } from '../../../shared/mapping-keys.js';

export const MAX_CONDITIONS = 20;
export const MAX_VALUES = 50;
export const RULE_NAME_MAX = 80;

const FIELDS = ['country', 'shipping_method', 'sku', 'customer_group', 'order_total', 'payment_method', 'channel', 'status'] as const satisfies readonly RuleField[];
const FIELD_WORDS: Record<RuleField, string> = {
  country: 'A destination country condition',
  shipping_method: 'A shipping method condition',
  sku: 'A SKU condition',
  customer_group: 'A customer group condition',
  order_total: 'An order total condition',
  payment_method: 'A payment method condition',
  channel: 'A sales channel condition',
  status: 'An order status condition',
};
const NUMBER_IDS: readonly RuleField[] = ['customer_group', 'channel', 'status'];

const condition = z
  .object({
    field: z.enum(FIELDS, { error: `must be one of ${FIELDS.join(', ')}` }),
    operator: z.enum(['is_any_of', 'is_none_of', 'greater_than', 'less_than'], { error: 'must be is_any_of, is_none_of, greater_than or less_than' }),
    values: z
      .array(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'at most 255 characters each'), { error: 'must be a list of values' })
      .min(1, 'needs at least one value')
      .max(MAX_VALUES, `at most ${MAX_VALUES} values`),
  })
  .superRefine((c, ctx) => {
    const words = FIELD_WORDS[c.field];
    const issue = (message: string, path: Array<string | number> = ['values']) => ctx.addIssue({ code: 'custom', message, path });
    if (c.field === 'order_total') {
      if (c.operator !== 'greater_than' && c.operator !== 'less_than') issue(`${words} compares with greater_than or less_than`, ['operator']);
      else if (c.values.length !== 1 || !/^\d+(\.\d{1,4})?$/.test(c.values[0]!)) issue(`${words} needs one number, e.g. 100 or 99.50`);
      return;
    }
    if (c.operator !== 'is_any_of' && c.operator !== 'is_none_of') issue(`${words} uses is_any_of or is_none_of`, ['operator']);
    if (c.field === 'country') {
      const bad = c.values.find((v) => !/^[A-Za-z]{2}$/.test(v));
      if (bad !== undefined) issue(`Country codes are 2 letters (ISO 3166, e.g. US, CA, GB): "${bad}" is not one`);
    } else if (NUMBER_IDS.includes(c.field)) {
      const bad = c.values.find((v) => !/^\d{1,9}$/.test(v));
      if (bad !== undefined) issue(`${words} takes ids as whole numbers${c.field === 'customer_group' ? ' (0: guests and customers in no group)' : ''}: "${bad}" is not one`);
    }
  })
  .transform((c): RuleCondition => {
    const norm = (v: string) =>
      c.field === 'country' ? v.toUpperCase() : c.field === 'shipping_method' || c.field === 'sku' ? normaliseMappingKey(v) : NUMBER_IDS.includes(c.field) ? String(Number(v)) : v;
    return { field: c.field, operator: c.operator, values: [...new Set(c.values.map(norm))] };
  });

/** POST /api/rules, and each draft of the dry run. */
export const ruleInput = z.object({
  name: z.string({ error: 'Give the rule a name' }).trim().min(1, 'Give the rule a name').max(RULE_NAME_MAX, `At most ${RULE_NAME_MAX} characters`),
  action: z.enum(['hold', 'skip'], { error: 'must be hold or skip' }),
  enabled: z.boolean({ error: 'must be true or false' }),
  conditions: z
    .array(condition, { error: 'must be a list of conditions' })
    .min(1, 'A rule needs at least one condition')
    .max(MAX_CONDITIONS, `At most ${MAX_CONDITIONS} conditions per rule`),
});

/** PUT /api/rules/:id: the rule as the person last saw it is named, so a stale save is refused. */
export const ruleUpdateInput = ruleInput.extend({
  baseUpdatedAt: z
    .string({ error: "is required: send the rule's updatedAt from when you opened it" })
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be the ISO-8601 updatedAt the rule was read with'),
});

/** POST /api/rules/order */
export const ruleOrderInput = z.object({
  ids: z
    .array(z.number({ error: 'must be rule ids' }).int('must be whole numbers').positive('must be positive'), { error: 'must be the list of rule ids in their new order' })
    .min(1, 'name every rule')
    .max(1000, 'at most 1000 rules'),
});

/** POST /api/orders/:orderId/preview: draft rules (optionally naming the saved rule they edit). */
export const previewInput = z.object({
  rules: z
    .array(ruleInput.extend({ id: z.number().int().positive().optional(), baseUpdatedAt: z.string().optional() }), { error: 'must be a list of rules' })
    .max(200, 'at most 200 rules')
    .optional(),
});
