import { describe, expect, it } from 'vitest';
import {
  ATTENTION_STATES,
  canRetry,
  isAttentionState,
  humanize,
  levelBadge,
  ORDER_STATES,
  orderStateBadge,
  WEBHOOK_STATUSES,
  webhookStatusBadge,
} from '../../client/src/lib/badges.js';
import { ORDER_STATE_LABELS } from '../../shared/order-state-labels.js';

describe('orderStateBadge', () => {
  it('gives every state of the model its label and a colour that means something', () => {
    expect(ORDER_STATES.map((state) => [state, orderStateBadge(state)])).toEqual([
      ['waiting', { label: 'Waiting for import status', variant: 'secondary' }],
      ['queued', { label: 'Queued', variant: 'primary' }],
      ['retrying', { label: 'Retrying', variant: 'primary' }],
      ['sent', { label: 'Sent', variant: 'primary' }],
      ['partially_shipped', { label: 'Partially shipped', variant: 'primary' }],
      ['shipped', { label: 'Shipped', variant: 'success' }],
      ['cancelled', { label: 'Cancelled', variant: 'secondary' }],
      ['held', { label: 'Held by a rule', variant: 'warning' }],
      ['skipped', { label: 'Skipped by a rule', variant: 'secondary' }],
      ['rejected', { label: 'Rejected by warehouse', variant: 'warning' }],
      ['needs_attention', { label: 'Needs attention', variant: 'warning' }],
      ['failed', { label: 'Failed', variant: 'danger' }],
    ]);
  });

  it('never shows a rejected order as cancelled, nor a partial shipment as sent', () => {
    expect(orderStateBadge('rejected').label).not.toBe(orderStateBadge('cancelled').label);
    expect(orderStateBadge('rejected').variant).toBe('warning');
    expect(orderStateBadge('partially_shipped').label).not.toBe(orderStateBadge('sent').label);
    expect(new Set(ORDER_STATES.map((state) => orderStateBadge(state).label)).size).toBe(ORDER_STATES.length);
  });

  it('shows unknown states readably instead of breaking', () => {
    expect(orderStateBadge('on_hold')).toEqual({ label: 'On hold', variant: 'secondary' });
    expect(orderStateBadge('toString')).toEqual({ label: 'Tostring', variant: 'secondary' });
  });
});

describe('webhookStatusBadge and levelBadge', () => {
  it('maps webhook statuses', () => {
    expect(WEBHOOK_STATUSES.map((status) => webhookStatusBadge(status).variant)).toEqual(['primary', 'success', 'secondary', 'secondary', 'danger']);
    expect(webhookStatusBadge('failed').label).toBe('Failed');
    expect(webhookStatusBadge('duplicate').label).toBe('Duplicate');
  });

  it('maps log levels', () => {
    expect(levelBadge('info')).toEqual({ label: 'Info', variant: 'secondary' });
    expect(levelBadge('warn')).toEqual({ label: 'Warning', variant: 'warning' });
    expect(levelBadge('error')).toEqual({ label: 'Error', variant: 'danger' });
  });
});

describe('helpers', () => {
  it('humanizes identifiers', () => {
    expect(humanize('needs_attention')).toBe('Needs attention');
    expect(humanize('')).toBe('Unknown');
  });

  it('groups and bulk-retries the states that need the merchant: rejected, held and failed', () => {
    expect(ORDER_STATES.filter(canRetry)).toEqual(['rejected', 'needs_attention', 'failed']);
    expect([...ATTENTION_STATES].sort()).toEqual(['failed', 'needs_attention', 'rejected']);
    expect(ORDER_STATES.filter(isAttentionState)).toEqual(ORDER_STATES.filter(canRetry));
  });
});

describe('one state model', () => {
  it('uses the same words as the server (CSV export, Retry reasons)', () => {
    expect(Object.fromEntries(ORDER_STATES.map((state) => [state, orderStateBadge(state).label]))).toEqual(ORDER_STATE_LABELS);
  });
});
