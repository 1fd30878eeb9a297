import { describe, expect, it } from 'vitest';
import { dueBetween, phaseOf } from '../../server/scheduler/phase.js';

const FIVE_MIN = 5 * 60_000;
const TICK_MS = 5_000;

describe('scheduler phases', () => {
  it('phases: a store is due exactly once in any interval-long span, wherever the span starts', () => {
    for (const start of [0, 1, 123_457, 1_700_000_000_000]) {
      for (const key of ['a', 'b:store1', 'orders.reconcile:abc123']) {
        const phase = phaseOf(key, FIVE_MIN);
        let due = 0;
        for (let from = start; from < start + FIVE_MIN; from += TICK_MS) if (dueBetween(from, from + TICK_MS, phase, FIVE_MIN)) due++;
        expect(due).toBe(1);
      }
    }
  });

  it('spreads keys evenly: 1,000 stores over 60 slices of an interval, none with more than twice the mean', () => {
    const perSlice = new Array<number>(60).fill(0);
    for (let i = 0; i < 1_000; i++) perSlice[Math.floor(phaseOf(`orders.reconcile:store${i}`, FIVE_MIN) / TICK_MS)]! += 1;
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(2 * (1_000 / 60));
    expect(Math.min(...perSlice)).toBeGreaterThan(0);
  });
});
