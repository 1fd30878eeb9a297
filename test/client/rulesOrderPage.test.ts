// Issue 9 point 4 (client): the order page and list for orders an order rule holds or skips: the
// "Held by a rule" / "Skipped by a rule" pills, "Held by rule “International”" with Release and a
// link to the dry run for that order, a skipped order's rule, the words after Release.
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../server/api/contract.js';
import { orderPills, PILL_ORDER, stateForPill } from '../../client/src/pages/orders/pills.js';
import { releasedText, remedyView } from '../../client/src/pages/orders/remedy.js';

type Fields = Pick<OrderDetail, 'orderId' | 'backendOrderId' | 'state' | 'remedy' | 'attentionReason' | 'lastError' | 'canRetry'>;

const heldByRule = (changes: Partial<Fields> = {}): Fields => ({
  orderId: 1042,
  backendOrderId: null,
  state: 'held',
  attentionReason: 'Held by the order rule "International".',
  lastError: null,
  canRetry: false,
  remedy: {
    code: 'held_by_rule',
    message:
      'Held by the order rule "International". Release it to send it now (that rule does not hold it again), or change the rule: the orders it holds are then checked again.',
    subject: 'International',
    action: { label: 'Review order rules', path: '/settings/orders#rules' },
    canRetry: false,
    canRelease: true,
  },
  ...changes,
});

describe('orders held or skipped by a rule', () => {
  it('have their own pills with counts, held next to the attention group and skipped last', () => {
    const pills = orderPills({ all: 9, attention: 3, held: 2, skipped: 1 });
    const ids = pills.map((p) => p.id);
    expect(ids.indexOf('held')).toBe(ids.indexOf('failed') + 1);
    expect(ids.at(-1)).toBe('skipped');
    expect(pills.find((p) => p.id === 'held')?.title).toBe('Held by a rule 2');
    expect(pills.find((p) => p.id === 'skipped')?.title).toBe('Skipped by a rule 1');
    expect(PILL_ORDER.filter((id) => id === 'held' || id === 'skipped')).toHaveLength(2);
    expect(stateForPill('held')).toBe('held');
    expect(stateForPill('skipped')).toBe('skipped');
  });

  it('show "Held by rule “International”" with Release, the rules and the dry run for that order', () => {
    expect(remedyView(heldByRule())).toEqual({
      tone: 'warning',
      header: 'Held by rule “International”',
      message: expect.stringContaining('Release it to send it now'),
      subject: null,
      action: { label: 'Review order rules', path: '/settings/orders#rules' },
      retry: false,
      afterFix: null,
      release: true,
      preview: '/settings/orders?previewOrder=1042#preview',
    });
  });

  it('offer no Release when the server says it cannot help, and no preview once sent', () => {
    const noRelease = heldByRule({ remedy: { ...heldByRule().remedy!, canRelease: false } });
    expect(remedyView(noRelease)?.release).toBeUndefined();
    const sent = remedyView({
      ...heldByRule(),
      state: 'needs_attention',
      backendOrderId: 'WH-1',
      remedy: { code: 'warehouse_conflict', message: 'Conflict', subject: null, action: null, canRetry: true },
      canRetry: true,
    });
    expect(sent).toMatchObject({ header: 'Your warehouse reported a conflict', retry: true });
    expect(sent?.preview).toBeUndefined();
    expect(sent?.release).toBeUndefined();
  });

  it('name the rule even without a remedy (an older answer), and offer Release then', () => {
    const view = remedyView(heldByRule({ remedy: null, attentionReason: null }));
    expect(view).toMatchObject({ header: 'Held by an order rule', message: 'An order rule holds it. Release it to send it now, or change the rule.', release: true });
  });

  it('show a skipped order’s rule and reason, where to change it, and the dry run; no Release or Retry', () => {
    const view = remedyView(heldByRule({ state: 'skipped', remedy: null, attentionReason: 'Skipped by rule "Digital": it is never sent to the warehouse.' }));
    expect(view).toEqual({
      tone: 'info',
      header: 'Skipped by an order rule',
      message: 'Skipped by rule "Digital": it is never sent to the warehouse.',
      subject: null,
      action: { label: 'Review order rules', path: '/settings/orders#rules' },
      retry: false,
      afterFix: null,
      preview: '/settings/orders?previewOrder=1042#preview',
    });
  });

  it('say after Release that the order is on its way and the rule won’t hold it again', () => {
    expect(releasedText(1042, 'International')).toBe('Order #1042 is on its way to your warehouse; rule “International” won’t hold it again.');
    expect(releasedText(7, null)).toContain('the rule won’t hold it again');
  });
});
