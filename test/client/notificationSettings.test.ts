// Issue 8 point 8: Settings › Notifications form logic.
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, parseRecipients, toggleKind, validateNotificationInput } from '../../client/src/pages/settings/notifications.js';

describe('notification settings form', () => {
  it('reads recipients separated by commas, semicolons or lines', () => {
    expect(parseRecipients(' a@x.test,b@x.test;\n\nc@x.test ')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(parseRecipients('  \n ')).toEqual([]);
  });

  it('says what is wrong before sending', () => {
    expect(validateNotificationInput(true, 'a@x.test, bob@', ['orders_failed'])).toEqual({ ok: false, fields: { recipients: '“bob@” is not a valid e-mail address.' } });
    expect(validateNotificationInput(true, '', [])).toEqual({
      ok: false,
      fields: { recipients: 'Add at least one recipient to turn e-mail notifications on.', kinds: 'Choose at least one problem to be e-mailed about.' },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `p${i}@x.test`).join('\n');
    expect(validateNotificationInput(false, eleven, [])).toMatchObject({ ok: false, fields: { recipients: expect.stringContaining('At most 10 recipients') } });
  });

  it('sends the kinds in checkbox order, and allows turning off with nothing filled in', () => {
    expect(validateNotificationInput(true, 'a@x.test', ['orders_failed', 'warehouse_unreachable'])).toEqual({
      ok: true,
      input: { enabled: true, recipients: ['a@x.test'], kinds: ['warehouse_unreachable', 'orders_failed'] },
    });
    expect(validateNotificationInput(false, '', [])).toEqual({ ok: true, input: { enabled: false, recipients: [], kinds: [] } });
    expect(toggleKind(ALL_KINDS, 'orders_failed', false)).not.toContain('orders_failed');
    expect(toggleKind(['token_invalid'], 'orders_failed', true)).toEqual(['token_invalid', 'orders_failed']);
  });
});
