import type { Knex } from 'knex';
import type { QuotaHeaders } from '../bigcommerce/index.js';

// The store's BigCommerce API quota as the X-Rate-Limit-* headers of the app's own responses last
// said, kept in store_api_quota for the Overview ("API use: 120 of 150 requests in the last 30 s").
// A burst answers hundreds of requests a minute: at most one write per store every few seconds,
// plus one when the quota runs out (a 429, or nothing left).

export const QUOTA_WRITE_EVERY_MS = 5_000;

export interface ApiQuotaRecorderOptions {
  db: Knex;
  now: () => number;
  onError?: (err: unknown, storeHash: string) => void;
  writeEveryMs?: number;
}

export class ApiQuotaRecorder {
  private readonly lastWrite = new Map<string, number>();
  private readonly lastExhausted = new Map<string, number>();
  private pending: Promise<void> = Promise.resolve();
  private readonly everyMs: number;

  constructor(private readonly opts: ApiQuotaRecorderOptions) {
    this.everyMs = opts.writeEveryMs ?? QUOTA_WRITE_EVERY_MS;
  }

  /** Called for every response (synchronously, from the HTTP client): never waits, never throws. */
  readonly observe = (storeHash: string, seen: QuotaHeaders & { rateLimited: boolean }): void => {
    const now = this.opts.now();
    const exhausted = seen.rateLimited || seen.left === 0;
    const due = now - (this.lastWrite.get(storeHash) ?? -Infinity) >= this.everyMs;
    const newlyExhausted = exhausted && now - (this.lastExhausted.get(storeHash) ?? -Infinity) >= this.everyMs;
    // Without the headers (some error pages) only a 429 is worth recording.
    const hasHeaders = seen.quota !== undefined || seen.left !== undefined;
    if (!newlyExhausted && !(due && hasHeaders)) return;
    this.lastWrite.set(storeHash, now);
    if (newlyExhausted) this.lastExhausted.set(storeHash, now);
    this.pending = this.pending.then(() => this.write(storeHash, seen, now, newlyExhausted));
  };

  /** Resolves when every write started so far has finished (tests, shutdown). */
  flush(): Promise<void> {
    return this.pending;
  }

  private async write(storeHash: string, seen: QuotaHeaders & { rateLimited: boolean }, now: number, exhausted: boolean): Promise<void> {
    const values: Record<string, number | null> = { observed_at: now };
    if (seen.quota !== undefined) values.requests_quota = seen.quota;
    if (seen.left !== undefined) values.requests_left = seen.left;
    if (seen.windowMs !== undefined && seen.windowMs > 0) values.window_ms = seen.windowMs;
    if (seen.quota !== undefined && seen.left !== undefined) values.requests_in_window = Math.max(0, seen.quota - seen.left);
    if (exhausted) values.exhausted_at = now;
    try {
      await this.opts
        .db('store_api_quota')
        .insert({ store_hash: storeHash, ...values })
        .onConflict('store_hash')
        .merge(values);
    } catch (err) {
      this.lastWrite.delete(storeHash);
      this.opts.onError?.(err, storeHash);
    }
  }
}
