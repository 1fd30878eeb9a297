// Issue 8 point 1: the store's API quota use, read from the X-Rate-Limit-* headers the client already gets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceClientFactory, RateLimiterRegistry } from '../../server/bigcommerce/index.js';
import { ApiQuotaRecorder, QUOTA_WRITE_EVERY_MS } from '../../server/health/quota-recorder.js';
import { readStoreHealth } from '../../server/health/overview.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';

let t: BareApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-04T15:00:00Z'));
  t = await bareApp({ clock });
  await t.install();
});
afterEach(() => t.close());

const headers = (left: number) => ({
  'X-Rate-Limit-Requests-Quota': '150',
  'X-Rate-Limit-Requests-Left': String(left),
  'X-Rate-Limit-Time-Window-Ms': '30000',
  'X-Rate-Limit-Time-Reset-Ms': '20000',
});
const row = () => t.db('store_api_quota').where({ store_hash: STORE }).first();

describe('API quota recording', () => {
  it('the BigCommerce client hands every response’s headers over; the Overview shows them', async () => {
    const recorder = new ApiQuotaRecorder({ db: t.db, now: () => clock.now() });
    let left = 40;
    const fetch = (async () => new Response('{"data":[]}', { status: 200, headers: headers(left--) })) as typeof globalThis.fetch;
    const client = createBigCommerceClientFactory({ apiUrl: 'http://bc.invalid', limiters: new RateLimiterRegistry(), fetch, now: () => clock.now(), onQuota: recorder.observe })({
      hash: STORE,
      accessToken: 't',
    });
    await client.get('v3', '/hooks');
    await client.get('v3', '/hooks'); // inside the write window: not written
    await recorder.flush();
    expect(await row()).toMatchObject({ requests_quota: 150, requests_left: 40, window_ms: 30000, requests_in_window: 110, exhausted_at: null });

    clock.advance(QUOTA_WRITE_EVERY_MS);
    await client.get('v3', '/hooks');
    await recorder.flush();
    expect(await row()).toMatchObject({ requests_left: 38, observed_at: clock.now() });

    const { bigcommerce } = await readStoreHealth(t.app.services, STORE, clock.now());
    expect(bigcommerce.quota).toEqual({ quota: 150, left: 38, windowMs: 30000, observedAt: new Date(clock.now()).toISOString(), exhaustedAt: null });
  });

  it('a 429 or nothing left records when the quota ran out, at once, at most once per window', async () => {
    const recorder = new ApiQuotaRecorder({ db: t.db, now: () => clock.now() });
    recorder.observe(STORE, { quota: 150, left: 100, windowMs: 30000, resetMs: 1, rateLimited: false });
    clock.advance(1_000);
    recorder.observe(STORE, { quota: 150, left: 0, windowMs: 30000, resetMs: 1, rateLimited: false });
    await recorder.flush();
    const first = clock.now();
    expect(await row()).toMatchObject({ requests_left: 0, exhausted_at: first });

    clock.advance(1_000);
    recorder.observe(STORE, { quota: undefined, left: undefined, windowMs: undefined, resetMs: undefined, rateLimited: true });
    await recorder.flush();
    expect(Number((await row()).exhausted_at)).toBe(first);

    clock.advance(QUOTA_WRITE_EVERY_MS);
    recorder.observe(STORE, { quota: undefined, left: undefined, windowMs: undefined, resetMs: undefined, rateLimited: true });
    await recorder.flush();
    expect(Number((await row()).exhausted_at)).toBe(clock.now());
  });

  it('a failed write is reported and never thrown at the HTTP client', async () => {
    const errors: unknown[] = [];
    const recorder = new ApiQuotaRecorder({ db: t.db, now: () => clock.now(), onError: (e) => errors.push(e) });
    // No such store: the foreign key refuses the row.
    expect(() => recorder.observe('nosuchstore', { quota: 150, left: 1, windowMs: 30000, resetMs: 1, rateLimited: false })).not.toThrow();
    await recorder.flush();
    expect(errors).toHaveLength(1);
  });
});
