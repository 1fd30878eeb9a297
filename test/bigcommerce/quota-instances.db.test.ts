// Issue 10 point 4: the merchant's share of the store's quota holds with several instances. Each
// process's limiter counts only its own requests; the ledger (api_quota_windows) counts them for
// all. Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuotaWaitTooLong, RateLimiterRegistry, type RateLimiter } from '../../server/bigcommerce/index.js';
import { ApiQuotaWindows } from '../../server/storage/api-quota-windows.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { fakeClock, limitHeaders, type FakeClock } from './helpers.js';

const QUOTA = 150;
const WINDOW_MS = 30_000;
const STORE = 'abc123';

/** BigCommerce's side: a fixed window opened by the first request after the last one ended; 429 past the quota. */
function fakeStore(others = 0) {
  let windowStart = -Infinity;
  let used = 0;
  const perWindow: number[] = [];
  let rateLimited = 0;
  return {
    perWindow,
    rateLimited: () => rateLimited,
    /** Counted when the request arrives; the headers are read by the limiter when the answer is in. */
    arrive(now: number): Headers {
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

/**
 * Instances sending side by side: in each round every instance lets up to four requests through
 * (none when its limiter says to wait), all of them are on the wire together and answered 40 ms
 * later. When no instance may send, time moves on to the earliest end of a wait.
 */
async function driveInstances(limiters: RateLimiter[], store: ReturnType<typeof fakeStore>, clock: FakeClock, n: number) {
  let sent = 0;
  while (sent < n) {
    const onTheWire: Array<{ limiter: RateLimiter; release: () => void; headers: Headers }> = [];
    let wait = Infinity;
    for (const limiter of limiters) {
      for (let i = 0; i < 4 && sent < n; i++, sent++) {
        try {
          const permit = await limiter.acquire({ ...clock, maxWaitMs: 0 });
          onTheWire.push({ limiter, release: () => permit.release(), headers: store.arrive(clock.now()) });
        } catch (err) {
          if (!(err instanceof QuotaWaitTooLong)) throw err;
          wait = Math.min(wait, err.waitMs);
          sent--;
          break;
        }
      }
    }
    await clock.sleep(40);
    for (const r of onTheWire) {
      r.limiter.observe(r.headers, clock.now());
      r.release();
    }
    if (onTheWire.length === 0) await clock.sleep(wait);
  }
}

let t: TestDatabase;
beforeEach(async () => {
  t = await openTestDatabase();
});
afterEach(async () => {
  await t.close();
});

const twoInstances = (ledger?: ApiQuotaWindows) => [new RateLimiterRegistry({ share: 0.6, ledger }).for(STORE), new RateLimiterRegistry({ share: 0.6, ledger }).for(STORE)];

describe('the quota share across instances', () => {
  it('two instances with a 60% share: at most 90 of 150 requests per window together, and no 429', async () => {
    const clock = fakeClock(0);
    const store = fakeStore();
    const limiters = twoInstances(new ApiQuotaWindows(t.db));
    await driveInstances(limiters, store, clock, 600);
    expect(store.rateLimited()).toBe(0);
    expect(Math.max(...store.perWindow)).toBeLessThanOrEqual(90);
    // And together they use the share: full windows carry close to 90.
    expect(store.perWindow.slice(1, -1).every((n) => n >= 80)).toBe(true);
    expect(limiters.map((l) => l.snapshot().lastWait)).toContain('share');
  });

  it('without the shared count each instance spends the whole share (what the ledger prevents)', async () => {
    const clock = fakeClock(0);
    const store = fakeStore();
    await driveInstances(twoInstances(), store, clock, 600);
    expect(Math.max(...store.perWindow)).toBeGreaterThan(90);
  });

  it('with other apps using 30 of every window the instances still stay within their share and clear of 429s', async () => {
    const clock = fakeClock(0);
    const store = fakeStore(30);
    await driveInstances(twoInstances(new ApiQuotaWindows(t.db)), store, clock, 400);
    expect(store.rateLimited()).toBe(0);
    expect(Math.max(...store.perWindow)).toBeLessThanOrEqual(90);
  });

  it('a failing ledger lets requests through on the local count and says so', async () => {
    const errors: unknown[] = [];
    const ledger = { take: async () => Promise.reject(new Error('database unavailable')) };
    const limiter = new RateLimiterRegistry({ share: 0.6, ledger, onLedgerError: (err) => errors.push(err) }).for(STORE);
    const clock = fakeClock(0);
    (await limiter.acquire(clock)).release();
    expect(errors).toHaveLength(1);
  });
});

describe('ApiQuotaWindows', () => {
  it('counts per window, refuses past the budget with the window’s end, and starts over once it ended', async () => {
    const ledger = new ApiQuotaWindows(t.db);
    const take = (now: number, windowEnd: number, exactEnd = true) => ledger.take({ storeHash: STORE, now, windowEnd, exactEnd, budget: 2, windowMs: 30_000 });
    expect(await take(1_000, 31_000, false)).toEqual({ granted: true, windowEnd: 31_000 });
    // An exact end from an answer replaces the first estimate when earlier.
    expect(await take(1_100, 30_500)).toEqual({ granted: true, windowEnd: 30_500 });
    expect(await take(1_200, 30_600)).toEqual({ granted: false, windowEnd: 30_500 });
    // Another store has its own count.
    expect((await ledger.take({ storeHash: 'other', now: 1_200, windowEnd: 31_200, exactEnd: false, budget: 2, windowMs: 30_000 })).granted).toBe(true);
    // The window ended: a new one, counted from 1.
    expect(await take(30_500, 60_500, false)).toEqual({ granted: true, windowEnd: 60_500 });
    expect((await take(30_600, 60_400)).granted).toBe(true);
    expect((await take(30_700, 60_400)).granted).toBe(false);
  });
});
