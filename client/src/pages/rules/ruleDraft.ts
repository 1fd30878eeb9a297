// The rule editor's draft: what the modal holds while a rule is added or edited, how it becomes
// the API's OrderRuleInput, the checks made before sending (the server checks again and its
// field errors land next to the same fields), and what a failed save means. Pure.
import type { OrderRule, OrderRuleInput, RuleAction, RuleCondition, RuleField, RuleOperator } from '../../../../server/api/contract.js';
import type { ApiRequestError } from '../../api/http.js';
import { defaultOperator, fieldInfo, operatorsFor } from './ruleWords.js';

export interface ConditionDraft {
  /** Stable React key while conditions are added and removed. */
  key: number;
  field: RuleField;
  operator: RuleOperator;
  /** As typed: "US, CA". */
  valuesText: string;
}

export interface RuleDraft {
  name: string;
  action: RuleAction;
  enabled: boolean;
  conditions: ConditionDraft[];
}

export type FieldErrors = Record<string, string>;

/** The server's limits (server/api/inputs/rules.ts), so the form says it before sending. */
export const RULE_NAME_MAX = 80;
export const MAX_CONDITIONS = 20;
export const MAX_VALUES = 50;

let nextKey = 1;

export function newCondition(field: RuleField = 'country'): ConditionDraft {
  return { key: nextKey++, field, operator: defaultOperator(field), valuesText: '' };
}

export function emptyDraft(): RuleDraft {
  return { name: '', action: 'hold', enabled: true, conditions: [newCondition('country')] };
}

export function draftOf(rule: Pick<OrderRule, 'name' | 'action' | 'enabled' | 'conditions'>): RuleDraft {
  return {
    name: rule.name,
    action: rule.action,
    enabled: rule.enabled,
    conditions: rule.conditions.map((c) => ({ key: nextKey++, field: c.field, operator: c.operator, valuesText: c.values.join(', ') })),
  };
}

/** A new field keeps the typed values but takes an operator it supports. */
export function withField(c: ConditionDraft, field: RuleField): ConditionDraft {
  const keeps = operatorsFor(field).some((o) => o.value === c.operator);
  return { ...c, field, operator: keeps ? c.operator : defaultOperator(field) };
}

/** "us, ca ,," → ["US", "CA"]: commas or new lines separate; countries upper-case; no repeats. */
export function splitValues(text: string, field: RuleField): string[] {
  const parts = text
    .split(fieldInfo(field).numeric ? /\n/ : /[,\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => (field === 'country' ? v.toUpperCase() : v));
  return [...new Set(parts)];
}

export function conditionOf(c: ConditionDraft): RuleCondition {
  return { field: c.field, operator: c.operator, values: splitValues(c.valuesText, c.field) };
}

export function inputOf(draft: RuleDraft): OrderRuleInput {
  return { name: draft.name.trim(), action: draft.action, enabled: draft.enabled, conditions: draft.conditions.map(conditionOf) };
}

/** Unchanged from what was opened (the leave guard and Save/Cancel go by this). */
export function sameDraft(a: RuleDraft, b: RuleDraft): boolean {
  return JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));
}

function valuesError(c: RuleCondition): string | null {
  const info = fieldInfo(c.field);
  if (c.values.length === 0) return info.numeric ? 'Enter an amount, e.g. 100 or 99.50.' : `Enter at least one value. ${info.hint}`;
  if (c.values.length > MAX_VALUES) return `At most ${MAX_VALUES} values.`;
  if (info.numeric) return c.values.length === 1 && /^\d+(\.\d{1,4})?$/.test(c.values[0]!) ? null : 'Enter one amount, e.g. 100 or 99.50.';
  if (c.field === 'country') {
    const bad = c.values.find((v) => !/^[A-Z]{2}$/.test(v));
    return bad === undefined ? null : `Country codes are 2 letters (US, CA, GB): “${bad}” is not one.`;
  }
  if (c.field === 'customer_group' || c.field === 'channel' || c.field === 'status') {
    const bad = c.values.find((v) => !/^\d{1,9}$/.test(v));
    return bad === undefined ? null : `${info.label} ids are whole numbers: “${bad}” is not one.`;
  }
  const long = c.values.find((v) => v.length > 255);
  return long === undefined ? null : 'Each value is at most 255 characters.';
}

/** Checks before sending, keyed like the server's field errors ("name", "conditions.0.values"). */
export function validateDraft(draft: RuleDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the rule a name, e.g. International.';
  else if (name.length > RULE_NAME_MAX) errors.name = `At most ${RULE_NAME_MAX} characters.`;
  if (draft.conditions.length === 0) errors.conditions = 'Add at least one condition: a rule without one would match every order.';
  else if (draft.conditions.length > MAX_CONDITIONS) errors.conditions = `At most ${MAX_CONDITIONS} conditions.`;
  draft.conditions.forEach((c, i) => {
    const message = valuesError(conditionOf(c));
    if (message) errors[`conditions.${i}.values`] = message;
  });
  return errors;
}

/** The message for condition i, whichever of its parts the server named. */
export function conditionError(errors: FieldErrors, index: number): string | undefined {
  const p = `conditions.${index}`;
  return errors[`${p}.values`] ?? errors[`${p}.operator`] ?? errors[`${p}.field`] ?? errors[p];
}

/** Someone else changed (or deleted) the rule since it was opened: offer to reload. */
export function isStale(error: ApiRequestError | null | undefined): boolean {
  return error != null && ((error.status === 409 && error.code === 'stale') || (error.status === 404 && error.code === 'not_found'));
}

/** Field errors of a failed save: the server's (a duplicate name names `name`). */
export function serverFieldErrors(error: ApiRequestError | null | undefined): FieldErrors {
  return error?.fields ? { ...error.fields } : {};
}

/** The ids in their new order after moving `id` one place up or down; null at the edge. */
export function movedIds(rules: ReadonlyArray<Pick<OrderRule, 'id'>>, id: number, direction: -1 | 1): number[] | null {
  const ids = rules.map((r) => r.id);
  const from = ids.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids;
}
