/**
 * Retry delays: exponential with FULL jitter (AWS "Exponential Backoff and Jitter"). Full jitter
 * spreads the retries of a burst that failed together (e.g. the fulfillment backend was down for
 * every order) over the whole window instead of re-synchronising them into a thundering herd.
 */
export interface BackoffOptions {
  /** Ceiling of the first retry's window. */
  baseMs: number;
  /** Largest window, however many attempts were made. */
  capMs: number;
  /**
   * Smallest delay. A drawn 0 ms (or an explicit `delayMs: 0`) would make a failing job hot-loop
   * through its attempts in milliseconds; with a frozen test clock it would never stop being due.
   */
  floorMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 10 * 60_000, floorMs: 100 };

/** Upper bound of the window after `attempt` (1-based) failed attempts: min(cap, base·2^(attempt-1)). */
export function backoffCeiling(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = Math.max(0, attempt - 1);
  // 2^exp overflows to Infinity for big attempt counts; min() with the cap handles that.
  return Math.min(opts.capMs, opts.baseMs * 2 ** exp);
}

/**
 * Delay before the next try: uniform in [floor, max(floor, ceiling)]. Drawing above the floor
 * (rather than clamping a [0, ceiling] draw up to it) keeps the distribution uniform instead of
 * piling a lump of retries onto the floor value.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.max(opts.floorMs, backoffCeiling(attempt, opts));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(opts.floorMs + r * (ceiling - opts.floorMs));
}

/** An explicitly requested delay (RetryableJobError.opts.delayMs), only raised to the floor. */
export function explicitDelay(delayMs: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.max(opts.floorMs, Number.isFinite(delayMs) ? Math.round(delayMs) : opts.floorMs);
}
