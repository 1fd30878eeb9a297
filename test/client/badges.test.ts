import { describe, expect, it } from 'vitest';
import {
  canRetry,
  humanize,
  levelBadge,
  ORDER_STATES,
  orderStateBadge,
  WEBHOOK_STATUSES,
  webhookStatusBadge,
} from '../../client/src/lib/badges.js';

describe('orderStateBadge', () => {
  it('maps every state to a readable label and colour', () => {
    expect(ORDER_STATES.map((state) => [state, orderStateBadge(state)])).toEqual([
      ['waiting', { label: 'Waiting', variant: 'secondary' }],
      ['sent', { label: 'Sent', variant: 'success' }],
      ['needs_attention', { label: 'Needs attention', variant: 'warning' }],
      ['failed', { label: 'Failed', variant: 'danger' }],
      ['shipped', { label: 'Shipped', variant: 'primary' }],
      ['cancelled', { label: 'Cancelled', variant: 'secondary' }],
    ]);
  });

  it('shows unknown states readably instead of breaking', () => {
    expect(orderStateBadge('on_hold')).toEqual({ label: 'On hold', variant: 'secondary' });
    expect(orderStateBadge('toString')).toEqual({ label: 'Tostring', variant: 'secondary' });
  });
});

describe('webhookStatusBadge and levelBadge', () => {
  it('maps webhook statuses', () => {
    expect(WEBHOOK_STATUSES.map((status) => webhookStatusBadge(status).variant)).toEqual([
      'primary',
      'success',
      'secondary',
      'secondary',
      'danger',
    ]);
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

  it('offers Retry only for held or failed orders', () => {
    expect(ORDER_STATES.filter(canRetry)).toEqual(['needs_attention', 'failed']);
  });
});
