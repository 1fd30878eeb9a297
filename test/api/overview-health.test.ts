// Issue 8 points 1 and 2: GET /api/overview and GET /api/alerts read the database only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertsResponse, OverviewResponse } from '../../server/api/contract.js';
import { createBigCommerceClientFactory, RateLimiterRegistry } from '../../server/bigcommerce/index.js';
import { WarehouseCallRecorder } from '../../server/health/warehouse-calls.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { connectWarehouse, seedJob, seedOrder } from '../health/seed.js';

let t: SignedInApp;
let bigcommerceCalls: string[];
beforeEach(async () => {
  bigcommerceCalls = [];
  const fetch = (async (url: string | URL | Request) => {
    bigcommerceCalls.push(String(url));
    throw new Error('BigCommerce must not be called by a page read');
  }) as typeof globalThis.fetch;
  t = await signedInBareApp({
    deps: { bigcommerceFactory: createBigCommerceClientFactory({ apiUrl: 'http://bc.invalid', limiters: new RateLimiterRegistry(), fetch, retry: { maxServerRetries: 0 } }) },
  });
});
afterEach(() => t.close());

describe('GET /api/overview', () => {
  it('answers the store, the flows, the warehouse, BigCommerce, the backlog and the alerts without calling BigCommerce', async () => {
    await t
      .db('stores')
      .where({ hash: STORE })
      .update({ name: 'Demo store', details_error: 'BigCommerce could not be reached for the store details just now; showing the last known ones.' });
    await connectWarehouse(t.app.services.settings, Date.now() - 60_000);
    await new WarehouseCallRecorder({ db: t.db, now: () => Date.now() }).record(STORE, { ok: false, kind: 'unreachable', message: 'The warehouse could not be reached.' });
    await seedOrder(t.db, { state: 'retrying', at: Date.now() });
    await seedJob(t.db, { state: 'pending', at: Date.now() });

    const res = await t.api('get', '/api/overview');
    expect(res.status).toBe(200);
    const body = res.body as OverviewResponse;
    expect(bigcommerceCalls).toEqual([]);
    expect(body.store).toMatchObject({ name: 'Demo store', detailsError: expect.stringMatching(/showing the last known ones/) });
    expect(body.flows.map((f) => [f.flow, f.health])).toEqual([
      ['orders', 'failing'],
      ['fulfillment', 'healthy'],
      ['inventory', 'healthy'],
      ['cancellations', 'failing'],
    ]);
    expect(body.warehouse).toMatchObject({ state: 'unreachable', accountName: 'Demo warehouse', lastError: 'The warehouse could not be reached.' });
    expect(body.bigcommerce).toMatchObject({ tokenValid: true, quota: null });
    // Install and load queued their own jobs (webhook upkeep) besides the order's.
    const waiting = Number((await t.db('jobs').where({ store_hash: STORE, state: 'pending' }).count({ n: '*' }))[0]!.n);
    expect(waiting).toBeGreaterThan(1);
    expect(body.backlog).toMatchObject({ jobsWaiting: waiting, ordersQueued: 1 });
    expect(body.alerts.map((a) => a.kind)).toEqual(['warehouse_unreachable']);
    expect(body.checklist.find((c) => c.id === 'backend')?.done).toBe(true);
  });

  it('GET /api/alerts answers the same problems, without calling BigCommerce', async () => {
    await seedOrder(t.db, { state: 'needs_attention', at: Date.now() });
    const res = await t.api('get', '/api/alerts');
    expect(res.status).toBe(200);
    expect((res.body as AlertsResponse).alerts).toEqual([expect.objectContaining({ kind: 'orders_need_attention', message: '1 order needs attention' })]);
    expect(bigcommerceCalls).toEqual([]);
  });

  it('POST /api/webhooks/repair says BigCommerce could not be reached, as a 502 with a readable message', async () => {
    const res = await t.api('post', '/api/webhooks/repair');
    expect(res.status).toBe(502);
    expect(res.body.error.message).toBe('BigCommerce could not be reached just now: try again in a minute.');
    expect(bigcommerceCalls.length).toBeGreaterThan(0);
  });

  it('both need a session', async () => {
    expect((await t.http.get('/api/alerts')).status).toBe(401);
    expect((await t.http.post('/api/webhooks/repair')).status).toBe(401);
  });
});
