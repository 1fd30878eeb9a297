// Issue 8 point 8: the banner's logic: which alerts show, what a dismissal covers, and that a poll
// finding the same problems changes nothing (so nothing on the page moves).
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../server/api/contract.js';
import { canDismiss, dismissalId, inAppPath, messageTypeOf, nextAlerts, parseDismissed, serializeDismissed, visibleAlerts } from '../../client/src/layout/alerts.js';

const outage: AlertView = {
  kind: 'warehouse_unreachable',
  key: 'warehouse_unreachable',
  severity: 'critical',
  message: 'Warehouse unreachable since 10:40 — 12 orders waiting',
  since: '2026-03-02T10:40:00.000Z',
  action: { label: 'Check the warehouse connection', path: '/settings' },
};
const attention: AlertView = {
  kind: 'orders_need_attention',
  key: 'orders_need_attention',
  severity: 'warning',
  message: '3 orders need attention',
  since: null,
  action: { label: 'Review orders', path: '/orders?state=attention' },
};
const repaired: AlertView = { kind: 'webhooks_deactivated', key: 'webhooks_deactivated', severity: 'info', message: 'Webhooks deactivated — repaired', since: null, action: null };

describe('alerts banner', () => {
  it('maps severity to the message type', () => {
    expect([outage, attention, repaired].map(messageTypeOf)).toEqual(['error', 'warning', 'info']);
  });

  it('lets only notices be dismissed, and hides a dismissed notice until its words change', () => {
    expect([outage, attention, repaired].map(canDismiss)).toEqual([false, false, true]);
    const dismissed = new Set([dismissalId(repaired), dismissalId(outage)]);
    // A problem stays even if a stale dismissal names it.
    expect(visibleAlerts([outage, attention, repaired], dismissed)).toEqual([outage, attention]);
    const changed = { ...repaired, message: 'Webhooks deactivated again — repaired' };
    expect(visibleAlerts([changed], dismissed)).toEqual([changed]);
  });

  it('keeps the same list object when a poll finds the same problems, and takes the new one when anything shown changed', () => {
    const current = [outage, attention];
    expect(nextAlerts(current, [{ ...outage }, { ...attention }])).toBe(current);
    const moreWaiting = [{ ...outage, message: 'Warehouse unreachable since 10:40 — 13 orders waiting' }, attention];
    expect(nextAlerts(current, moreWaiting)).toBe(moreWaiting);
    const newAction = [outage, { ...attention, action: { label: 'Review orders', path: '/orders?state=failed' } }];
    expect(nextAlerts(current, newAction)).toBe(newAction);
    const reordered = [attention, outage];
    expect(nextAlerts(current, reordered)).toBe(reordered);
    const fixed: AlertView[] = [];
    expect(nextAlerts(current, fixed)).toBe(fixed);
  });

  it('stores dismissals of notices still up only, and reads anything unreadable as none', () => {
    const stored = serializeDismissed(new Set([dismissalId(repaired), 'gone\u0000old notice']), [outage, repaired]);
    expect(parseDismissed(stored)).toEqual(new Set([dismissalId(repaired)]));
    expect(parseDismissed(null)).toEqual(new Set());
    expect(parseDismissed('{not json')).toEqual(new Set());
    expect(parseDismissed('{"a":1}')).toEqual(new Set());
  });

  it('follows only in-app paths', () => {
    expect(inAppPath('/orders?state=attention')).toBe('/orders?state=attention');
    expect(inAppPath('//evil.example/x')).toBeNull();
    expect(inAppPath('https://evil.example/')).toBeNull();
    expect(inAppPath('/\\evil.example')).toBeNull();
  });
});
