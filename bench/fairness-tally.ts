// What the at-scale fairness run counts as it goes: the sandbox keeps its last 5,000 requests only,
// so they are tallied every few hundred milliseconds, per kind of store (the backfilling store A,
// store B, the idle stores), with the 429s apart.
import { cpus, loadavg } from 'node:os';
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

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

/**
 * The machine's 1-minute load average, sampled during the run (other work on the machine — tests,
 * builds — slows the app as much as the load it is given; the figures are read with it).
 */
export class LoadSampler {
  private readonly samples: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly read: () => number = () => loadavg()[0]!) {}

  start(everyMs = 5_000): void {
    this.samples.push(this.read());
    this.timer = setInterval(() => this.samples.push(this.read()), everyMs).unref();
  }

  stop(): { mean: number; max: number; cpus: number } {
    clearInterval(this.timer);
    this.samples.push(this.read());
    const mean = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    return { mean, max: Math.max(...this.samples), cpus: cpus().length };
  }
}

/**
 * When each of store B's jobs was claimed: the claim sets `updated_at` to its time and the row is
 * `running` until it finishes, so the first sight of a job running gives its claim time. The jobs
 * table keeps no claim time once a job is done; polling every 50 ms sees a job that runs longer.
 */
export class ClaimWatch {
  readonly claimedAt = new Map<number, number>();
  /**
   * Longest time between two polls. The job's lease heartbeat (every 15 s) also sets updated_at, so
   * a job first seen after a gap that long shows its heartbeat, not its claim: a long gap (the
   * bench process stalled, and with it the sandboxes it serves) says so.
   */
  maxGapMs = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly running: () => Promise<Array<{ id: number | string; updated_at: number | string }>>) {}

  start(everyMs = 50): void {
    this.loop = (async () => {
      let last = Date.now();
      while (!this.stopped) {
        this.maxGapMs = Math.max(this.maxGapMs, Date.now() - last);
        last = Date.now();
        try {
          for (const j of await this.running()) if (!this.claimedAt.has(Number(j.id))) this.claimedAt.set(Number(j.id), Number(j.updated_at));
        } catch {
          return; // the run failed and closed its database: the watch ends with it
        }
        await new Promise((r) => setTimeout(r, everyMs).unref());
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
