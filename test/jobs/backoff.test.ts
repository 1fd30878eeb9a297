import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from '../../server/jobs/index.js';

const opts = { baseMs: 1_000, capMs: 10_000, floorMs: 50 };

describe('backoff (exponential, full jitter)', () => {
  it('doubles the window per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffCeiling(a, opts))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(backoffCeiling(5_000, opts)).toBe(10_000); // 2^4999 is Infinity: still capped
  });

  it('draws uniformly between the floor and the window', () => {
    expect(backoffDelay(3, opts, () => 0)).toBe(50);
    expect(backoffDelay(3, opts, () => 1)).toBe(4_000);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(50 + 0.5 * (4_000 - 50));
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(10, opts);
      expect(d).toBeGreaterThanOrEqual(50);
      expect(d).toBeLessThanOrEqual(10_000);
    }
  });

  it('never goes below the floor, even when the window is smaller', () => {
    expect(backoffDelay(1, { baseMs: 10, capMs: 100, floorMs: 200 }, () => 1)).toBe(200);
  });

  it('defaults: base 2 s, cap 10 min', () => {
    expect(backoffCeiling(1, DEFAULT_BACKOFF)).toBe(2_000);
    expect(backoffCeiling(20, DEFAULT_BACKOFF)).toBe(600_000);
    expect(DEFAULT_BACKOFF.floorMs).toBeGreaterThan(0);
  });
});
