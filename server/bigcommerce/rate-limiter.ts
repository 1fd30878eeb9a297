// Per-store, header-driven limiter (design: shared/notes/perf-reliability.md §3.2).
//
// BigCommerce's quota belongs to the store and is shared with every other app installed on it, so
// a local token bucket cannot know the real budget. Instead we learn it from the
// X-Rate-Limit-* response headers, stop spending when only a reserve is left, and pause the whole
// store (not just one job) after a 429. The limiter holds no timers of its own: whoever waits
// passes a clock, so tests drive it with a fake one.

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export type WaitReason = 'paused' | 'reserve';

export interface AcquireOptions extends LimiterClock {
  /** Told before each wait, for logging. */
  onWait?: (waitMs: number, reason: WaitReason) => void;
  /**
   * Longest quota wait the caller will sit through. A longer one (reserve reached, or paused
   * after a 429) throws QuotaWaitTooLong at once instead, so a job can give its worker back and
   * come back when the window resets. Default: wait as long as it takes (UI requests).
   */
  maxWaitMs?: number;
}

/** The store's quota would make the caller wait longer than its `maxWaitMs`. */
export class QuotaWaitTooLong extends Error {
  constructor(
    readonly waitMs: number,
    readonly reason: WaitReason,
  ) {
    super(`store quota: would wait ${waitMs} ms (${reason})`);
    this.name = 'QuotaWaitTooLong';
  }
}

export interface RateLimiterOptions {
  /** Requests in flight at once for one store. */
  maxConcurrent?: number;
  /** Fraction of the quota we leave for other apps / bursts before waiting for the reset. */
  reserveRatio?: number;
  /** Floor of every wait, so a header of `0` can never turn into a tight loop. */
  minWaitMs?: number;
  /** Window to assume when `Requests-Left` arrives without any reset/window header. */
  fallbackWindowMs?: number;
}

export interface RateLimiterState {
  quota: number | undefined;
  left: number | undefined;
  /** Clock time at which the current window ends, if known. */
  resetAt: number | undefined;
  windowMs: number | undefined;
  pausedUntil: number;
  inFlight: number;
  queued: number;
}

/** Minimal view of `Headers` so tests and other transports can feed plain objects. */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface Permit {
  /** Idempotent; must be called once the response (or failure) is in. */
  release(): void;
}

export const DEFAULT_MAX_CONCURRENT = 4;
export const DEFAULT_RESERVE_RATIO = 0.1;
export const DEFAULT_MIN_WAIT_MS = 250;
const DEFAULT_FALLBACK_WINDOW_MS = 30_000;

/** A non-negative numeric header, or undefined when missing or garbage. Names are case-insensitive. */
export function readHeaderNumber(headers: HeaderSource, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The X-Rate-Limit-* headers of one response (undefined: not sent). */
export interface QuotaHeaders {
  quota: number | undefined;
  left: number | undefined;
  resetMs: number | undefined;
  windowMs: number | undefined;
}

export function readQuotaHeaders(headers: HeaderSource): QuotaHeaders {
  return {
    quota: readHeaderNumber(headers, 'x-rate-limit-requests-quota'),
    left: readHeaderNumber(headers, 'x-rate-limit-requests-left'),
    resetMs: readHeaderNumber(headers, 'x-rate-limit-time-reset-ms'),
    windowMs: readHeaderNumber(headers, 'x-rate-limit-time-window-ms'),
  };
}

export class RateLimiter {
  private readonly maxConcurrent: number;
  private readonly reserveRatio: number;
  private readonly minWaitMs: number;
  private readonly fallbackWindowMs: number;

  private quota: number | undefined;
  private left: number | undefined;
  private resetAt: number | undefined;
  private windowMs: number | undefined;
  private pausedUntil = 0;
  /** Permits handed out (requests on the wire). */
  private inFlight = 0;
  /** Slots taken, including holders still waiting for the quota to reset. */
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(options: RateLimiterOptions = {}) {
    this.maxConcurrent = Math.max(1, Math.floor(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT));
    this.reserveRatio = options.reserveRatio ?? DEFAULT_RESERVE_RATIO;
    this.minWaitMs = Math.max(1, options.minWaitMs ?? DEFAULT_MIN_WAIT_MS);
    this.fallbackWindowMs = options.fallbackWindowMs ?? DEFAULT_FALLBACK_WINDOW_MS;
  }

  /**
   * Waits for a concurrency slot, then until the store is neither paused nor down to its reserve
   * (or throws QuotaWaitTooLong when that is longer than `maxWaitMs`).
   * FIFO: a request that arrived first is sent first.
   */
  async acquire(options: AcquireOptions): Promise<Permit> {
    await this.takeSlot();
    try {
      for (;;) {
        const wait = this.waitFor(options.now());
        if (wait.ms <= 0) break;
        if (options.maxWaitMs !== undefined && wait.ms > options.maxWaitMs) throw new QuotaWaitTooLong(wait.ms, wait.reason);
        options.onWait?.(wait.ms, wait.reason);
        await options.sleep(wait.ms);
      }
    } catch (error) {
      this.freeSlot();
      throw error;
    }
    this.inFlight += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.freeSlot();
      },
    };
  }

  /** Learns the budget from any response, including 429s and errors. */
  observe(headers: HeaderSource, now: number): void {
    const { quota, left, resetMs, windowMs } = readQuotaHeaders(headers);
    if (quota !== undefined) this.quota = quota;
    if (windowMs !== undefined && windowMs > 0) this.windowMs = windowMs;
    if (left === undefined) return;
    this.left = left;
    // Floor the reset so "left: 0, reset: 0" cannot let us fire again immediately.
    const untilReset = resetMs ?? this.windowMs ?? this.fallbackWindowMs;
    this.resetAt = now + Math.max(untilReset, this.minWaitMs);
  }

  /** Stops every request of this store until `now + ms` (used after a 429). Never shortens a pause. */
  pause(ms: number, now: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.max(ms, this.minWaitMs));
  }

  /** Requests we keep in hand: ~10% of the quota, at least one. */
  reserve(): number {
    return Math.max(1, Math.ceil((this.quota ?? 0) * this.reserveRatio));
  }

  snapshot(): RateLimiterState {
    return {
      quota: this.quota,
      left: this.left,
      resetAt: this.resetAt,
      windowMs: this.windowMs,
      pausedUntil: this.pausedUntil,
      inFlight: this.inFlight,
      queued: this.queue.length,
    };
  }

  private waitFor(now: number): { ms: number; reason: WaitReason } {
    if (this.resetAt !== undefined && now >= this.resetAt) {
      // The window rolled over: assume the full quota again until a response says otherwise.
      this.left = this.quota;
      this.resetAt = undefined;
    }
    let until = now;
    let reason: WaitReason = 'paused';
    if (this.pausedUntil > until) until = this.pausedUntil;
    // In-flight requests will spend quota the last header did not know about yet.
    const lowOnQuota =
      this.left !== undefined && this.resetAt !== undefined && this.left - this.inFlight <= this.reserve();
    if (lowOnQuota && this.resetAt !== undefined && this.resetAt > until) {
      until = this.resetAt;
      reason = 'reserve';
    }
    if (until <= now) return { ms: 0, reason };
    return { ms: Math.max(until - now, this.minWaitMs), reason };
  }

  private takeSlot(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return Promise.resolve();
    }
    // The slot is handed over by freeSlot, so `active` stays counted for the waiter.
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private freeSlot(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active -= 1;
  }
}

/** One limiter per store hash, so every client (webhook worker, UI route, sync job) shares it. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly options: RateLimiterOptions = {}) {}

  for(storeHash: string): RateLimiter {
    let limiter = this.limiters.get(storeHash);
    if (!limiter) {
      limiter = new RateLimiter(this.options);
      this.limiters.set(storeHash, limiter);
    }
    return limiter;
  }

  /** For uninstall: forget the store's learned budget. */
  delete(storeHash: string): boolean {
    return this.limiters.delete(storeHash);
  }

  get size(): number {
    return this.limiters.size;
  }
}
