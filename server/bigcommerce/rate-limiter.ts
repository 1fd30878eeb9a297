// Per-store, header-driven limiter (design: shared/notes/perf-reliability.md §3.2).
//
// BigCommerce's quota belongs to the store and is shared with every other app installed on it, so
// a local token bucket cannot know the real budget. Instead we learn it from the
// X-Rate-Limit-* response headers, stop spending when only a reserve is left, and pause the whole
// store (not just one job) after a 429. The limiter holds no timers of its own: whoever waits
// passes a clock, so tests drive it with a fake one.
//
// On top of that, the merchant caps the app's share of each window (issue 9 point 3,
// store_settings.api_quota_share): the limiter counts the app's own answered requests per server
// window (recognised by the window's end, now + X-Rate-Limit-Time-Reset-Ms) and, once they plus
// those in flight reach floor(quota × share), waits for the reset. Other apps' use shows only as
// a lower Requests-Left, which the reserve check still honours, so the app never takes more than
// its share nor walks into a 429 other apps' use would cause.
//
// With several instances (issue 10 point 4) each process's count sees only its own requests, so
// each would spend the whole share. A QuotaLedger (storage/api-quota-windows.ts, on PostgreSQL)
// counts the app's requests of the store's window for every instance: a permit is taken from it
// before each request, and once the share is spent anywhere every instance waits for the reset.

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** paused: after a 429 · reserve: only the reserve left for others · share: the app's share of this window is spent. */
export type WaitReason = 'paused' | 'reserve' | 'share';

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

/** One request of the app's share, asked for just before sending it. */
export interface QuotaTake {
  storeHash: string;
  now: number;
  /** When the current window ends: from the headers (exact) or, before any answer, now + the window. */
  windowEnd: number;
  exactEnd: boolean;
  /** The window's length (X-Rate-Limit-Time-Window-Ms, or 30 s before it is known). */
  windowMs: number;
  /** floor(quota × share); the largest int when the quota is not known yet (counted, never refused). */
  budget: number;
}

/** The app's requests per store and window, counted across instances (storage/api-quota-windows.ts). */
export interface QuotaLedger {
  /** Counts one request; refused (with the window's end) once `budget` requests of the window were counted. */
  take(t: QuotaTake): Promise<{ granted: boolean; windowEnd: number }>;
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
  /** Fraction (0–1] of each window's quota the app may spend; default 1 (only the reserve applies). */
  share?: number;
  /** Counts the share across instances; without it the count is this process's alone. */
  ledger?: QuotaLedger;
  /** The ledger failed: the request goes ahead on the local count (and the reserve), and this is told. */
  onLedgerError?: (err: unknown, storeHash: string) => void;
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
  /** Fraction of each window the app may spend (setShare). */
  share: number;
  /** floor(quota × share): the app's requests per window; undefined until the quota is known. */
  budget: number | undefined;
  /** The app's own requests answered in the current window. */
  ownUsed: number;
  /** Requests other apps used in the current window, as far as the last answer tells. */
  othersUsed: number | undefined;
  /** Permits handed out since the limiter was made (monotonic; for calls-per-order figures). */
  sent: number;
  /** Why the last caller had to wait (or was refused a wait), null when nobody has. */
  lastWait: WaitReason | null;
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
const MAX_INT32 = 2_147_483_647;

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
  private share: number;

  private quota: number | undefined;
  private left: number | undefined;
  private resetAt: number | undefined;
  private windowMs: number | undefined;
  private pausedUntil = 0;
  /** The ledger refused: the app's share is spent (by any instance) until then. */
  private shareSpentUntil = 0;
  /** The app's answered requests in the window ending at `resetAt`. */
  private ownUsed = 0;
  private sent = 0;
  private lastWait: WaitReason | null = null;
  /** Permits handed out (requests on the wire). */
  private inFlight = 0;
  /** Slots taken, including holders still waiting for the quota to reset. */
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly options: RateLimiterOptions = {},
    private readonly storeHash = '',
  ) {
    this.maxConcurrent = Math.max(1, Math.floor(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT));
    this.reserveRatio = options.reserveRatio ?? DEFAULT_RESERVE_RATIO;
    this.minWaitMs = Math.max(1, options.minWaitMs ?? DEFAULT_MIN_WAIT_MS);
    this.fallbackWindowMs = options.fallbackWindowMs ?? DEFAULT_FALLBACK_WINDOW_MS;
    this.share = clampShare(options.share ?? 1);
  }

  /** The merchant's share of each window, as a fraction (0.6 for 60%); applies to the next request. */
  setShare(fraction: number): void {
    this.share = clampShare(fraction);
  }

  /** floor(quota × share), at least one; undefined until a response told the quota. */
  budget(): number | undefined {
    if (this.quota === undefined) return undefined;
    return Math.max(1, Math.floor(this.quota * this.share + 1e-9));
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
        if (wait.ms <= 0) {
          // No ledger (one instance): no await, the permit is handed out in the same turn as before.
          if (!this.options.ledger || (await this.takeFromLedger(options.now()))) break;
          continue; // spent by the instances together: waitFor now says until when
        }
        this.lastWait = wait.reason;
        if (options.maxWaitMs !== undefined && wait.ms > options.maxWaitMs) throw new QuotaWaitTooLong(wait.ms, wait.reason);
        options.onWait?.(wait.ms, wait.reason);
        await options.sleep(wait.ms);
      }
    } catch (error) {
      this.freeSlot();
      throw error;
    }
    this.inFlight += 1;
    this.sent += 1;
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

  /**
   * Learns the budget from any response, including 429s and errors, and counts it as the app's
   * own use of the window it belongs to. A window is recognised by its end (now + reset): an end
   * more than half a window later than the known one is a new window; an answer from a window that
   * has already ended (late, or after the local roll-over) tells nothing about the current one.
   */
  observe(headers: HeaderSource, now: number): void {
    const { quota, left, resetMs, windowMs } = readQuotaHeaders(headers);
    if (quota !== undefined) this.quota = quota;
    if (windowMs !== undefined && windowMs > 0) this.windowMs = windowMs;
    if (left === undefined) return;
    // Floor the reset so "left: 0, reset: 0" cannot let us fire again immediately.
    const untilReset = resetMs ?? this.windowMs ?? this.fallbackWindowMs;
    const end = now + Math.max(untilReset, this.minWaitMs);
    const tolerance = (this.windowMs ?? this.fallbackWindowMs) / 2;
    if (this.resetAt === undefined || end > this.resetAt + tolerance) {
      this.ownUsed = 0; // a new window
      this.resetAt = end;
    } else if (end < this.resetAt - tolerance) {
      return; // an answer from a window that is over
    } else {
      // The same window: the earliest estimate is the closest (latency only makes it later).
      this.resetAt = Math.min(this.resetAt, end);
    }
    this.ownUsed += 1;
    this.left = left;
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
      share: this.share,
      budget: this.budget(),
      ownUsed: this.ownUsed,
      othersUsed: this.quota === undefined || this.left === undefined ? undefined : Math.max(0, this.quota - this.left - this.ownUsed),
      sent: this.sent,
      lastWait: this.lastWait,
    };
  }

  private waitFor(now: number): { ms: number; reason: WaitReason } {
    if (this.resetAt !== undefined && now >= this.resetAt) {
      // The window rolled over: assume the full quota again until a response says otherwise.
      this.left = this.quota;
      this.resetAt = undefined;
      this.ownUsed = 0;
    }
    let until = now;
    let reason: WaitReason = 'paused';
    if (this.pausedUntil > until) until = this.pausedUntil;
    // In-flight requests will spend quota the last header did not know about yet.
    const lowOnQuota = this.left !== undefined && this.resetAt !== undefined && this.left - this.inFlight <= this.reserve();
    if (lowOnQuota && this.resetAt !== undefined && this.resetAt > until) {
      until = this.resetAt;
      reason = 'reserve';
    }
    // The merchant's share: our answered requests plus those on the wire count against it.
    const budget = this.budget();
    const shareSpent = budget !== undefined && this.resetAt !== undefined && this.ownUsed + this.inFlight >= budget;
    if (shareSpent && this.resetAt !== undefined && this.resetAt > until) {
      until = this.resetAt;
      reason = 'share';
    }
    if (this.shareSpentUntil > until) {
      until = this.shareSpentUntil;
      reason = 'share';
    }
    if (until <= now) return { ms: 0, reason };
    return { ms: Math.max(until - now, this.minWaitMs), reason };
  }

  /** The ledger's permit for one request (always granted without a ledger, or when it fails). */
  private async takeFromLedger(now: number): Promise<boolean> {
    const { ledger, onLedgerError } = this.options;
    if (!ledger) return true;
    try {
      const r = await ledger.take({
        storeHash: this.storeHash,
        now,
        windowEnd: this.resetAt ?? now + (this.windowMs ?? this.fallbackWindowMs),
        exactEnd: this.resetAt !== undefined,
        windowMs: this.windowMs ?? this.fallbackWindowMs,
        budget: this.budget() ?? MAX_INT32,
      });
      if (!r.granted) this.shareSpentUntil = Math.max(this.shareSpentUntil, r.windowEnd, now + this.minWaitMs);
      return r.granted;
    } catch (err) {
      // Refusing every call while the database hiccups would stop all work for a courtesy limit;
      // the reserve still keeps the store out of 429s.
      onLedgerError?.(err, this.storeHash);
      return true;
    }
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

function clampShare(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0.01, fraction)) : 1;
}

/** One limiter per store hash, so every client (webhook worker, UI route, sync job) shares it. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly options: RateLimiterOptions = {}) {}

  for(storeHash: string): RateLimiter {
    let limiter = this.limiters.get(storeHash);
    if (!limiter) {
      limiter = new RateLimiter(this.options, storeHash);
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
