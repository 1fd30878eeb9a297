// Issue 9 point 1: the in-app help (onboarding steps, what each order state means) and the
// support link, which reaches the browser in the boot data.
import { describe, expect, it } from 'vitest';
import { ORDER_STATES } from '../../shared/order-state-labels.js';
import { ORDER_STATE_MEANINGS, SETUP_STEPS } from '../../client/src/help/helpContent.js';
import { getSupportContact, setSupportContact, supportLinks } from '../../client/src/help/support.js';
import { parseBootData, parseSupport } from '../../client/src/session/boot.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('support link', () => {
  it('offers the page (new tab) and the e-mail address', () => {
    expect(supportLinks({ url: 'https://help.example.com', email: 'help@example.com' })).toEqual([
      { label: 'Open the support page', href: 'https://help.example.com', newTab: true },
      { label: 'E-mail help@example.com', href: 'mailto:help@example.com?subject=Fulfillment%20Bridge', newTab: false },
    ]);
    expect(supportLinks({ url: null, email: 'help@example.com' })).toHaveLength(1);
    expect(supportLinks(null)).toEqual([]);
  });

  it('comes from the boot data, and only as a safe link', () => {
    const boot = parseBootData(encode({ path: '/setup', exchangeCode: 'c', support: { url: 'https://help.example.com', email: 'help@example.com' } }));
    expect(boot?.support).toEqual({ url: 'https://help.example.com', email: 'help@example.com' });
    expect(parseSupport({ url: 'javascript:alert(1)', email: 'help@example.com' })).toEqual({ url: null, email: 'help@example.com' });
    expect(parseSupport({ url: 'javascript:alert(1)', email: 'not an address' })).toBeNull();
    expect(parseBootData(encode({ path: '/' }))).toEqual({ path: '/' });
  });

  it('is kept for the Help panel', () => {
    setSupportContact({ url: null, email: 'help@example.com' });
    expect(getSupportContact()).toEqual({ url: null, email: 'help@example.com' });
    setSupportContact(null);
    expect(getSupportContact()).toBeNull();
  });
});

describe('help content', () => {
  it('has the four setup steps and a meaning for every order state', () => {
    expect(SETUP_STEPS.map((s) => s.title)).toEqual(['Connect the warehouse', 'Choose the order import status', 'Check your store', 'Done']);
    expect(ORDER_STATE_MEANINGS.map((m) => m.state)).toEqual([...ORDER_STATES]);
    for (const m of ORDER_STATE_MEANINGS) expect(m.meaning.length, m.state).toBeGreaterThan(20);
  });
});
