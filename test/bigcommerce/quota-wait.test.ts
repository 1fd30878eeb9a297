import { afterEach, describe, expect, it } from 'vitest';
import {
  BigCommerceQuotaWaitError,
  QuotaWaitTooLong,
  RateLimiter,
  RateLimiterRegistry,
  createBigCommerceClientFactory,
  withQuotaWaitLimit,
} from '../../server/bigcommerce/index.js';
import { fakeClock, limitHeaders, startStub, type Stub } from './helpers.js';

// Issue 7 point 4: a job must not sit in its worker while a store's quota window runs out.

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('RateLimiter maxWaitMs', () => {
  it('throws QuotaWaitTooLong instead of waiting past the limit, and gives its slot back', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    limiter.observe(new Headers(limitHeaders({ quota: 150, left: 15, resetMs: 20_000 })), 0);
    const err = await limiter.acquire({ ...clock, maxWaitMs: 1_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuotaWaitTooLong);
    expect(err).toMatchObject({ waitMs: 20_000, reason: 'reserve' });
    expect(clock.sleeps).toEqual([]);
    expect(limiter.snapshot()).toMatchObject({ inFlight: 0, queued: 0 });
    // The slot is free again: a caller without a limit gets it and waits as before.
    (await limiter.acquire(clock)).release();
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('waits in place when the wait is within the limit', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter();
    limiter.pause(600, 0);
    (await limiter.acquire({ ...clock, maxWaitMs: 1_000 })).release();
    expect(clock.sleeps).toEqual([600]);
  });
});

describe('client inside withQuotaWaitLimit', () => {
  it('a 429 pauses the store and the call fails fast with the time the window resets', async () => {
    stub = await startStub(() => ({ status: 429, json: { status: 429 }, headers: limitHeaders({ quota: 150, left: 0, resetMs: 12_000 }) }));
    const clock = fakeClock(5_000);
    const client = createBigCommerceClientFactory({ apiUrl: stub.url, limiters: new RateLimiterRegistry(), sleep: clock.sleep, now: clock.now })({
      hash: 'abc',
      accessToken: 'tok',
    });
    const err = await withQuotaWaitLimit(1_000, () => client.get('v2', '/orders/1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BigCommerceQuotaWaitError);
    expect(err).toMatchObject({ storeHash: 'abc', path: '/v2/orders/1', reason: 'paused', waitMs: 12_000, resumeAt: 17_000, retryable: true });
    expect(stub.requests).toHaveLength(1); // nothing more was sent
    expect(clock.sleeps).toEqual([]); // and nobody slept
    expect(JSON.stringify(err)).not.toContain('tok');
  });

  it('outside a limit (UI requests) the same call waits for the reset and succeeds', async () => {
    let n = 0;
    stub = await startStub(() => (n++ === 0 ? { status: 429, json: {}, headers: limitHeaders({ left: 0, resetMs: 12_000 }) } : { json: { id: 1 } }));
    const clock = fakeClock(5_000);
    const client = createBigCommerceClientFactory({ apiUrl: stub.url, limiters: new RateLimiterRegistry(), sleep: clock.sleep, now: clock.now })({
      hash: 'abc',
      accessToken: 'tok',
    });
    expect(await client.get('v2', '/orders/1')).toEqual({ id: 1 });
    expect(clock.sleeps).toEqual([12_000]);
  });
});
