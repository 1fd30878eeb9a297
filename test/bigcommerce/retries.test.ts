import { afterEach, describe, expect, it } from 'vitest';
import {
  BigCommerceApiError,
  BigCommerceRateLimitError,
  BigCommerceServerError,
  RateLimiterRegistry,
  createBigCommerceClientFactory,
  type BigCommerceClientFactoryOptions,
} from '../../server/bigcommerce/index.js';
import { backoffDelay, RETRY_DEFAULTS } from '../../server/bigcommerce/retry-policy.js';
import { fakeClock, limitHeaders, startStub, type Stub, type StubHandler } from './helpers.js';

let stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.map((s) => s.close()));
  stubs = [];
});

async function setup(handler: StubHandler, options: Partial<BigCommerceClientFactoryOptions> = {}) {
  const stub = await startStub(handler);
  stubs.push(stub);
  const clock = fakeClock();
  const limiters = new RateLimiterRegistry();
  const factory = createBigCommerceClientFactory({
    apiUrl: stub.url,
    limiters,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...options,
  });
  return { stub, clock, limiters, client: factory({ hash: 'abc123', accessToken: 'tok' }) };
}

/** Answers with `first` for the first `times` requests, then 200. */
function failThenOk(times: number, first: { status: number; headers?: Record<string, string> }): StubHandler {
  return (_req, index) => (index < times ? first : { json: { ok: index } });
}

describe('BigCommerce transport: 429 handling', () => {
  it('waits X-Rate-Limit-Time-Reset-Ms, then succeeds', async () => {
    const headers = limitHeaders({ quota: 150, left: 0, resetMs: 1500, windowMs: 30_000 });
    const { stub, client, clock } = await setup(failThenOk(1, { status: 429, headers }));
    await expect(client.get('v2', '/orders')).resolves.toEqual({ ok: 1 });
    expect(stub.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1500]);
  });

  it('falls back to X-Retry-After, in seconds', async () => {
    const { client, clock } = await setup(failThenOk(1, { status: 429, headers: { 'X-Retry-After': '2' } }));
    await client.get('v2', '/orders');
    expect(clock.sleeps).toEqual([2000]);
  });

  it('waits the default for a bare 429, growing on consecutive ones', async () => {
    const { stub, client, clock } = await setup(failThenOk(2, { status: 429 }));
    await client.get('v2', '/orders');
    expect(stub.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([3000, 6000]);
  });

  it('never waits less than the floor, even when the header says 0', async () => {
    const { client, clock } = await setup(failThenOk(1, { status: 429, headers: limitHeaders({ left: 0, resetMs: 0 }) }));
    await client.get('v2', '/orders');
    expect(clock.sleeps).toEqual([250]);
  });

  it('gives up after the bounded number of retries with an exact request count', async () => {
    const headers = limitHeaders({ left: 0, resetMs: 0 });
    const { stub, client, clock } = await setup(() => ({ status: 429, headers, raw: 'slow down' }));
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceRateLimitError);
    const rateLimited = error as BigCommerceRateLimitError;
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.attempts).toBe(5);
    expect(rateLimited.retryable).toBe(true);
    expect(rateLimited.retryAfterMs).toBe(250);
    expect(stub.requests).toHaveLength(5); // 1 + maxRateLimitRetries (4)
    expect(clock.sleeps).toHaveLength(4);
    for (const ms of clock.sleeps) expect(ms).toBeGreaterThanOrEqual(250);
  });

  it('honours a custom 429 retry budget', async () => {
    const { stub, client } = await setup(() => ({ status: 429 }), { retry: { maxRateLimitRetries: 1 } });
    await expect(client.get('v2', '/orders')).rejects.toBeInstanceOf(BigCommerceRateLimitError);
    expect(stub.requests).toHaveLength(2);
  });

  it('hands a very long wait back to the caller instead of sleeping in-request', async () => {
    const { stub, client, clock } = await setup(() => ({ status: 429, headers: { 'X-Retry-After': '120' } }));
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect((error as BigCommerceRateLimitError).retryAfterMs).toBe(120_000);
    expect(stub.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a rate-limited write, since a 429 was never processed', async () => {
    const { stub, client } = await setup(failThenOk(1, { status: 429, headers: limitHeaders({ resetMs: 1000 }) }));
    await client.post('v2', '/orders/1/shipments', { a: 1 });
    expect(stub.requests).toHaveLength(2);
  });
});

describe('BigCommerce transport: 5xx handling', () => {
  it('retries a GET on 503 with exponential backoff, then succeeds', async () => {
    const { stub, client, clock } = await setup(failThenOk(2, { status: 503 }));
    await expect(client.get('v2', '/orders')).resolves.toEqual({ ok: 2 });
    expect(stub.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]); // random 0.5 × 1000·2^n
  });

  it('stops after maxServerRetries and throws BigCommerceServerError', async () => {
    const { stub, client } = await setup(() => ({ status: 500, raw: 'boom' }));
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceServerError);
    expect((error as BigCommerceServerError).status).toBe(500);
    expect((error as BigCommerceServerError).retryable).toBe(true);
    expect((error as BigCommerceServerError).attempts).toBe(3);
    expect(stub.requests).toHaveLength(3);
  });

  it('does not retry 507 (plan limit)', async () => {
    const { stub, client } = await setup(() => ({ status: 507 }));
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect((error as BigCommerceServerError).retryable).toBe(false);
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry a POST on 5xx unless it is marked idempotent', async () => {
    const plain = await setup(() => ({ status: 502 }));
    await expect(plain.client.post('v2', '/orders/1/shipments', {})).rejects.toBeInstanceOf(BigCommerceServerError);
    expect(plain.stub.requests).toHaveLength(1);
    expect(plain.clock.sleeps).toEqual([]);

    const marked = await setup(failThenOk(1, { status: 502 }));
    await marked.client.put('v2', '/orders/1', { status_id: 2 }, { idempotent: true });
    expect(marked.stub.requests).toHaveLength(2);
  });

  it('does not retry other 4xx', async () => {
    const { stub, client } = await setup(() => ({ status: 422, json: { title: 'invalid' } }));
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).not.toBeInstanceOf(BigCommerceServerError);
    expect(stub.requests).toHaveLength(1);
  });

  it('caps and floors the backoff', () => {
    expect(backoffDelay(20, RETRY_DEFAULTS, () => 0.999999)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(20, RETRY_DEFAULTS, () => 0.999999)).toBeGreaterThan(29_000);
    expect(backoffDelay(0, RETRY_DEFAULTS, () => 0)).toBe(250);
  });
});
