// Per-store request quota over a fixed window, with BigCommerce's headers (about/index.mdx,
// "BigCommerce-specific response headers"; api-rate-limits.mdx). Each answered request uses one unit;
// once none are left the store answers 429 until the window ends. 401s never reach this middleware
// (auth runs first) so a wrong token cannot drain a store's quota.
import type { RequestHandler, Response } from 'express';
import type { RateBucket, SandboxState } from '../state.js';
import type { QuotaInput } from '../types.js';
import { STATUS_DOC_URL } from './errors.js';

/** The store's bucket, rolled over to a fresh window when the previous one has ended. */
export function currentBucket(state: SandboxState, hash: string): RateBucket {
  const now = state.now();
  let bucket = state.buckets.get(hash);
  if (!bucket) {
    bucket = { windowStart: now, used: 0, quota: state.opts.quota };
    state.buckets.set(hash, bucket);
  } else if (now >= bucket.windowStart + state.opts.windowMs) {
    bucket.windowStart = now;
    bucket.used = 0;
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
    if (bucket.used >= bucket.quota) return sendRateLimited(res, state, bucket.quota, resetMs);
    bucket.used += 1;
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
