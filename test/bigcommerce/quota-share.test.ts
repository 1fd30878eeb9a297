import { describe, expect, it } from 'vitest';
import { RateLimiter, RateLimiterRegistry } from '../../server/bigcommerce/index.js';
import { fakeClock, limitHeaders } from './helpers.js';

// Issue 9 point 3: the app spends at most the merchant's share of each rate-limit window (the
// quota is the store's, shared with every other app) and never causes a 429.

const QUOTA = 150;
const WINDOW_MS = 30_000;

/**
 * BigCommerce's side, as the sandbox does it: a window starts with the first request after the
 * last one ended; other apps have used `others` of it by then; past the quota it answers 429.
 */
function fakeStore(others: number) {
  let windowStart = -Infinity;
  let used = 0;
  const perWindow: number[] = [];
  let rateLimited = 0;
  return {
    perWindow,
    get rateLimited() {
      return rateLimited;
    },
    answer(now: number): Headers {
      if (now >= windowStart + WINDOW_MS) {
        windowStart = now;
        used = others;
        perWindow.push(0);
      }
      const resetMs = windowStart + WINDOW_MS - now;
      if (used >= QUOTA) {
        rateLimited++;
        return new Headers(limitHeaders({ quota: QUOTA, left: 0, resetMs, windowMs: WINDOW_MS }));
      }
      used++;
      perWindow[perWindow.length - 1]! += 1;
      return new Headers(limitHeaders({ quota: QUOTA, left: QUOTA - used, resetMs, windowMs: WINDOW_MS }));
    },
  };
}

/** `n` requests, four at a time, each answered 40 ms after it was let through. */
async function drive(limiter: RateLimiter, store: ReturnType<typeof fakeStore>, clock: ReturnType<typeof fakeClock>, n: number) {
  for (let sent = 0; sent < n;) {
    const batch = Math.min(4, n - sent);
    const permits = [];
    for (let i = 0; i < batch; i++) permits.push(await limiter.acquire(clock));
    await clock.sleep(40);
    for (const p of permits) {
      limiter.observe(store.answer(clock.now()), clock.now());
      p.release();
    }
    sent += batch;
  }
}

describe('RateLimiter share of the quota (fake clock)', () => {
  it('with quota 150 / 30 s and a 60% share: at most 90 requests per window, and 0 × 429', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ share: 0.6 });
    const store = fakeStore(0);
    await drive(limiter, store, clock, 500);
    expect(store.rateLimited).toBe(0);
    expect(Math.max(...store.perWindow)).toBeLessThanOrEqual(90);
    // And it uses its share: every full window carries 89–90 (the first learns the quota).
    expect(store.perWindow.slice(1, -1).every((n) => n >= 88)).toBe(true);
    expect(store.perWindow.length).toBe(Math.ceil(500 / 90));
    expect(limiter.snapshot()).toMatchObject({ budget: 90, share: 0.6, lastWait: 'share' });
  });

  it('sends none while the other apps have used the rest of the window', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ share: 0.6 });
    const store = fakeStore(0);
    await drive(limiter, store, clock, 4); // learns the quota: 146 left
    // The other apps use all but 10 (the reserve is 15): nothing more this window.
    limiter.observe(new Headers(limitHeaders({ quota: QUOTA, left: 10, resetMs: 20_000, windowMs: WINDOW_MS })), clock.now());
    const before = clock.now();
    (await limiter.acquire(clock)).release();
    expect(clock.now() - before).toBeGreaterThanOrEqual(20_000);
    expect(limiter.snapshot().lastWait).toBe('reserve');
  });

  it('with other apps using 70 of every window it takes what is left above the reserve, never a 429', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ share: 0.6 });
    const store = fakeStore(70);
    await drive(limiter, store, clock, 400);
    expect(store.rateLimited).toBe(0);
    // 150 - 70 others - 15 reserve = 65 at most (less than the 90 the share would allow).
    expect(Math.max(...store.perWindow)).toBeLessThanOrEqual(65);
    expect(limiter.snapshot().othersUsed).toBeGreaterThanOrEqual(60);
  });

  it('a new share applies to the next request (no restart)', async () => {
    const clock = fakeClock(0);
    const registry = new RateLimiterRegistry();
    const limiter = registry.for('abc');
    const store = fakeStore(0);
    await drive(limiter, store, clock, 1);
    limiter.setShare(0.2); // 30 per window
    await drive(limiter, store, clock, 100);
    expect(store.perWindow[0]).toBeLessThanOrEqual(30);
    expect(Math.max(...store.perWindow)).toBeLessThanOrEqual(30);
    expect(store.rateLimited).toBe(0);
  });

  it('without a share (default 100%) only the reserve applies, as before', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter();
    const store = fakeStore(0);
    await drive(limiter, store, clock, 300);
    expect(store.rateLimited).toBe(0);
    expect(Math.max(...store.perWindow)).toBeGreaterThan(120);
  });
});
