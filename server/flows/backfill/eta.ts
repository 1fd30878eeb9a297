// How long a backfill still takes. Pure, so the figures are tested with plain numbers.
//
// The app's BigCommerce calls, not its own speed, set the pace: each window it may spend its
// share of the quota (less what other apps leave above the reserve), in a burst at the window's
// start. So the model counts the calls still needed, spends what is left of the current window,
// then whole windows. A rate measured over the run so far is used when it is slower (the
// warehouse, not the quota, is the limit; or the store's other work takes part of the share):
// measured over whole windows it never runs ahead of the model, only behind it.

export interface QuotaView {
  quota: number | undefined;
  windowMs: number | undefined;
  /** floor(quota × share) */
  budget: number | undefined;
  /** The app's requests in the current window. */
  ownUsed: number;
  othersUsed: number | undefined;
  /** End of the current window (clock ms), when known. */
  resetAt: number | undefined;
}

export interface EtaInput {
  now: number;
  /** Orders still to finish; null while the total is unknown. */
  remainingOrders: number | null;
  /** Listing pages still to read (one call each). */
  remainingPages: number;
  callsPerOrder: number;
  quota: QuotaView;
  /** Orders finished by this run (not counting those already sent) and its running time. */
  measured: { done: number; activeMs: number } | null;
}

/** Per window, the time between the reset and the next window's first answer (poll, claim): about 1%, at most 300 ms. */
export const windowGapMs = (windowMs: number) => Math.min(300, windowMs / 100);
/** The reserve the limiter leaves to other apps (rate-limiter.ts DEFAULT_RESERVE_RATIO). */
const RESERVE_RATIO = 0.1;
/** A measured rate needs two whole windows of running time (60 s when the window is unknown) and this many orders. */
const MIN_MEASURED_WINDOWS = 2;
const MIN_MEASURED_ORDERS = 20;

/** The calls the app can make per window now: its share, less what other apps leave above the reserve. */
export function callsPerWindow(q: QuotaView): number | undefined {
  if (q.quota === undefined || q.budget === undefined) return undefined;
  const reserve = Math.max(1, Math.ceil(q.quota * RESERVE_RATIO));
  const room = q.quota - reserve - (q.othersUsed ?? 0);
  return Math.max(1, Math.min(q.budget, room));
}

function modelMs(i: EtaInput, calls: number): number | null {
  const perWindow = callsPerWindow(i.quota);
  const windowMs = i.quota.windowMs;
  if (perWindow === undefined || windowMs === undefined) return null;
  const inWindow = i.quota.resetAt !== undefined && i.quota.resetAt > i.now;
  const leftNow = inWindow ? Math.max(0, perWindow - i.quota.ownUsed) : perWindow;
  if (calls <= leftNow) return 0;
  const gap = windowGapMs(windowMs);
  // No window open: the next call opens one, which ends a whole window later.
  const untilReset = (inWindow ? i.quota.resetAt! - i.now : windowMs) + gap;
  const windows = Math.ceil((calls - leftNow) / perWindow);
  return untilReset + (windows - 1) * (windowMs + gap);
}

/** Milliseconds left, or null when it cannot be told yet. */
export function estimateRemainingMs(i: EtaInput): number | null {
  if (i.remainingOrders === null) return null;
  if (i.remainingOrders <= 0 && i.remainingPages <= 0) return 0;
  const calls = Math.max(0, i.remainingOrders) * i.callsPerOrder + i.remainingPages;
  const model = modelMs(i, calls);
  const m = i.measured;
  const measured =
    m && m.activeMs >= MIN_MEASURED_WINDOWS * (i.quota.windowMs ?? 30_000) && m.done >= MIN_MEASURED_ORDERS
      ? Math.round((Math.max(0, i.remainingOrders) * m.activeMs) / m.done)
      : null;
  if (model === null) return measured;
  return measured === null ? model : Math.max(model, measured);
}
