import { describe, expect, it, vi } from 'vitest';
import { createLeaveGuard, leavePromptText, leavingPath } from '../../client/src/lib/leaveGuard.js';
import { isConflict, isDirty, sameIdSet, sameValues, shownValues } from '../../client/src/pages/settings/settingsForm.js';
import { ApiRequestError } from '../../client/src/api/http.js';

function registry(initial: string[]) {
  let forms = [...initial];
  return { forms: () => forms, discard: vi.fn(() => void (forms = [])), set: (next: string[]) => void (forms = next) };
}

describe('the leave guard', () => {
  it('goes at once when no form has unsaved changes', () => {
    const guard = createLeaveGuard(registry([]));
    const go = vi.fn();
    expect(guard.requestLeave(go)).toBe(true);
    expect(go).toHaveBeenCalledTimes(1);
    expect(guard.pending()).toBeNull();
  });

  it('asks first with unsaved changes; "Stay" keeps them and goes nowhere', () => {
    const forms = registry(['Order import']);
    const guard = createLeaveGuard(forms);
    const go = vi.fn();
    const heard = vi.fn();
    guard.subscribe(heard);
    expect(guard.requestLeave(go)).toBe(false);
    expect(guard.pending()?.forms).toEqual(['Order import']);
    expect(heard).toHaveBeenCalledTimes(1);
    guard.stay();
    expect(guard.pending()).toBeNull();
    expect(go).not.toHaveBeenCalled();
    expect(forms.discard).not.toHaveBeenCalled();
  });

  it('"Leave without saving" forgets the changes, then goes', () => {
    const forms = registry(['Order import', 'Cancellations']);
    const guard = createLeaveGuard(forms);
    const go = vi.fn(() => expect(forms.forms()).toEqual([]));
    guard.requestLeave(go);
    guard.confirm();
    expect(forms.discard).toHaveBeenCalledTimes(1);
    expect(go).toHaveBeenCalledTimes(1);
    expect(guard.pending()).toBeNull();
    guard.confirm();
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('names the forms in the prompt', () => {
    expect(leavePromptText(['Order import'])).toBe('You have unsaved changes in Order import. Leave without saving?');
    expect(leavePromptText(['Order import', 'Orders flow', 'Cancellations'])).toBe(
      'You have unsaved changes in Order import, Orders flow and Cancellations. Leave without saving?',
    );
  });
});

describe('which link clicks leave the page', () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  const link = (href: string, target = '') => ({ href, target, download: false });
  const here = { origin: 'https://app.example', pathname: '/settings/orders' };

  it('holds a plain click to another in-app page', () => {
    expect(leavingPath(click, link('https://app.example/orders?state=held'), here)).toBe('/orders?state=held');
    expect(leavingPath(click, link('/settings/shipping#shipping-mappings'), here)).toBe('/settings/shipping#shipping-mappings');
  });

  it('lets through the same page, other sites, new tabs, modified clicks and downloads', () => {
    expect(leavingPath(click, link('/settings/orders#rules'), here)).toBeNull();
    expect(leavingPath(click, link('https://www.aftership.com/couriers'), here)).toBeNull();
    expect(leavingPath(click, link('/orders', '_blank'), here)).toBeNull();
    expect(leavingPath({ ...click, metaKey: true }, link('/orders'), here)).toBeNull();
    expect(leavingPath({ ...click, button: 1 }, link('/orders'), here)).toBeNull();
    expect(leavingPath(click, { href: '/orders.csv', target: '', download: true }, here)).toBeNull();
  });
});

describe('dirty tracking (the one save model)', () => {
  it('is dirty only while the edits differ from what is saved', () => {
    const saved = { importStatusId: 11, statusAfterAcceptId: null as number | null };
    expect(isDirty(saved, null)).toBe(false);
    expect(shownValues(saved, null)).toBe(saved);
    expect(isDirty(saved, { importStatusId: 9, statusAfterAcceptId: null })).toBe(true);
    // Edited back to the saved value: nothing to save, nothing to warn about.
    expect(isDirty(saved, { importStatusId: 11, statusAfterAcceptId: null })).toBe(false);
    expect(isDirty({ on: true }, { on: false })).toBe(true);
  });

  it('compares lists deeply, and cancellation statuses as sets', () => {
    expect(sameValues({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'x' } })).toBe(true);
    expect(sameValues([1, 2], [2, 1])).toBe(false);
    expect(sameIdSet([5, 6], [6, 5])).toBe(true);
    expect(sameIdSet([5], [5, 6])).toBe(false);
  });

  it('tells a conflict (409) from other failures', () => {
    expect(isConflict(new ApiRequestError(409, 'settings_changed', 'Changed by someone else'))).toBe(true);
    expect(isConflict(new ApiRequestError(400, 'settings_contradiction', 'No'))).toBe(false);
    expect(isConflict(null)).toBe(false);
  });
});
