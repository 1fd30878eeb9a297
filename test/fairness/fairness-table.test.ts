import { describe, expect, it } from 'vitest';
import { fairnessTable } from '../../bench/fairness-print.js';
import type { FairnessScaleResult } from '../../bench/fairness-scale.js';
import { ClaimWatch, LoadSampler, spread } from '../../bench/fairness-tally.js';

// Issue 10 point 3: the at-scale fairness figures, printed as a table to paste into a closing note.

const ms = (p50: number, p95: number, p99: number) => ({ p50, p95, p99, max: p99 + 100 });

function run(over: Partial<FairnessScaleResult> & { db: 'sqlite' | 'postgres'; instances: number }): FairnessScaleResult {
  const { db, instances, ...rest } = over;
  return {
    variant: 'x',
    options: { db, instances, stores: 1_000, ordersA: 5_000, quotaA: 1_500, bEveryMs: 3_000 },
    ordersB: 189,
    bLatencyMs: ms(1_473, 2_366, 3_330),
    bWebhookMs: ms(257, 745, 1_650),
    bJobMs: ms(389, 877, 2_167),
    bBreakdown: { seen: 180, watchMaxGapMs: 60, queueWaitMs: ms(50, 200, 400), runMs: ms(300, 700, 1_500), slowest: [] },
    bRetried: { jobs: 0, errors: [] },
    backfillMs: 566_813,
    backfillFinished: true,
    load: { mean: 9.3, max: 13.89, cpus: 2 },
    aDelivered: 5_000,
    aOrdersPerSec: 8.82,
    calls: { a: 5_035, a429: 0, b: 203, b429: 0, idle: 4_304, idle429: 0 },
    idle: { jobsByKind: {}, jobs: 0, maxJobsPerSec: 0, storesVisited: 0, callsByPath: {}, bootToStartMs: 4_000 },
    ...rest,
  };
}

describe('fairness table', () => {
  it('one Markdown row per run: database, instances, stores, A and B orders, B p50/p95/p99, A throughput, 429s, load', () => {
    const table = fairnessTable([run({ db: 'sqlite', instances: 1 }), run({ db: 'postgres', instances: 2, bLatencyMs: ms(1_000, 4_000, 5_200) })]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toBe(
      '| database | instances | stores | A orders | B orders | B p50 (s) | B p95 (s) | B p99 (s) | p99 < 5 s | A throughput | 429s (A/B/idle) | load (mean/max, CPUs) |',
    );
    expect(table[2]).toBe('| SQLite | 1 | 1,000 | 5,000 | 189 | 1.47 | 2.37 | 3.33 | met | 8.8 orders/s (5000 in 567 s) | 0/0/0 | 9.30/13.89, 2 |');
    expect(table[3]).toContain('| PostgreSQL | 2 | 1,000 | 5,000 | 189 | 1.00 | 4.00 | 5.20 | NOT met |');
  });
});

describe('figures', () => {
  it('spread gives p50, p95, p99 and max', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(spread(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(spread([])).toMatchObject({ p50: NaN, max: NaN });
  });

  it('the load sampler reports the mean and the max of what it read', () => {
    const reads = [2, 4, 9];
    const sampler = new LoadSampler(() => reads.shift() ?? 3);
    sampler.start(60_000); // one sample now, the next at stop()
    expect(sampler.stop()).toMatchObject({ mean: 3, max: 4 });
  });

  it("the claim watch keeps each job's first sight running (its claim time), and ends quietly when the database is gone", async () => {
    const polls = [
      [{ id: 1, updated_at: 100 }],
      [
        { id: 1, updated_at: 150 },
        { id: '2', updated_at: '200' },
      ],
    ];
    const watch = new ClaimWatch(async () => {
      const next = polls.shift();
      if (!next) throw new Error('database closed');
      return next;
    });
    watch.start(1);
    await new Promise((r) => setTimeout(r, 50));
    await watch.stop();
    expect([...watch.claimedAt]).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });
});
