import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BigCommerceRateLimitError,
  BigCommerceServerError,
  BigCommerceTokenReplacedError,
  BigCommerceUnauthorizedError,
  createBigCommerceClientFactory,
  getStoreInfo,
  RateLimiterRegistry,
  type BigCommerceClient,
} from '../../server/bigcommerce/index.js';
import { startHarness, type Harness } from '../helpers/harness.js';

const STORE = 'sbx1234';
const WINDOW_MS = 1_000;
const QUOTA = 6;

// The BigCommerce client from the app, against the sandbox with a small, fast window, on real time.
let h: Harness;
let client: BigCommerceClient;
beforeAll(async () => {
  h = await startHarness({
    sandbox: { quota: QUOTA, windowMs: WINDOW_MS },
  });
  const { authUrl } = h.sandbox.control.beginInstall(STORE);
  const u = new URL(authUrl);
  expect((await h.http.get(`${u.pathname}${u.search}`)).status).toBe(200);
});
afterAll(async () => h?.close());

function freshClient(retry = {}) {
  const factory = createBigCommerceClientFactory({
    apiUrl: h.sandbox.url,
    limiters: new RateLimiterRegistry(),
    retry: { baseDelayMs: 50, defaultRateLimitWaitMs: 300, ...retry },
    onUnauthorized: async (hash, failedToken) => {
      await h.app.services.stores.markNeedsReauth(hash, failedToken, Date.now());
    },
  });
  return factory({ hash: STORE, accessToken: h.sandbox.control.tokenFor(STORE)! });
}

beforeEach(() => {
  h.sandbox.control.clearFaults();
  h.sandbox.control.resetRequests();
  client = freshClient();
});

const statuses = () => h.sandbox.control.requests.map((r) => r.status);
const gaps = () => h.sandbox.control.requests.slice(1).map((r, i) => r.at - h.sandbox.control.requests[i]!.at);

describe('BigCommerce client against the sandbox rate limits', () => {
  it('slows down before the quota runs out: many calls, no 429', async () => {
    // Let the window that the install used roll over.
    await new Promise((r) => setTimeout(r, WINDOW_MS + 50));
    const started = Date.now();
    for (let i = 0; i < QUOTA * 2 + 2; i++) await getStoreInfo(client);
    expect(statuses().every((s) => s === 200)).toBe(true);
    expect(statuses()).toHaveLength(QUOTA * 2 + 2);
    // Two quota's worth cannot fit in one window: it must have waited at least one reset.
    expect(Date.now() - started).toBeGreaterThanOrEqual(WINDOW_MS * 0.8);
  });

  it('on 429 waits X-Rate-Limit-Time-Reset-Ms, then succeeds', async () => {
    h.sandbox.control.setFaults({ kind: 'rate_limit', count: 2, resetMs: 300 });
    const info = await getStoreInfo(client);
    expect(info.name).toBe('Sandbox Store');
    expect(statuses()).toEqual([429, 429, 200]);
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(280);
  });

  it('on 429 without headers waits a default, never a hot loop', async () => {
    h.sandbox.control.setFaults({ kind: 'rate_limit_no_headers', count: 1 });
    await getStoreInfo(client);
    expect(statuses()).toEqual([429, 200]);
    expect(gaps()[0]).toBeGreaterThanOrEqual(280);
  });

  it('gives up after a bounded number of 429s', async () => {
    client = freshClient({ maxRateLimitRetries: 3 });
    h.sandbox.control.setFaults({ kind: 'rate_limit', resetMs: 250 });
    await expect(getStoreInfo(client)).rejects.toBeInstanceOf(BigCommerceRateLimitError);
    expect(statuses()).toEqual([429, 429, 429, 429]);
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(230);
  });

  it('retries 5xx a bounded number of times', async () => {
    h.sandbox.control.setFaults({ kind: 'server_error', status: 503, count: 1 });
    await getStoreInfo(client);
    expect(statuses()).toEqual([503, 200]);
    h.sandbox.control.resetRequests();
    h.sandbox.control.setFaults({ kind: 'server_error', status: 500 });
    await expect(getStoreInfo(client)).rejects.toBeInstanceOf(BigCommerceServerError);
    expect(statuses()).toEqual([500, 500, 500]);
  });

  it('a 401 on the stored token marks the store as needing re-authorisation', async () => {
    // The app's own client (services wiring), then BigCommerce revokes the token it holds.
    const stored = (await h.app.services.bigcommerce.forStore(STORE))!;
    h.sandbox.control.state.revokeToken(STORE);
    const error = await getStoreInfo(stored).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceUnauthorizedError);
    expect(error).not.toBeInstanceOf(BigCommerceTokenReplacedError);
    expect(statuses()).toEqual([401]);
    expect((await h.app.services.stores.get(STORE))?.needsReauth).toBe(true);
  });
});
