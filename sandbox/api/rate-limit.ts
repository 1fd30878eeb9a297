// Per-store request quota over a fixed window, with BigCommerce's headers (about/index.mdx,
// "BigCommerce-specific response headers"; api-rate-limits.mdx). Each answered request uses one unit;
// once none are left the store answers 429 until the window ends. 401s never reach this middleware
// (auth runs first) so a wrong token cannot drain a store's quota.
import type { RequestHandler, Response } from 'express';
import type { RateBucket, SandboxState } from '../state.js';
import type { QuotaInput } from '../types.js';
import { STATUS_DOC_URL } from './errors.js';

/** One window of a store: what the app used, what other apps used, and the 429s answered. */
export interface WindowRecord {
  start: number;
  /** Requests the app made (answered, not 429). */
  app: number;
  /** Requests other apps had made (simulated: all at the window's start). */
  others: number;
  rateLimited: number;
}

interface StoreTraffic {
  othersPerWindow: number;
  windows: WindowRecord[];
}

// Kept beside the state rather than in it: a lever for benchmarks and tests of the quota share.
const traffic = new WeakMap<SandboxState, Map<string, StoreTraffic>>();

function trafficOf(state: SandboxState, hash: string): StoreTraffic {
  let byStore = traffic.get(state);
  if (!byStore) traffic.set(state, (byStore = new Map<string, StoreTraffic>()));
  let t = byStore.get(hash);
  if (!t) byStore.set(hash, (t = { othersPerWindow: 0, windows: [] }));
  return t;
}

/**
 * Simulates the store's other apps: each window starts with `perWindow` requests already used by
 * them (the quota is the store's, shared by every app installed on it). Applies from the next window.
 */
export function setOtherAppsUsage(state: SandboxState, hash: string, perWindow: number): void {
  trafficOf(state, hash).othersPerWindow = Math.max(0, Math.floor(perWindow));
}

/** Every window of the store so far, oldest first (the app's use, the others', the 429s). */
export function windowHistory(state: SandboxState, hash: string): WindowRecord[] {
  return trafficOf(state, hash).windows;
}

function openWindow(state: SandboxState, hash: string, bucket: RateBucket, now: number): void {
  const t = trafficOf(state, hash);
  bucket.windowStart = now;
  bucket.used = Math.min(bucket.quota, t.othersPerWindow);
  t.windows.push({ start: now, app: 0, others: bucket.used, rateLimited: 0 });
  if (t.windows.length > 10_000) t.windows.shift();
}

/** The store's bucket, rolled over to a fresh window when the previous one has ended. */
export function currentBucket(state: SandboxState, hash: string): RateBucket {
  const now = state.now();
  let bucket = state.buckets.get(hash);
  if (!bucket) {
    bucket = { windowStart: now, used: 0, quota: state.opts.quota };
    state.buckets.set(hash, bucket);
    openWindow(state, hash, bucket, now);
  } else if (now >= bucket.windowStart + state.opts.windowMs) {
    openWindow(state, hash, bucket, now);
  }
  return bucket;
}

export function resetMsOf(state: SandboxState, bucket: RateBucket): number {
  return Math.max(0, bucket.windowStart + state.opts.windowMs - state.now());
}

export function setRateHeaders(res: Response, state: SandboxState, quota: number, left: number, resetMs: number): void {
  res.set({
    'X-Rate-Limit-Time-Window-Ms': String(state.opts.windowMs),
    'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
    'X-Rate-Limit-Requests-Quota': String(quota),
    'X-Rate-Limit-Requests-Left': String(Math.max(0, left)),
  });
}

/** 429 with the rate-limit headers and X-Retry-After (seconds until the quota refreshes). */
export function sendRateLimited(res: Response, state: SandboxState, quota: number, resetMs: number): void {
  setRateHeaders(res, state, quota, 0, resetMs);
  res.set('X-Retry-After', String(Math.max(1, Math.ceil(resetMs / 1000))));
  res.status(429).json(tooManyBody());
}

export function tooManyBody(): Record<string, unknown> {
  return {
    status: 429,
    title: 'Too many requests',
    type: STATUS_DOC_URL,
    detail: 'The request quota of this store for the current window is used up; retry after X-Retry-After seconds.',
  };
}

export function rateLimiter(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const hash = String(req.params.hash);
    const bucket = currentBucket(state, hash);
    const resetMs = resetMsOf(state, bucket);
    const window = trafficOf(state, hash).windows.at(-1);
    if (bucket.used >= bucket.quota) {
      if (window) window.rateLimited += 1;
      return sendRateLimited(res, state, bucket.quota, resetMs);
    }
    bucket.used += 1;
    if (window) window.app += 1;
    setRateHeaders(res, state, bucket.quota, bucket.quota - bucket.used, resetMs);
    next();
  };
}

/** Puts a store near (or over) its quota: set the quota, what is left, and/or the ms left in the window. */
export function setQuota(state: SandboxState, hash: string, input: QuotaInput): RateBucket {
  state.store(hash);
  const bucket = currentBucket(state, hash);
  if (input.quota !== undefined) bucket.quota = Math.max(0, Math.floor(input.quota));
  if (input.left !== undefined) bucket.used = bucket.quota - Math.min(bucket.quota, Math.max(0, Math.floor(input.left)));
  if (input.resetMs !== undefined) {
    const resetMs = Math.min(state.opts.windowMs, Math.max(0, input.resetMs));
    bucket.windowStart = state.now() - (state.opts.windowMs - resetMs);
  }
  return bucket;
}
