// Which statusUpdated event names the order's status now, when events arrive out of order.
import { describe, expect, it } from 'vitest';
import { latestStatusChange, statusChangeOf, type StatusChange } from '../../server/storage/status-changes.js';

const change = (previous: number, next: number, receivedAt: number, id: number, createdAt?: number): StatusChange => ({ previous, next, receivedAt, id, createdAt });

describe('the latest status change', () => {
  it('none for no events', () => {
    expect(latestStatusChange([])).toBeUndefined();
  });

  it('a shipment’s two changes stamped alike and stored in reverse: the chain decides (Shipped, not Partially Shipped)', () => {
    const shipped = change(3, 2, 1_000, 4, 1);
    const partially = change(9, 3, 1_000, 5, 1);
    expect(latestStatusChange([partially, shipped])?.next).toBe(2);
    expect(latestStatusChange([shipped, partially])?.next).toBe(2);
  });

  it('BigCommerce’s created_at orders changes a second or more apart, whatever the arrival order', () => {
    const first = change(11, 9, 5_000, 9, 100);
    const second = change(9, 11, 2_000, 3, 101);
    expect(latestStatusChange([first, second])?.next).toBe(11);
  });

  it('without a chain or created_at, the last to arrive wins', () => {
    expect(latestStatusChange([change(11, 3, 1_000, 1), change(11, 2, 1_001, 2)])?.next).toBe(2);
    expect(latestStatusChange([change(11, 3, 1_000, 2), change(11, 2, 1_000, 1)])?.next).toBe(3);
  });

  it('reads BigCommerce’s payload, and ignores one that names no new status', () => {
    const payload = JSON.stringify({ created_at: 1796078642, data: { type: 'order', id: 1, status: { previous_status_id: 9, new_status_id: 3 } } });
    expect(statusChangeOf(payload, 7, 8)).toEqual({ previous: 9, next: 3, createdAt: 1796078642, receivedAt: 7, id: 8 });
    expect(statusChangeOf('{"data":{}}', 7, 8)).toBeUndefined();
    expect(statusChangeOf('not json', 7, 8)).toBeUndefined();
  });
});
