// Issue 9 points 2, 4, 5 (client): order rules in words, the rule editor's draft and checks, the
// dry run's wording and request, and the fallback shipping method form. Pure logic, no DOM.
import { describe, expect, it } from 'vitest';
import type { OrderPreviewResponse, OrderRule } from '../../server/api/contract.js';
import { ApiRequestError } from '../../client/src/api/http.js';
import { fallbackInput, fallbackSavedText, fallbackValues, sameFallback, validateFallback } from '../../client/src/pages/rules/fallback.js';
import { bodyCaption, parseOrderNumber, previewHref, previewOrderParam, previewSummary, rulesWithDraft } from '../../client/src/pages/rules/preview.js';
import {
  conditionError,
  draftOf,
  emptyDraft,
  inputOf,
  isStale,
  movedIds,
  newCondition,
  sameDraft,
  serverFieldErrors,
  splitValues,
  validateDraft,
  withField,
} from '../../client/src/pages/rules/ruleDraft.js';
import { affectedOrdersHref, affectedText, describeCondition, describeConditions, operatorsFor } from '../../client/src/pages/rules/ruleWords.js';

const rule = (over: Partial<OrderRule> = {}): OrderRule => ({
  id: 2,
  name: 'International',
  action: 'hold',
  enabled: true,
  conditions: [{ field: 'country', operator: 'is_none_of', values: ['US', 'CA'] }],
  position: 1,
  builtIn: null,
  ordersAffected: 0,
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

const preview = (over: Partial<OrderPreviewResponse> = {}): OrderPreviewResponse => ({
  orderId: 1042,
  outcome: 'send',
  reason: null,
  rule: null,
  body: { external_id: '1042' },
  connected: true,
  notes: [],
  ...over,
});

describe('rules in words', () => {
  it('say what a rule matches as one sentence', () => {
    expect(describeCondition({ field: 'country', operator: 'is_none_of', values: ['US', 'CA'] })).toBe('Destination country is not US, CA');
    expect(describeCondition({ field: 'order_total', operator: 'greater_than', values: ['500'] })).toBe('Order total is more than 500');
    expect(describeCondition({ field: 'shipping_method', operator: 'is_any_of', values: ['Express', 'Next Day'] })).toBe('Shipping method is “Express”, “Next Day”');
    expect(describeCondition({ field: 'status', operator: 'is_any_of', values: ['12'] })).toBe('BigCommerce status is Manual Verification Required');
    expect(
      describeConditions([
        { field: 'customer_group', operator: 'is_any_of', values: ['2'] },
        { field: 'channel', operator: 'is_none_of', values: ['1'] },
      ]),
    ).toBe('Customer group is 2 and Sales channel is not 1');
  });

  it('count the orders a rule affects, singular and plural, and link to them filtered', () => {
    expect(affectedText({ action: 'hold', ordersAffected: 1 })).toBe('1 held order');
    expect(affectedText({ action: 'skip', ordersAffected: 3 })).toBe('3 skipped orders');
    expect(affectedText({ action: 'hold', ordersAffected: 0 })).toBe('None');
    expect(affectedOrdersHref('hold')).toBe('/orders?state=held');
    expect(affectedOrdersHref('skip')).toBe('/orders?state=skipped');
  });

  it('offer the operators each field compares with', () => {
    expect(operatorsFor('country').map((o) => o.value)).toEqual(['is_any_of', 'is_none_of']);
    expect(operatorsFor('order_total').map((o) => o.content)).toEqual(['is more than', 'is less than']);
  });
});

describe('the rule draft', () => {
  it('turns typed values into the API input: commas, upper-case countries, no repeats', () => {
    expect(splitValues(' us, ca ,,US\ngb', 'country')).toEqual(['US', 'CA', 'GB']);
    expect(splitValues('Flat Rate, Express', 'shipping_method')).toEqual(['Flat Rate', 'Express']);
    const draft = { ...emptyDraft(), name: '  International ' };
    draft.conditions[0] = { ...draft.conditions[0]!, operator: 'is_none_of', valuesText: 'us' };
    expect(inputOf(draft)).toEqual({ name: 'International', action: 'hold', enabled: true, conditions: [{ field: 'country', operator: 'is_none_of', values: ['US'] }] });
  });

  it('round-trips a saved rule, so opening and closing it is not a change', () => {
    const saved = rule();
    const draft = draftOf(saved);
    expect(draft.conditions[0]!.valuesText).toBe('US, CA');
    expect(sameDraft(draft, draftOf(saved))).toBe(true);
    expect(sameDraft({ ...draft, action: 'skip' }, draftOf(saved))).toBe(false);
  });

  it('checks before sending, keyed like the server’s field errors', () => {
    const draft = emptyDraft();
    expect(validateDraft(draft)).toEqual({
      name: 'Give the rule a name, e.g. International.',
      'conditions.0.values': expect.stringContaining('Enter at least one value.'),
    });
    const bad = {
      ...draft,
      name: 'Big',
      conditions: [
        { ...newCondition('country'), valuesText: 'USA' },
        { ...newCondition('order_total'), valuesText: 'lots' },
      ],
    };
    const errors = validateDraft(bad);
    expect(errors['conditions.0.values']).toBe('Country codes are 2 letters (US, CA, GB): “USA” is not one.');
    expect(errors['conditions.1.values']).toBe('Enter one amount, e.g. 100 or 99.50.');
    expect(validateDraft({ ...draft, name: 'x', conditions: [] })).toMatchObject({ conditions: expect.stringContaining('at least one condition') });
    expect(validateDraft({ ...bad, conditions: [{ ...newCondition('customer_group'), valuesText: '2, 5' }] })).toEqual({});
  });

  it('shows the server’s field errors next to the condition they name', () => {
    const error = new ApiRequestError(400, 'bad_request', 'The rule is not valid', {
      'conditions.1.operator': 'uses is_any_of or is_none_of',
      name: 'Already used by another rule',
    });
    const fields = serverFieldErrors(error);
    expect(conditionError(fields, 1)).toBe('uses is_any_of or is_none_of');
    expect(conditionError(fields, 0)).toBeUndefined();
    expect(fields.name).toBe('Already used by another rule');
  });

  it('keeps the values but takes a valid operator when the field changes', () => {
    const c = { ...newCondition('country'), operator: 'is_none_of' as const, valuesText: '100' };
    expect(withField(c, 'sku').operator).toBe('is_none_of');
    expect(withField(c, 'order_total')).toMatchObject({ field: 'order_total', operator: 'greater_than', valuesText: '100' });
  });

  it('tells "someone else changed it" (409 stale, or deleted) from other refusals', () => {
    expect(isStale(new ApiRequestError(409, 'stale', 'Changed by someone else'))).toBe(true);
    expect(isStale(new ApiRequestError(404, 'not_found', 'No such rule'))).toBe(true);
    expect(isStale(new ApiRequestError(409, 'duplicate', 'A rule named "X" already exists'))).toBe(false);
    expect(isStale(new ApiRequestError(400, 'bad_request', 'Bad'))).toBe(false);
  });

  it('moves a rule one place up or down, not past the ends', () => {
    const rules = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(movedIds(rules, 3, -1)).toEqual([1, 3, 2]);
    expect(movedIds(rules, 1, 1)).toEqual([2, 1, 3]);
    expect(movedIds(rules, 1, -1)).toBeNull();
    expect(movedIds(rules, 3, 1)).toBeNull();
  });
});

describe('the dry run', () => {
  it('reads an order number as typed, and says what to type otherwise', () => {
    expect(parseOrderNumber(' #1042 ')).toEqual({ ok: true, orderId: 1042 });
    expect(parseOrderNumber('')).toEqual({ ok: false, message: 'Enter a BigCommerce order number, e.g. 1042.' });
    expect(parseOrderNumber('abc')).toMatchObject({ ok: false, message: expect.stringContaining('“abc” is not an order number') });
    expect(parseOrderNumber('0')).toMatchObject({ ok: false });
  });

  it('links from the order page to the dry run for that order, and reads the link back', () => {
    expect(previewHref(1042)).toBe('/settings/orders?previewOrder=1042#preview');
    expect(previewOrderParam('?previewOrder=1042')).toBe(1042);
    expect(previewOrderParam('?previewOrder=x')).toBeNull();
    expect(previewOrderParam('')).toBeNull();
  });

  it('says the outcome in words: sent, held by rule X, skipped, cannot be sent because …', () => {
    expect(previewSummary(preview())).toMatchObject({ tone: 'success', header: 'Order #1042 would be sent' });
    expect(previewSummary(preview({ connected: false })).text).toContain('once it is connected');
    expect(
      previewSummary(
        preview({
          outcome: 'held',
          rule: { id: 2, name: 'International', action: 'hold' },
          reason: 'Held by rule "International": it waits until someone releases it.',
          body: null,
        }),
      ),
    ).toEqual({ tone: 'warning', header: 'Order #1042 would be held by rule “International”', text: 'Held by rule "International": it waits until someone releases it.' });
    expect(previewSummary(preview({ outcome: 'skipped', rule: { id: 3, name: 'Digital', action: 'skip' }, reason: null, body: null })).header).toBe(
      'Order #1042 would be skipped by rule “Digital”',
    );
    expect(previewSummary(preview({ outcome: 'cannot_send', reason: 'Shipping method "Express" has no mapping.', body: null }))).toMatchObject({
      tone: 'error',
      header: 'Order #1042 cannot be sent yet',
      text: 'Because: Shipping method "Express" has no mapping.',
    });
    expect(bodyCaption(preview())).toBe('The body that would be sent (POST /v1/orders)');
    expect(bodyCaption(preview({ outcome: 'held', body: null }))).toContain('No body');
  });

  it('tries a draft in place of the rule it edits, or after the saved ones for a new rule', () => {
    const saved = [
      rule({ id: 1, name: 'Manual Verification Required', position: 0, builtIn: 'manual_verification', conditions: [{ field: 'status', operator: 'is_any_of', values: ['12'] }] }),
      rule({ id: 2, position: 1 }),
    ];
    const draft = { name: 'International', action: 'skip' as const, enabled: true, conditions: [{ field: 'country' as const, operator: 'is_none_of' as const, values: ['US'] }] };
    const edited = rulesWithDraft(saved, 2, draft);
    expect(edited.map((r) => [r.id, r.name, r.action])).toEqual([
      [1, 'Manual Verification Required', 'hold'],
      [2, 'International', 'skip'],
    ]);
    const added = rulesWithDraft(saved, null, { ...draft, name: 'New' });
    expect(added.map((r) => r.name)).toEqual(['Manual Verification Required', 'International', 'New']);
    expect(added[2]!.id).toBeUndefined();
  });
});

describe('the fallback shipping method form', () => {
  it('is off (null) or a trimmed code, and checks the code before sending', () => {
    expect(fallbackValues({ backendCode: null })).toEqual({ on: false, code: '' });
    expect(fallbackInput({ on: true, code: ' GROUND ' })).toEqual({ backendCode: 'GROUND' });
    expect(fallbackInput({ on: false, code: 'GROUND' })).toEqual({ backendCode: null });
    expect(validateFallback({ on: true, code: ' ' })).toMatchObject({ backendCode: expect.stringContaining('Enter the warehouse’s shipping method code') });
    expect(validateFallback({ on: true, code: 'X'.repeat(101) })).toMatchObject({ backendCode: expect.stringContaining('At most 100') });
    expect(validateFallback({ on: false, code: '' })).toEqual({});
  });

  it('is not dirty after turning it off and on again, and says what a save did', () => {
    expect(sameFallback({ on: false, code: 'A' }, { on: false, code: '' })).toBe(true);
    expect(sameFallback({ on: true, code: 'A' }, { on: false, code: 'A' })).toBe(false);
    expect(fallbackSavedText({ backendCode: 'GROUND' })).toContain('sent as GROUND');
    expect(fallbackSavedText({ backendCode: null })).toContain('held until you map it');
  });
});
