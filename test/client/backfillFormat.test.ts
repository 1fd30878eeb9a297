import { describe, expect, it } from 'vitest';
import type { BackfillCounts, BackfillView } from '../../server/api/contract.js';
import {
  countsLine,
  defaultRange,
  rangeInput,
  durationWords,
  orders,
  progressLine,
  progressPercent,
  rangeText,
  shareExample,
  validateRange,
  validateShare,
} from '../../client/src/pages/backfill/format.js';

// Issue 9 point 3: the words of the import of waiting orders and of the API quota share.

const counts = (over: Partial<BackfillCounts> = {}): BackfillCounts => ({
  total: 5_000,
  listed: 1_500,
  alreadySent: 0,
  queued: 1_500,
  sent: 1_240,
  held: 0,
  skipped: 0,
  pending: 260,
  done: 1_240,
  ...over,
});
const view = (over: Partial<BackfillView> = {}): Pick<BackfillView, 'state' | 'counts' | 'eta' | 'from' | 'to'> => ({
  state: 'running',
  counts: counts(),
  eta: { remainingMs: 21 * 60_000, quotaShare: 60 },
  from: null,
  to: null,
  ...over,
});

describe('backfill progress words', () => {
  it('says the counts, the time left and the share', () => {
    expect(progressLine(view())).toBe('1,240 of 5,000 orders · about 21 minutes left at 60% of your API quota');
    expect(progressLine(view({ eta: { remainingMs: null, quotaShare: 80 } }))).toBe('1,240 of 5,000 orders · estimating the time left at 80% of your API quota');
    expect(progressLine(view({ counts: counts({ total: null, done: 1 }) }))).toBe('1 order so far · counting the waiting orders…');
    expect(progressLine(view({ state: 'paused' }))).toBe('1,240 of 5,000 orders · paused');
    expect(progressLine(view({ state: 'done', counts: counts({ total: 1, done: 1 }) }))).toBe('Finished: 1 order');
    expect(progressLine(view({ state: 'cancelled' }))).toBe('Cancelled after 1,240 of 5,000 orders');
  });

  it('times in minutes and hours, singular and plural', () => {
    expect(durationWords(20_000)).toBe('less than a minute');
    expect(durationWords(60_000)).toBe('about 1 minute');
    expect(durationWords(21 * 60_000 + 10_000)).toBe('about 21 minutes');
    expect(durationWords(60 * 60_000)).toBe('about 1 hour');
    expect(durationWords(65 * 60_000)).toBe('about 1 hour 5 minutes');
    expect(durationWords(121 * 60_000)).toBe('about 2 hours 1 minute');
    expect(durationWords(5 * 60 * 60_000 + 20 * 60_000)).toBe('about 5 hours');
    expect(orders(1)).toBe('1 order');
    expect(orders(12_000)).toBe('12,000 orders');
  });

  it('the bar: done of the total, whole percent; full once finished', () => {
    expect(progressPercent(view())).toBe(24);
    expect(progressPercent(view({ counts: counts({ total: null }) }))).toBe(0);
    expect(progressPercent(view({ state: 'done', counts: counts({ total: 0, done: 0 }) }))).toBe(100);
  });

  it('the counts leave zeros out and agree in number', () => {
    expect(countsLine(counts())).toBe('1,240 sent · 260 on their way');
    expect(countsLine(counts({ held: 1, skipped: 2, alreadySent: 3, pending: 1 }))).toBe(
      '1,240 sent · 1 needs attention · 2 no longer waiting · 3 already at the warehouse · 1 on its way',
    );
  });

  it('the range in the merchant’s own days', () => {
    expect(rangeText(view())).toBe('All orders waiting in the import status');
    expect(rangeText(view({ from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T03:59:59.999Z' }), 'en-US', 'America/New_York')).toBe('Orders created Mar 1, 2026 – Mar 31, 2026');
  });
});

describe('the start dialog', () => {
  it('checks the days before sending', () => {
    expect(validateRange('', '')).toEqual({ from: 'Choose the first day', to: 'Choose the last day' });
    expect(validateRange('2026-03-05', '2026-03-01').to).toMatch(/not be before/);
    expect(validateRange('2025-03-01', '2026-03-01')).toEqual({}); // 366 days
    expect(validateRange('2025-03-01', '2026-03-02').to).toMatch(/366 days/);
  });

  it('sends the whole of both local days; opens on the last 30 days', () => {
    const input = rangeInput('2026-03-01', '2026-03-31');
    expect(new Date(input.from).getDate()).toBe(1);
    expect(new Date(input.from).getHours()).toBe(0);
    expect(new Date(input.to).getDate()).toBe(31);
    expect(new Date(input.to).getHours()).toBe(23);
    expect(defaultRange(Date.parse('2026-03-31T12:00:00'))).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });
});

describe('the API quota share form', () => {
  it('takes a whole percentage from 10 to 100', () => {
    expect(validateShare('60')).toEqual({});
    expect(validateShare('')).toEqual({ percent: 'Enter a percentage' });
    expect(validateShare('9').percent).toMatch(/At least 10%/);
    expect(validateShare('101').percent).toBe('At most 100%');
    expect(validateShare('50.5').percent).toBe('Enter a whole percentage');
  });

  it('says what a share means in time', () => {
    expect(shareExample(60)).toBe("At 60%, 1,000 orders waiting in your store import in about 6 minutes on BigCommerce's Standard plan (150 requests every 30 seconds).");
    expect(shareExample(100)).toMatch(/about 3 minutes/);
  });
});
