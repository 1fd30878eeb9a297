// Issue 8 point 1: the Overview's words, badges and plurals.
import { describe, expect, it } from 'vitest';
import {
  aboutDuration,
  backlogText,
  flowCountText,
  flowHealthBadge,
  quotaText,
  scopeName,
  warehouseBadge,
  webhookBadge,
  webhooksNeedRepair,
} from '../../client/src/pages/overview/health.js';

const NOW = Date.parse('2026-03-04T15:00:00Z');

describe('Overview health words', () => {
  it('flow health badges', () => {
    expect(flowHealthBadge('healthy')).toEqual({ label: 'Healthy', variant: 'success' });
    expect(flowHealthBadge('degraded')).toEqual({ label: 'Degraded', variant: 'warning' });
    expect(flowHealthBadge('failing')).toEqual({ label: 'Failing', variant: 'danger' });
    expect(flowHealthBadge('off')).toEqual({ label: 'Off', variant: 'secondary' });
    expect(flowHealthBadge('paused_by_ops')).toEqual({ label: 'Paused by ops', variant: 'secondary' });
  });

  it('counts with the right plural per flow', () => {
    expect(flowCountText({ flow: 'orders', countLabel: 'orders sent' }, 1)).toBe('1 order sent');
    expect(flowCountText({ flow: 'orders', countLabel: 'orders sent' }, 0)).toBe('0 orders sent');
    expect(flowCountText({ flow: 'fulfillment', countLabel: 'shipments written' }, 1200)).toBe('1,200 shipments written');
    expect(flowCountText({ flow: 'inventory', countLabel: 'stock updates' }, 1)).toBe('1 stock update');
    expect(flowCountText({ flow: 'cancellations', countLabel: 'cancellations' }, 2)).toBe('2 cancellations');
  });

  it('backlog: jobs waiting and when they will be done', () => {
    expect(backlogText({ jobsWaiting: 142, ordersQueued: 120, estimatedDoneAt: new Date(NOW + 3 * 60_000).toISOString() }, NOW)).toBe(
      '142 jobs waiting (120 orders to send), done in about 3 minutes.',
    );
    expect(backlogText({ jobsWaiting: 1, ordersQueued: 0, estimatedDoneAt: null }, NOW)).toBe('1 job waiting.');
    expect(backlogText({ jobsWaiting: 1, ordersQueued: 1, estimatedDoneAt: new Date(NOW + 20_000).toISOString() }, NOW)).toBe(
      '1 job waiting (1 order to send), done in less than a minute.',
    );
    expect(backlogText({ jobsWaiting: 0, ordersQueued: 0, estimatedDoneAt: null }, NOW)).toBe('Nothing waiting: every job is done.');
    expect(aboutDuration(60_000)).toBe('about 1 minute');
    expect(aboutDuration(2 * 60 * 60_000)).toBe('about 2 hours');
  });

  it('API quota use', () => {
    expect(quotaText({ quota: 150, left: 30, windowMs: 30_000, observedAt: new Date(NOW).toISOString(), exhaustedAt: null })).toBe('API use: 120 of 150 requests in the last 30 s');
    expect(quotaText({ quota: 1, left: 1, windowMs: null, observedAt: new Date(NOW).toISOString(), exhaustedAt: null })).toBe('API use: 0 of 1 request');
    expect(quotaText(null)).toBeNull();
  });

  it('warehouse and webhook badges', () => {
    expect(warehouseBadge('ok').label).toBe('Connected');
    expect(warehouseBadge('unreachable')).toEqual({ label: 'Unreachable', variant: 'danger' });
    expect(webhookBadge({ present: true, active: true }).label).toBe('Active');
    expect(webhookBadge({ present: true, active: false }).label).toBe('Deactivated');
    expect(webhookBadge({ present: false, active: false }).label).toBe('Missing');
    expect(scopeName('store/order/statusUpdated')).toBe('Order status changed');
    expect(webhooksNeedRepair({ webhooks: [{ scope: 's', present: true, active: false, lastEventAt: null }], webhooksError: null })).toBe(true);
    expect(webhooksNeedRepair({ webhooks: [{ scope: 's', present: true, active: true, lastEventAt: null }], webhooksError: null })).toBe(false);
  });
});
