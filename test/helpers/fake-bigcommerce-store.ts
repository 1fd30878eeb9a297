// A scripted fetch for the real BigCommerce transport: answers the three reads of the store
// refresh (GET /v2/store, /v2/order_statuses, /v3/inventory/locations), records every call, and
// can fail one path (a status) or refuse the token. Tests wire it into the app with bareApp's
// `deps.bigcommerceFactory`, so the client's 401 hook flags the store as the app does.
import { createBigCommerceClientFactory, RateLimiterRegistry, type BigCommerceClientFactory } from '../../server/bigcommerce/index.js';
import type { StoresRepo } from '../../server/storage/stores-repo.js';

export interface FakeStoreData {
  store: Record<string, unknown>;
  statuses: Array<{ id: number; name: string; custom_label: string }>;
  locations: Array<{ id: number; label: string; code: string }>;
}

export const SAMPLE: FakeStoreData = {
  store: { id: 'abc123', name: 'Cotton Shop', plan_name: 'Plus', domain: 'cotton.example', secure_url: 'https://cotton.example' },
  statuses: [
    { id: 11, name: 'Awaiting Fulfillment', custom_label: 'Ready to pack' },
    { id: 5, name: 'Cancelled', custom_label: '' },
  ],
  locations: [
    { id: 1, label: 'Main warehouse', code: 'BC-LOCATION-1' },
    { id: 4, label: 'Outlet', code: 'OUT' },
  ],
};

export class FakeBigCommerceStore {
  /** Paths called, e.g. "GET /v2/store". */
  readonly calls: string[] = [];
  data: FakeStoreData = structuredClone(SAMPLE);
  /** path suffix → HTTP status to answer instead of the data. */
  failing = new Map<string, number>();
  /** Every call answers 401 (the token was revoked). */
  refuseToken = false;
  /** Every call throws (no BigCommerce at all). */
  unreachable = false;

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const path = url.pathname.replace(/^\/stores\/[^/]+/, '');
    this.calls.push(`${init?.method ?? 'GET'} ${path}`);
    if (this.unreachable) throw new TypeError('fetch failed');
    if (this.refuseToken) return json(401, { status: 401, title: 'Unauthorized' });
    const failure = this.failing.get(path);
    if (failure !== undefined) return json(failure, { status: failure, title: 'Failure' });
    if (path === '/v2/store') return json(200, this.data.store);
    if (path === '/v2/order_statuses') return json(200, this.data.statuses);
    if (path === '/v3/inventory/locations') return json(200, { data: this.data.locations, meta: {} });
    return json(404, { status: 404, title: 'Not found' });
  };

  /** The app's factory with this fetch; `stores()` is read lazily (the app is built after it). */
  factory(stores: () => StoresRepo): BigCommerceClientFactory {
    return createBigCommerceClientFactory({
      apiUrl: 'http://bigcommerce.test',
      limiters: new RateLimiterRegistry(),
      fetch: this.fetch,
      retry: { maxServerRetries: 0, maxRateLimitRetries: 0 },
      onUnauthorized: async (hash, failedToken) => ((await stores().markNeedsReauth(hash, failedToken, Date.now())) ? 'revoked' : 'replaced'),
    });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
