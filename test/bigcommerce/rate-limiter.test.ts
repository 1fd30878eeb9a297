import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceRateLimitError, RateLimiter, RateLimiterRegistry, createBigCommerceClientFactory } from '../../server/bigcommerce/index.js';
import { fakeClock, limitHeaders, startStub, until, type Stub, type StubHandler } from './helpers.js';

let stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.map((s) => s.close()));
  stubs = [];
});

async function stubFor(handler: StubHandler): Promise<Stub> {
  const stub = await startStub(handler);
  stubs.push(stub);
  return stub;
}

describe('RateLimiter (unit)', () => {
  it('learns the budget from headers regardless of case', () => {
    const limiter = new RateLimiter();
    limiter.observe(new Headers(limitHeaders({ quota: 150, left: 35, resetMs: 15_000, windowMs: 30_000 })), 1_000);
    expect(limiter.snapshot()).toMatchObject({ quota: 150, left: 35, resetAt: 16_000, windowMs: 30_000 });
    expect(limiter.reserve()).toBe(15);
  });

  it('counts in-flight requests against the reserve', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter();
    limiter.observe(new Headers(limitHeaders({ quota: 100, left: 12, resetMs: 5_000 })), 0);
    await limiter.acquire(clock); // 12 - 0 > 10
    await limiter.acquire(clock); // 12 - 1 > 10
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire(clock); // 12 - 2 <= 10: wait for the reset
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('floors pauses so a zero header cannot spin', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter();
    limiter.pause(0, 0);
    (await limiter.acquire(clock)).release();
    expect(clock.sleeps).toEqual([250]);
  });
});

describe('RateLimiter with the client', () => {
  it('slows down when Requests-Left reaches the reserve, without sending meanwhile', async () => {
    const stub = await stubFor(() => ({ json: {}, headers: limitHeaders({ quota: 100, left: 10, resetMs: 2_000 }) }));
    const clock = fakeClock();
    const sentAtSleep: number[] = [];
    clock.onSleep = () => sentAtSleep.push(stub.requests.length);
    const client = createBigCommerceClientFactory({
      apiUrl: stub.url,
      limiters: new RateLimiterRegistry(),
      sleep: clock.sleep,
      now: clock.now,
    })({ hash: 'abc123', accessToken: 'tok' });

    await client.get('v2', '/orders');
    expect(clock.sleeps).toEqual([]);
    await client.get('v2', '/orders');
    expect(clock.sleeps).toEqual([2_000]);
    expect(sentAtSleep).toEqual([1]); // the second request waited before going out
    expect(stub.requests).toHaveLength(2);
  });

  it('does not wait while comfortably above the reserve', async () => {
    const stub = await stubFor(() => ({ json: {}, headers: limitHeaders({ quota: 100, left: 50, resetMs: 2_000 }) }));
    const clock = fakeClock();
    const client = createBigCommerceClientFactory({
      apiUrl: stub.url,
      limiters: new RateLimiterRegistry(),
      sleep: clock.sleep,
      now: clock.now,
    })({ hash: 'abc123', accessToken: 'tok' });
    for (let i = 0; i < 5; i += 1) await client.get('v2', '/orders');
    expect(clock.sleeps).toEqual([]);
  });

  it('shares one limiter per store: a 429 pauses every client of that store only', async () => {
    const stub = await stubFor((req) => (req.headers['x-auth-token'] === 'tok-a' ? { status: 429, headers: limitHeaders({ resetMs: 5_000 }) } : { json: {} }));
    const clock = fakeClock();
    const sentAtSleep: number[] = [];
    clock.onSleep = () => sentAtSleep.push(stub.requests.length);
    const limiters = new RateLimiterRegistry();
    const options = { apiUrl: stub.url, limiters, sleep: clock.sleep, now: clock.now };
    const factory = createBigCommerceClientFactory({ ...options, retry: { maxRateLimitRetries: 0 } });
    const otherFactory = createBigCommerceClientFactory(options); // a second wiring, same registry

    expect(limiters.for('abc123')).toBe(limiters.for('abc123'));
    expect(limiters.for('abc123')).not.toBe(limiters.for('xyz789'));

    const a = factory({ hash: 'abc123', accessToken: 'tok-a' });
    await expect(a.get('v2', '/orders')).rejects.toBeInstanceOf(BigCommerceRateLimitError);

    const otherStore = otherFactory({ hash: 'xyz789', accessToken: 'tok-c' });
    await otherStore.get('v2', '/orders');
    expect(clock.sleeps).toEqual([]);

    const b = otherFactory({ hash: 'abc123', accessToken: 'tok-b' });
    await b.get('v2', '/orders');
    expect(clock.sleeps).toEqual([5_000]);
    expect(sentAtSleep).toEqual([2]); // B's request went out only after the pause
  });

  it('caps in-flight requests per store, independently across stores', async () => {
    const held: Array<() => void> = [];
    const stub = await stubFor(() => new Promise((resolve) => held.push(() => resolve({ json: {} }))));
    const limiters = new RateLimiterRegistry({ maxConcurrent: 4 });
    const factory = createBigCommerceClientFactory({ apiUrl: stub.url, limiters });
    const client = factory({ hash: 'abc123', accessToken: 'tok' });

    const calls = Array.from({ length: 8 }, () => client.get('v2', '/orders'));
    await until(() => stub.active() === 4 && limiters.for('abc123').snapshot().queued === 4);

    // Another store is not stuck behind the first one's queue.
    const other = factory({ hash: 'xyz789', accessToken: 'tok2' }).get('v2', '/store');
    await until(() => stub.active() === 5);

    while (stub.requests.length < 9 || held.length > 0) {
      held.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all([...calls, other]);
    expect(stub.maxActive()).toBe(5); // 4 for abc123 + 1 for xyz789
    expect(stub.requests.filter((r) => r.pathname.includes('/abc123/'))).toHaveLength(8);
    expect(limiters.for('abc123').snapshot()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});
