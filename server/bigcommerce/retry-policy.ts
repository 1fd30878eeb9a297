// When and how long the transport retries. These are short, in-request retries meant to ride out
// a blip; BigCommerce's advice for persistent 500s ("at least a minute between attempts") belongs
// to the job queue, which reschedules on errors whose `retryable` flag is set.

import type { HeaderSource } from './rate-limiter.js';
import { DEFAULT_MIN_WAIT_MS, readHeaderNumber } from './rate-limiter.js';

export interface RetryOptions {
  /** Extra attempts after a 429 (every method: a 429 means the request was not processed). */
  maxRateLimitRetries?: number;
  /** Extra attempts after 500/502/503/504, a network error or a timeout. */
  maxServerRetries?: number;
  /** First backoff step for server/network retries. */
  baseDelayMs?: number;
  /** Ceiling of any computed backoff. */
  maxDelayMs?: number;
  /** 429 wait when the response carries neither Reset-Ms nor X-Retry-After. */
  defaultRateLimitWaitMs?: number;
  /** Floor of every wait, so a `0` header or a jitter of 0 never produces a tight loop. */
  minWaitMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const RETRY_DEFAULTS: ResolvedRetryOptions = {
  maxRateLimitRetries: 4,
  maxServerRetries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  defaultRateLimitWaitMs: 3_000,
  minWaitMs: DEFAULT_MIN_WAIT_MS,
};

export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const merged = { ...RETRY_DEFAULTS };
  for (const [key, value] of Object.entries(options ?? {}) as [keyof RetryOptions, unknown][]) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) merged[key] = value;
  }
  return merged;
}

/** 501 and 507 (plan limit) will not fix themselves within seconds, so they fail at once. */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export function isRetryableServerStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Reads are always safe to repeat. A write that hit a 5xx or timeout may already have been
 * applied (e.g. a shipment created twice), so it is repeated only when the caller says so.
 */
export function mayRepeatAfterFailure(method: HttpMethod, idempotent: boolean | undefined): boolean {
  return method === 'GET' || idempotent === true;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^n)], floored. */
export function backoffDelay(retryIndex: number, options: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.max(options.minWaitMs, Math.floor(random() * ceiling));
}

/**
 * How long the whole store pauses after a 429. The platform's hint wins (Reset-Ms, else
 * X-Retry-After in *seconds*); a bare 429 means the store is under load, so the default grows
 * with each consecutive 429 as the docs ask ("back off progressively").
 */
export function rateLimitWait(headers: HeaderSource, retryIndex: number, options: ResolvedRetryOptions): number {
  const resetMs = readHeaderNumber(headers, 'x-rate-limit-time-reset-ms');
  const retryAfterS = readHeaderNumber(headers, 'x-retry-after');
  const hinted = resetMs ?? (retryAfterS === undefined ? undefined : retryAfterS * 1000);
  const wait = hinted ?? Math.min(options.maxDelayMs, options.defaultRateLimitWaitMs * 2 ** retryIndex);
  return Math.max(options.minWaitMs, wait);
}
