// Issue 9 point 9: the Audit log says what was done in merchant words and shows before → after as
// the changed fields only; large values leave the table for the on-demand view; filters live in the URL.
import { describe, expect, it } from 'vitest';
import { formatListState, parseListState, withFilters } from '../../client/src/lib/listQuery.js';
import { actionChoices, actionLabel, actorText, changeLine, changeRows, fieldLabel, fullChangeLine, personChoices, valueText } from '../../client/src/pages/audit/format.js';
import { AUDIT_FILTER_SPECS, auditApiPath, auditPathFor } from '../../client/src/pages/audit/query.js';

describe('actionLabel', () => {
  it('says the recorded actions in merchant words', () => {
    expect(actionLabel('settings.import')).toBe('Changed the order import status');
    expect(actionLabel('mapping.sku.import')).toBe('Imported SKU mappings');
    expect(actionLabel('webhook.replay')).toBe('Replayed a webhook');
    expect(actionLabel('order.retry-bulk')).toBe('Retried orders');
    expect(actionLabel('team.permission')).toBe('Changed who may change settings');
    expect(actionLabel('notifications.test')).toBe('Sent a test e-mail');
    expect(actionLabel('settings.api_quota_share')).toBe('Changed the share of the API quota');
    expect(actionLabel('rules.reorder')).toBe('Reordered the order rules');
  });

  it('gives actions it does not know plain words rather than the dotted name', () => {
    expect(actionLabel('settings.packing-slip')).toBe('Changed the packing slip settings');
    expect(actionLabel('bundles.delete')).toBe('Deleted bundles');
    expect(actionLabel('mapping.location.save')).toBe('Saved mapping location');
    expect(actionLabel('something_odd')).toBe('Something odd');
    expect(actionLabel('')).toBe('Unknown action');
  });
});

describe('changeRows and changeLine', () => {
  it('lists only the fields that changed, in words', () => {
    const rows = changeRows(
      { enabled: false, recipients: ['ops@example.com'], kinds: ['orders_failed'] },
      { enabled: true, recipients: ['ops@example.com', 'boss@example.com'], kinds: ['orders_failed'] },
    );
    expect(rows.map(changeLine)).toEqual(['On: No → Yes', 'Recipients: added boss@example.com']);
    expect(rows.every((r) => !r.large)).toBe(true);
  });

  it('lists say what was added and removed; from or to an empty list they say the values', () => {
    expect(changeRows({ recipients: ['a@x.com', 'b@x.com'] }, { recipients: ['b@x.com', 'c@x.com'] }).map(changeLine)).toEqual(['Recipients: added c@x.com; removed a@x.com']);
    expect(changeRows({ recipients: [] }, { recipients: ['a@x.com'] }).map(changeLine)).toEqual(['Recipients: none → a@x.com']);
    expect(changeRows({ kinds: ['a', 'b'] }, { kinds: ['b', 'a'] }).map(changeLine)).toEqual(['Problems e-mailed about: reordered']);
  });

  it('an action with only an outcome shows the outcome; nothing recorded shows nothing', () => {
    expect(changeRows(null, { result: 'Event #3 is queued.' }).map(changeLine)).toEqual(['Result: Event #3 is queued.']);
    expect(changeRows({ canManage: true }, null).map(changeLine)).toEqual(['Can change settings: was Yes']);
    expect(changeRows(null, null)).toEqual([]);
    expect(changeRows({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('a field that appears on one side only reads "none" on the other', () => {
    expect(changeRows({ state: 'failed' }, { state: 'queued', attempts: 0 }).map(changeLine)).toEqual(['Status: failed → queued', 'Attempts: none → 0']);
  });

  it('values that are not records are one "Value" row; nested or long values are marked large', () => {
    expect(changeRows('Flat Rate', 'GROUND').map(changeLine)).toEqual(['Value: Flat Rate → GROUND']);
    const [long] = changeRows({ note: 'x'.repeat(81) }, { note: 'y' });
    expect(long!.large).toBe(true);
    expect(changeLine(long!)).toBe('Note: changed');
    const [nested] = changeRows({ rule: { when: { country: ['GB'] }, then: 'hold' } }, { rule: { when: { country: ['GB', 'FR'] }, then: 'hold' } });
    expect(nested!.large).toBe(true);
    // The table says that it changed; the full view shows how.
    expect(changeLine(nested!)).toBe('Rule: changed');
    expect(fullChangeLine(nested!)).toBe('Rule: changed (see before and after below)');
    expect(fullChangeLine(long!)).toBe(`Note: ${'x'.repeat(81)} → y`);
  });
});

describe('words for values, fields and people', () => {
  it('values read as a merchant would say them', () => {
    expect([valueText(true), valueText(false), valueText(null), valueText([]), valueText(1200), valueText([201, 202])]).toEqual(['Yes', 'No', 'none', 'none', '1,200', '201, 202']);
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });

  it('fields get their form labels or plain words', () => {
    expect(fieldLabel('canManage')).toBe('Can change settings');
    expect(fieldLabel('statusAfterAcceptId')).toBe('Status after acceptance');
    expect(fieldLabel('apiKey')).toBe('API key'); // never "Api key"
    expect(fieldLabel('apiQuotaShare')).toBe('Api quota share');
  });

  it('the app acting on its own is named as such', () => {
    expect(actorText(null)).toBe('Fulfillment Bridge (automatic)');
    expect(actorText({ email: 'ana@example.com' })).toBe('ana@example.com');
  });
});

describe('filters', () => {
  it('offer actions A–Z in words and people by e-mail, keeping a choice from the URL', () => {
    expect(actionChoices(['webhook.replay', 'order.retry'], '')).toEqual([
      { value: 'webhook.replay', content: 'Replayed a webhook' },
      { value: 'order.retry', content: 'Retried an order' },
    ]);
    expect(actionChoices(['order.retry'], 'rules.delete').map((c) => c.value)).toEqual(['rules.delete', 'order.retry']);
    expect(personChoices([{ userId: 22, email: 'ana@example.com' }], '99')).toEqual([
      { value: '99', content: 'User #99' },
      { value: '22', content: 'ana@example.com' },
    ]);
  });

  it('live in the URL and become the API query (local days → instants)', () => {
    const state = parseListState('?action=order.retry&userId=22&from=2026-03-01&to=2026-03-07&page=2', AUDIT_FILTER_SPECS);
    expect(state.filters).toEqual({ action: 'order.retry', userId: '22', from: '2026-03-01', to: '2026-03-07' });
    expect(state.page).toBe(2);
    const path = auditApiPath(state);
    expect(path).toMatch(/^\/api\/audit\?page=2&limit=25&action=order\.retry&userId=22&from=2026-03-0[12]T[^&]+&to=2026-03-0[78]T/);
    expect(formatListState(withFilters(state, { userId: '' }), AUDIT_FILTER_SPECS)).toBe('?action=order.retry&from=2026-03-01&to=2026-03-07');
    // A hand-edited URL with a malformed action or person is no filter.
    expect(parseListState('?action=drop%20table&userId=abc', AUDIT_FILTER_SPECS).filters).toMatchObject({ action: '', userId: '' });
    expect(auditPathFor('mapping.sku.import')).toBe('/audit?action=mapping.sku.import');
  });
});
