// The fulfillment client's HTTP details with an injected fetch: what it sends, and how it reads
// answers the sandbox warehouse never gives (429, 408, redirects, odd bodies, numeric ids).
import { describe, expect, it } from 'vitest';
import {
  createFulfillmentClient,
  FulfillmentAuthError,
  FulfillmentRejectedError,
  FulfillmentUnavailableError,
  MERCHANT_MESSAGE_MAX,
  retryAfterMs,
  type FulfillmentLogger,
} from '../../server/fulfillment/index.js';
import { DEMO_ACCOUNT, caught, sampleOrder } from './fixtures.js';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: (sent: Sent) => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fn = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const s = { url: String(input), init: init ?? {} };
    sent.push(s);
    return reply(s);
  }) as typeof fetch;
  return { fetch: fn, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function recordingLogger(): { logger: FulfillmentLogger; text: () => string } {
  const lines: string[] = [];
  const log = (obj: Record<string, unknown>, msg?: string) => void lines.push(JSON.stringify({ ...obj, msg }));
  return { logger: { debug: log, info: log, warn: log, error: log }, text: () => lines.join('\n') };
}

describe('fulfillment client HTTP', () => {
  it('sends the bearer key, account id, Idempotency-Key and the order as JSON', async () => {
    const { fetch, sent } = fakeFetch(() => json(201, { id: 'o1', status: 'received' }));
    const client = createFulfillmentClient({ baseUrl: 'https://wms.example.com//', fetch })(DEMO_ACCOUNT);
    await client.createOrder(sampleOrder(), 'bigcommerce:abc123:101');
    const { url, init } = sent[0]!;
    expect(url).toBe('https://wms.example.com/v1/orders');
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('manual');
    expect(init.headers).toMatchObject({
      Authorization: 'Bearer whk_sandbox_demo_key',
      'Fulfillment-Account': 'wh-demo',
      'Idempotency-Key': 'bigcommerce:abc123:101',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(JSON.parse(String(init.body))).toEqual(sampleOrder());
  });

  it('encodes the order id in the cancel path', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { status: 'cancelled' }));
    await createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).cancelOrder('a/b c');
    expect(sent[0]!.url).toBe('https://wms.example.com/v1/orders/a%2Fb%20c/cancel');
  });

  it('normalises numeric ids and keeps unknown statuses', async () => {
    const { fetch } = fakeFetch(() => json(201, { id: 98765, status: 'queued_for_picking', extra: true }));
    const order = await createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).createOrder(sampleOrder(), 'k');
    expect(order).toEqual({ id: '98765', status: 'queued_for_picking', created: true });
  });

  it('retries nothing itself: one attempt per call', async () => {
    const { fetch, sent } = fakeFetch(() => json(500, { error: { code: 'boom', message: 'boom' } }));
    await caught(() => createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).getAccount());
    expect(sent).toHaveLength(1);
  });

  it.each([
    [429, 'rate_limited', { 'retry-after': '7' }, 7000],
    [408, 'timeout', {}, undefined],
    [503, 'server_error', { 'retry-after': '2' }, 2000],
    [302, 'server_error', { location: 'https://elsewhere.example' }, undefined],
  ] as const)('treats HTTP %i as retryable (%s)', async (status, reason, headers, after) => {
    const { fetch } = fakeFetch(() => json(status, { error: { code: 'x', message: 'try later' } }, headers));
    const err = (await caught(() => createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).getAccount())) as FulfillmentUnavailableError;
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.reason).toBe(reason);
    expect(err.status).toBe(status);
    expect(err.retryAfterMs).toBe(after);
  });

  it('retries a create the backend is still processing (409 idempotency_key_in_use), rejects other 409s', async () => {
    const inUse = fakeFetch(() => json(409, { error: { code: 'idempotency_key_in_use', message: 'busy' } }, { 'retry-after': '3' }));
    const err = (await caught(() =>
      createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch: inUse.fetch })(DEMO_ACCOUNT).createOrder(sampleOrder(), 'k'),
    )) as FulfillmentUnavailableError;
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.reason).toBe('in_progress');
    expect(err.retryAfterMs).toBe(3000);

    const duplicate = fakeFetch(() => json(409, { error: { code: 'duplicate_order', message: 'Order number 101 already exists.' } }));
    const rejected = await caught(() => createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch: duplicate.fetch })(DEMO_ACCOUNT).createOrder(sampleOrder(), 'k'));
    expect(rejected).toBeInstanceOf(FulfillmentRejectedError);
    expect(rejected.message).toBe('Order number 101 already exists.');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Wed, 01 May 2024 10:00:30 GMT', Date.parse('2024-05-01T10:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('treats an unreadable 2xx as retryable (the write may have happened; the key makes a retry safe)', async () => {
    for (const body of ['<html>ok</html>', JSON.stringify({ status: 'received' }), JSON.stringify({ id: '', status: 'x' })]) {
      const { fetch } = fakeFetch(() => new Response(body, { status: 201 }));
      const err = (await caught(() =>
        createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).createOrder(sampleOrder(), 'k'),
      )) as FulfillmentUnavailableError;
      expect(err).toBeInstanceOf(FulfillmentUnavailableError);
      expect(err.reason).toBe('invalid_response');
    }
  });

  it('gives a generic merchant message when the 4xx body has none, and keeps the raw body for logs', async () => {
    const { fetch } = fakeFetch(() => new Response('<h1>Bad Request</h1>', { status: 400 }));
    const err = (await caught(() => createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).getAccount())) as FulfillmentRejectedError;
    expect(err).toBeInstanceOf(FulfillmentRejectedError);
    expect(err.message).toBe('The fulfillment backend rejected the request (HTTP 400).');
    expect(err.code).toBeUndefined();
    expect(err.bodyExcerpt).toBe('<h1>Bad Request</h1>');
  });

  it('flattens and truncates long backend messages', async () => {
    const long = `Line one\nline two\t${'x'.repeat(1000)}`;
    const { fetch } = fakeFetch(() => json(422, { error: { code: 'invalid', message: long } }));
    const err = await caught(() => createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch })(DEMO_ACCOUNT).getAccount());
    expect(err.message.length).toBe(MERCHANT_MESSAGE_MAX);
    expect(err.message.startsWith('Line one line two xxx')).toBe(true);
    expect(err.message.endsWith('…')).toBe(true);
  });

  it('refuses unusable credentials with a typed error before any request, without quoting the key', async () => {
    const factory = createFulfillmentClient({ baseUrl: 'https://wms.example.com' });
    await expect(factory({ accountId: '', apiKey: 'k' }).getAccount()).rejects.toThrow(/account id/);
    const err = await factory({ accountId: 'a', apiKey: 'secret key\nwith newline' })
      .getAccount()
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    expect(err).toBeInstanceOf(FulfillmentAuthError);
    expect(err?.message).toMatch(/saved fulfillment API key contains/);
    expect(err?.message).not.toContain('secret key');
    expect(() => createFulfillmentClient({ baseUrl: 'ftp://wms.example.com' })).toThrow(TypeError);
  });

  it('logs method, path, status and timing, never the key', async () => {
    const { logger, text } = recordingLogger();
    const { fetch } = fakeFetch(() => json(200, { id: 'wh-demo', name: 'Demo' }));
    await createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch, logger })(DEMO_ACCOUNT).getAccount();
    const failing = fakeFetch(() => Promise.reject(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })));
    const err = (await caught(() =>
      createFulfillmentClient({ baseUrl: 'https://wms.example.com', fetch: failing.fetch, logger })(DEMO_ACCOUNT).getAccount(),
    )) as FulfillmentUnavailableError;
    expect(err.reason).toBe('network');
    expect(err.message).toContain('ECONNREFUSED');
    expect(text()).toContain('"path":"/v1/account"');
    expect(text()).toContain('"status":200');
    expect(text()).not.toContain(DEMO_ACCOUNT.apiKey);
  });
});
