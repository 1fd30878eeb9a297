import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../server/api/contract.js';
import { bcStatusText, bulkRetryMessage, listDetailText, nextAttemptText, nextStepText, resolvedNotice, timelineRepeatText } from '../../client/src/pages/orders/orderText.js';
import { formatClock } from '../../client/src/pages/orders/time.js';

const UTC = { locale: 'en-GB', timeZone: 'UTC' };
const now = new Date('2026-03-05T10:45:00Z');

const summary = (changes: Partial<OrderSummary> = {}): OrderSummary => ({
  orderId: 1042,
  customer: 'Jane Doe',
  email: 'jane@example.com',
  orderDate: '2026-03-05T09:00:00Z',
  state: 'retrying',
  bcStatus: 'Awaiting Fulfillment',
  backendOrderId: null,
  lastError: 'Your warehouse could not be reached.',
  attempts: 2,
  nextAttemptAt: '2026-03-05T10:52:00Z',
  updatedAt: '2026-03-05T10:44:00Z',
  ...changes,
});

describe('formatClock', () => {
  it('shows the time alone today, the day too otherwise', () => {
    expect(formatClock('2026-03-05T10:52:00Z', now, UTC)).toBe('10:52');
    expect(formatClock('2026-03-04T16:05:00Z', now, UTC)).toBe('4 Mar, 16:05');
    expect(formatClock('2025-12-31T08:00:00Z', now, UTC)).toBe('31 Dec 2025, 8:00');
    expect(formatClock('2026-03-05T15:40:00Z', now, { locale: 'en-US', timeZone: 'UTC' })).toBe('3:40 PM');
    expect(formatClock('not a date', now, UTC)).toBeNull();
    expect(formatClock(null, now, UTC)).toBeNull();
  });
});

describe('next attempt', () => {
  it('names the time and the attempt number that comes next', () => {
    expect(nextAttemptText(summary(), now, UTC)).toBe('Next attempt at 10:52 (attempt 3)');
    expect(nextAttemptText(summary({ nextAttemptAt: '2026-03-05T10:40:00Z' }), now, UTC)).toBe('Next attempt due now (attempt 3)');
    expect(nextAttemptText(summary({ nextAttemptAt: null }), now, UTC)).toBeNull();
  });

  it('says what happens next for retrying, queued and waiting orders only', () => {
    expect(nextStepText(summary(), now, UTC)).toEqual({
      header: 'Retrying',
      text: 'Attempt 2 failed: Your warehouse could not be reached. Next attempt at 10:52 (attempt 3). Nothing to do unless it keeps failing.',
    });
    expect(nextStepText(summary({ attempts: 1 }), now, UTC)?.text).toMatch(/^The first attempt failed: /);
    expect(nextStepText(summary({ state: 'queued', attempts: 0, nextAttemptAt: null }), now, UTC)).toEqual({
      header: 'Queued',
      text: 'The order is sent to your warehouse within seconds.',
    });
    expect(nextStepText(summary({ state: 'waiting' }), now, UTC)?.header).toBe('Waiting for the import status');
    for (const state of ['sent', 'shipped', 'needs_attention', 'failed'] as const) {
      expect(nextStepText(summary({ state }), now, UTC)).toBeNull();
    }
  });

  it('gives retrying rows their attempts and next attempt time in the list', () => {
    expect(listDetailText(summary(), now, UTC)).toBe('2 attempts made · next at 10:52 · Your warehouse could not be reached.');
    expect(listDetailText(summary({ attempts: 1 }), now, UTC)).toMatch(/^1 attempt made · /);
    expect(listDetailText(summary({ state: 'failed', lastError: 'Out of retries.' }), now, UTC)).toBe('Out of retries.');
    expect(listDetailText(summary({ state: 'sent', lastError: null }), now, UTC)).toBe('');
  });
});

describe('BigCommerce status as last seen', () => {
  it('says when it was seen', () => {
    expect(bcStatusText('Awaiting Fulfillment', '2026-03-05T10:41:00Z', now, UTC)).toBe('Awaiting Fulfillment, seen 10:41');
    expect(bcStatusText('Shipped', null, now, UTC)).toBe('Shipped');
    expect(bcStatusText(null, '2026-03-05T10:41:00Z', now, UTC)).toBeNull();
  });
});

describe('folded timeline entries', () => {
  it('reads "7 times since 10:40 · last 10:51"', () => {
    expect(timelineRepeatText({ at: '2026-03-05T10:40:00Z', lastAt: '2026-03-05T10:51:00Z', count: 7 }, now, UTC)).toBe('7 times since 10:40 · last 10:51');
  });

  it('says nothing for a single entry', () => {
    expect(timelineRepeatText({ at: '2026-03-05T10:40:00Z', lastAt: '2026-03-05T10:40:00Z', count: 1 }, now, UTC)).toBeNull();
  });
});

describe('bulkRetryMessage', () => {
  it('counts with the right plural and names what was skipped and why', () => {
    expect(bulkRetryMessage({ retried: 3, skipped: [{ orderId: 1042, reason: 'Map “Flat Rate” first.' }] })).toEqual({
      type: 'success',
      text: '3 orders queued again, 1 skipped: #1042 (Map “Flat Rate” first).',
    });
    expect(bulkRetryMessage({ retried: 1, skipped: [] })).toEqual({
      type: 'success',
      text: '1 order queued again. They are sent to your warehouse within seconds.',
    });
  });

  it('warns when nothing was queued and shortens a long list', () => {
    const skipped = [1, 2, 3, 4, 5].map((orderId) => ({ orderId, reason: 'Already sent' }));
    expect(bulkRetryMessage({ retried: 0, skipped })).toEqual({
      type: 'warning',
      text: 'No orders were queued again, 5 skipped: #1 (Already sent), #2 (Already sent), #3 (Already sent) and 2 more.',
    });
  });
});

describe('resolvedNotice', () => {
  it('says so when a held order starts moving', () => {
    expect(resolvedNotice('needs_attention', 'queued')).toMatch(/^The problem is fixed: the order is queued/);
    expect(resolvedNotice('rejected', 'sent')).toMatch(/sent to your warehouse/);
  });

  it('stays quiet on the first load and between ordinary states', () => {
    expect(resolvedNotice(null, 'queued')).toBeNull();
    expect(resolvedNotice('queued', 'sent')).toBeNull();
    expect(resolvedNotice('needs_attention', 'failed')).toBeNull();
    expect(resolvedNotice('failed', 'cancelled')).toBeNull();
  });
});
