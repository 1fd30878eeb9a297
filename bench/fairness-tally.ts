// What the at-scale fairness run counts as it goes: the sandbox keeps its last 5,000 requests only,
// so they are tallied every few hundred milliseconds, per kind of store (the backfilling store A,
// store B, the idle stores), with the 429s apart.
import type { RecordedRequest } from '../sandbox/index.js';

export interface CallCounts {
  calls: number;
  rateLimited: number;
}

export type StoreClass = 'a' | 'b' | 'idle';

export class RequestTally {
  private readonly seen = new WeakSet<object>();
  readonly counts: Record<StoreClass, CallCounts> = { a: { calls: 0, rateLimited: 0 }, b: { calls: 0, rateLimited: 0 }, idle: { calls: 0, rateLimited: 0 } };
  /** The idle stores' answered calls by endpoint (ids folded), to see what the scheduler spends. */
  readonly idleByPath: Record<string, number> = {};
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly requests: readonly RecordedRequest[],
    private readonly classOf: (storeHash: string) => StoreClass,
  ) {}

  start(everyMs = 250): void {
    this.timer = setInterval(() => this.take(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** Counts the requests answered since the last call. */
  take(): void {
    for (const r of this.requests) {
      if (r.status === 0 || this.seen.has(r)) continue;
      this.seen.add(r);
      const cls = this.classOf(r.storeHash);
      if (r.status === 429) this.counts[cls].rateLimited++;
      else this.counts[cls].calls++;
      if (cls === 'idle' && r.status !== 429) {
        const key = `${r.method} ${r.path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+/g, '/{id}')}`;
        this.idleByPath[key] = (this.idleByPath[key] ?? 0) + 1;
      }
    }
  }
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function spread(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}
