import { describe, expect, it } from 'vitest';
import { ORDER_STATES } from '../../client/src/lib/badges.js';
import { activePill, orderPills, PILL_ORDER, stateForPill, type OrderCounts } from '../../client/src/pages/orders/pills.js';

const counts: OrderCounts = {
  all: 1234,
  attention: 5,
  waiting: 1,
  queued: 0,
  retrying: 2,
  sent: 1200,
  partially_shipped: 1,
  held: 0,
  skipped: 0,
  shipped: 20,
  cancelled: 4,
  rejected: 1,
  needs_attention: 3,
  failed: 1,
};

describe('order state pills', () => {
  it('show their counts, the "Needs attention" group first after All', () => {
    const pills = orderPills(counts);
    expect(pills.slice(0, 5)).toEqual([
      { id: 'all', title: 'All 1,234' },
      { id: 'attention', title: 'Needs attention 5' },
      { id: 'rejected', title: 'Rejected by warehouse 1' },
      { id: 'needs_attention', title: 'Needs attention only 3' },
      { id: 'failed', title: 'Failed 1' },
    ]);
    expect(pills.find((pill) => pill.id === 'queued')?.title).toBe('Queued 0');
  });

  it('offer every state once, with names no two pills share', () => {
    expect(new Set(PILL_ORDER)).toEqual(new Set(['all', 'attention', ...ORDER_STATES]));
    const titles = orderPills(undefined).map((pill) => pill.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles[0]).toBe('All');
  });

  it('map between pills and the URL filter', () => {
    expect(activePill('')).toBe('all');
    expect(activePill('attention')).toBe('attention');
    expect(stateForPill('all')).toBe('');
    expect(stateForPill('retrying')).toBe('retrying');
    expect(stateForPill('nonsense')).toBe('');
  });
});
