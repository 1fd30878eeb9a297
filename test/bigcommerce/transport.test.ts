import { afterEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import {
  BigCommerceApiError,
  BigCommerceInvalidResponseError,
  BigCommerceNetworkError,
  BigCommerceTimeoutError,
  BigCommerceTokenReplacedError,
  BigCommerceUnauthorizedError,
  RateLimiterRegistry,
  createBigCommerceClientFactory,
  isBigCommerceApiError,
  type BigCommerceClientFactoryOptions,
  type BigCommerceLogger,
} from '../../server/bigcommerce/index.js';
import { fakeClock, recordingLogger, startStub, type Stub, type StubHandler } from './helpers.js';

const TOKEN = 'tok_SECRET_abc123';
const store = { hash: 'abc123', accessToken: TOKEN };

let stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.map((s) => s.close()));
  stubs = [];
});

async function setup(handler: StubHandler, options: Partial<BigCommerceClientFactoryOptions> = {}) {
  const stub = await startStub(handler);
  stubs.push(stub);
  const clock = fakeClock();
  const logger = recordingLogger();
  const factory = createBigCommerceClientFactory({
    apiUrl: `${stub.url}/`,
    limiters: new RateLimiterRegistry(),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    logger,
    ...options,
  });
  return { stub, clock, logger, client: factory(store) };
}

describe('BigCommerce transport: requests', () => {
  it('accepts a pino logger', () => {
    const logger: BigCommerceLogger = pino({ enabled: false });
    expect(typeof logger.warn).toBe('function');
  });

  it('sends the token only in X-Auth-Token, with JSON headers and user agent', async () => {
    const { stub, client, logger } = await setup(() => ({ json: { ok: true } }));
    await expect(client.get('v3', '/catalog/products')).resolves.toEqual({ ok: true });
    await client.post('v2', 'orders/1/shipments', { tracking_number: 'T1' });

    const [get, post] = stub.requests;
    expect(get?.method).toBe('GET');
    expect(get?.pathname).toBe('/stores/abc123/v3/catalog/products');
    expect(get?.headers['x-auth-token']).toBe(TOKEN);
    expect(get?.headers.accept).toBe('application/json');
    expect(get?.headers['user-agent']).toBe('FulfillmentBridge/0.1');
    expect(get?.headers['content-type']).toBeUndefined();
    expect(post?.pathname).toBe('/stores/abc123/v2/orders/1/shipments');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toEqual({ tracking_number: 'T1' });
    for (const req of stub.requests) expect(req.rawUrl).not.toContain(TOKEN);
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.entries)).not.toContain(TOKEN);
  });

  it('encodes query parameters so BigCommerce filter keys and dates survive', async () => {
    const { stub, client } = await setup(() => ({ json: [] }));
    await client.get('v3', '/catalog/products', {
      query: {
        'sku:in': ['A-1', 'B 2', 'C&D'],
        min_date_modified: '2024-01-01T00:00:00+00:00',
        page: 2,
        is_visible: true,
        skipped: undefined,
        also_skipped: null,
      },
    });
    const req = stub.requests[0];
    expect(req?.rawUrl).toContain('sku:in=A-1,B%202,C%26D');
    expect(req?.searchParams.get('sku:in')).toBe('A-1,B 2,C&D');
    expect(req?.searchParams.get('min_date_modified')).toBe('2024-01-01T00:00:00+00:00');
    expect(req?.searchParams.get('page')).toBe('2');
    expect(req?.searchParams.get('is_visible')).toBe('true');
    expect(req?.searchParams.has('skipped')).toBe(false);
    expect(req?.searchParams.has('also_skipped')).toBe(false);
  });

  it('rejects a query string glued onto the path', async () => {
    const { stub, client } = await setup(() => ({ json: {} }));
    await expect(client.get('v2', '/orders?status_id=11')).rejects.toThrow(TypeError);
    expect(stub.requests).toHaveLength(0);
  });

  it('returns null for 204 and for an empty 200 body', async () => {
    const { client } = await setup((req) => (req.method === 'DELETE' ? { status: 204 } : { status: 200, raw: '' }));
    await expect(client.delete('v2', '/orders/1/shipments/2')).resolves.toBeNull();
    await expect(client.get('v2', '/orders/1/shipments')).resolves.toBeNull();
  });

  it('turns a non-JSON 2xx body into a typed error instead of crashing', async () => {
    const { client } = await setup(() => ({ status: 200, raw: '<html>maintenance</html>' }));
    const error = await client.get('v2', '/store').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceInvalidResponseError);
    expect((error as BigCommerceApiError).bodyExcerpt).toBe('<html>maintenance</html>');
  });

  it('throws typed errors with status, method and path, but no token, query or long body', async () => {
    const body = `not found; you sent ${TOKEN} ${'x'.repeat(2_000)}`;
    const { stub, client } = await setup(() => ({ status: 404, raw: body }));
    const error = await client.get('v2', '/orders/99', { query: { secret_filter: 'qs-secret-value' } }).catch((e: unknown) => e);

    expect(isBigCommerceApiError(error)).toBe(true);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    const apiError = error as BigCommerceApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.method).toBe('GET');
    expect(apiError.path).toBe('/v2/orders/99');
    expect(apiError.storeHash).toBe('abc123');
    expect(apiError.retryable).toBe(false);
    expect(apiError.bodyExcerpt?.length).toBeLessThanOrEqual(500);
    expect(apiError.bodyExcerpt).toContain('[redacted]');
    const everything = `${apiError.message} ${apiError.stack ?? ''} ${JSON.stringify(apiError)}`;
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('qs-secret-value');
    expect(stub.requests).toHaveLength(1);
  });

  it('on 401 calls onUnauthorized once and does not retry', async () => {
    const onUnauthorized = vi.fn();
    const { stub, client, clock } = await setup(() => ({ status: 401, json: { title: 'Unauthorized' } }), {
      onUnauthorized,
    });
    const error = await client.get('v2', '/store').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceUnauthorizedError);
    expect((error as BigCommerceApiError).status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    // With the token that failed, so the app can tell a revoked token from a replaced one.
    expect(onUnauthorized).toHaveBeenCalledWith('abc123', TOKEN);
    expect(stub.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a 401 the hook calls "replaced" (a reinstall stored a new token) is a retryable BigCommerceTokenReplacedError', async () => {
    const replaced = await setup(() => ({ status: 401 }), { onUnauthorized: () => 'replaced' });
    const error = await replaced.client.get('v2', '/store').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceTokenReplacedError);
    expect((error as BigCommerceApiError).retryable).toBe(true);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    const revoked = await setup(() => ({ status: 401 }), { onUnauthorized: () => 'revoked' });
    const final = await revoked.client.get('v2', '/store').catch((e: unknown) => e);
    expect(final).toBeInstanceOf(BigCommerceUnauthorizedError);
    expect(final).not.toBeInstanceOf(BigCommerceTokenReplacedError);
    expect((final as BigCommerceApiError).retryable).toBe(false);
  });

  it('still reports the 401 when the onUnauthorized hook fails', async () => {
    const { client, logger } = await setup(() => ({ status: 401 }), {
      onUnauthorized: () => Promise.reject(new Error('db down')),
    });
    await expect(client.get('v2', '/store')).rejects.toBeInstanceOf(BigCommerceUnauthorizedError);
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('times out a stalled GET, retries it a bounded number of times, then throws BigCommerceTimeoutError', async () => {
    const { stub, client, clock } = await setup(() => 'hang', { timeoutMs: 50 });
    const error = await client.get('v2', '/orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceTimeoutError);
    expect((error as BigCommerceApiError).status).toBeNull();
    expect((error as BigCommerceApiError).attempts).toBe(3);
    expect(stub.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('does not repeat a non-idempotent write that timed out', async () => {
    // Long enough for the request to reach the stub on a loaded machine: a timeout that fires
    // before it arrives would leave nothing to count.
    const { stub, client } = await setup(() => 'hang', { timeoutMs: 300 });
    await expect(client.post('v2', '/orders/1/shipments', {})).rejects.toBeInstanceOf(BigCommerceTimeoutError);
    expect(stub.requests).toHaveLength(1);
  });

  it('maps a refused connection to BigCommerceNetworkError after bounded retries', async () => {
    const closed = await startStub(() => ({ json: {} }));
    await closed.close();
    const clock = fakeClock();
    const client = createBigCommerceClientFactory({
      apiUrl: closed.url,
      limiters: new RateLimiterRegistry(),
      sleep: clock.sleep,
      now: clock.now,
    })(store);
    const error = await client.get('v2', '/store').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceNetworkError);
    expect(error).not.toBeInstanceOf(BigCommerceTimeoutError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(clock.sleeps).toHaveLength(2);
  });

  it('does not follow redirects (the token must not travel elsewhere)', async () => {
    const elsewhere = await startStub(() => ({ json: {} }));
    stubs.push(elsewhere);
    const { client } = await setup(() => ({ status: 302, headers: { location: `${elsewhere.url}/steal` } }));
    const error = await client.get('v2', '/store').catch((e: unknown) => e);
    expect((error as BigCommerceApiError).status).toBe(302);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
