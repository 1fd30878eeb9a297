import { describe, expect, it } from 'vitest';
import { callsPerWindow, estimateRemainingMs, windowGapMs, type EtaInput, type QuotaView } from '../../server/flows/backfill/eta.js';
import { countsOf } from '../../server/flows/backfill/progress.js';
import { doneMessage } from '../../server/flows/backfill/run-backfill.js';
import type { BackfillRow } from '../../server/storage/backfill-repo.js';

const W = 30_000;
const GAP = windowGapMs(W);
const quota = (over: Partial<QuotaView> = {}): QuotaView => ({ quota: 150, windowMs: W, budget: 90, ownUsed: 0, othersUsed: 0, resetAt: undefined, ...over });
const input = (over: Partial<EtaInput> = {}): EtaInput => ({ now: 0, remainingOrders: 1_000, remainingPages: 0, callsPerOrder: 1, quota: quota(), measured: null, ...over });

describe('backfill ETA', () => {
  it('spends what is left of this window, then whole windows of the share', () => {
    // 60 left now (90 - 30), then ceil(940 / 90) = 11 windows; the last starts 10 windows after the reset.
    const ms = estimateRemainingMs(input({ quota: quota({ ownUsed: 30, resetAt: 10_000 }) }));
    expect(ms).toBe(10_000 + GAP + 10 * (W + GAP));
  });

  it('counts the listing pages and the calls per order', () => {
    const one = estimateRemainingMs(input({ remainingOrders: 900, callsPerOrder: 1 }))!;
    const three = estimateRemainingMs(input({ remainingOrders: 900, callsPerOrder: 3 }))!;
    expect(three).toBeGreaterThan(2.5 * one);
    expect(estimateRemainingMs(input({ remainingOrders: 90, remainingPages: 1 }))).toBe(0 + 1 * (W + GAP));
  });

  it('what other apps use leaves less room than the share', () => {
    expect(callsPerWindow(quota({ othersUsed: 80 }))).toBe(55); // 150 - 15 reserve - 80
    expect(callsPerWindow(quota({ othersUsed: 10 }))).toBe(90);
  });

  it('unknown total: no estimate; unknown quota: the measured rate; neither: none', () => {
    expect(estimateRemainingMs(input({ remainingOrders: null }))).toBeNull();
    const unknown = quota({ quota: undefined, budget: undefined, windowMs: undefined });
    expect(estimateRemainingMs(input({ quota: unknown, measured: { done: 100, activeMs: 120_000 } }))).toBe(1_200_000);
    expect(estimateRemainingMs(input({ quota: unknown }))).toBeNull();
    expect(estimateRemainingMs(input({ remainingOrders: 0 }))).toBe(0);
  });

  it('a measured rate slower than the quota allows (a slow warehouse) wins', () => {
    const model = estimateRemainingMs(input())!;
    const slow = estimateRemainingMs(input({ measured: { done: 100, activeMs: 10 * 60_000 } }))!;
    expect(slow).toBe(6_000_000);
    expect(slow).toBeGreaterThan(model);
  });

  it('in a quota-bound run (a burst at each window start) the estimate is within 15% from 10% done on', () => {
    const total = 5_000;
    const perWindow = 90;
    const windows = Math.ceil(total / perWindow);
    const finish = (windows - 1) * (W + GAP) + 2_000; // the last burst takes ~2 s
    for (const at of [0.1, 0.25, 0.5, 0.75]) {
      // Just after a burst and just before the next one.
      const k = Math.ceil((at * total) / perWindow);
      for (const [now, done] of [
        [(k - 1) * (W + GAP) + 2_500, k * perWindow],
        [k * (W + GAP) - 100, k * perWindow],
      ] as const) {
        const windowStart = Math.floor(now / (W + GAP)) * (W + GAP);
        const eta = estimateRemainingMs({
          now,
          remainingOrders: total - done,
          remainingPages: 0,
          callsPerOrder: 1,
          quota: quota({ ownUsed: perWindow, resetAt: windowStart + W }),
          measured: { done, activeMs: now },
        })!;
        const actual = finish - now;
        expect(Math.abs(eta - actual) / actual).toBeLessThan(0.15);
      }
    }
  });
});

describe('backfill counts and words', () => {
  const row = (over: Partial<BackfillRow> = {}) => ({ total: 500, listed: 250, alreadySent: 5, listingDone: false, ...over }) as BackfillRow;

  it('done = already sent + sent + held + skipped; the total is what was listed once listing is done', () => {
    expect(countsOf(row(), { sent: 100, held: 2, skipped: 3, pending: 140 })).toMatchObject({ total: 500, done: 110, pending: 140 });
    expect(countsOf(row({ listingDone: true, listed: 480 }), { sent: 0, held: 0, skipped: 0, pending: 0 }).total).toBe(480);
    expect(countsOf(row({ total: null }), { sent: 0, held: 0, skipped: 0, pending: 0 }).total).toBeNull();
  });

  it('the Activity line says each count with the right plural', () => {
    const c = (over: object) => ({ total: 0, listed: 0, queued: 0, pending: 0, done: 0, sent: 0, held: 0, skipped: 0, alreadySent: 0, ...over });
    expect(doneMessage(c({ sent: 1 }))).toBe('Import of waiting orders finished: 1 order sent.');
    expect(doneMessage(c({ sent: 1240, held: 1, skipped: 2, alreadySent: 3 }))).toBe(
      'Import of waiting orders finished: 1,240 orders sent, 3 orders already at the warehouse, 1 order needs attention, 2 orders no longer waiting.',
    );
  });
});
