// Issue 8 point 2: the store's details, order statuses and inventory locations are copied by a
// background job (three calls), at most hourly; a failure keeps the last known copy and says why.
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_REFUSED_PROBLEM } from '../../server/flows/store-details.js';
import { jobHandlers } from '../../server/flows/runtime.js';
import { STORE_REFRESH_EVERY_MS } from '../../server/flows/store-refresh.js';
import { LocationsRepo } from '../../server/storage/locations-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import type { StoreRefreshPayload } from '../../server/flows/job-catalogue.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeBigCommerceStore } from '../helpers/fake-bigcommerce-store.js';
import { FakeClock } from '../helpers/harness.js';
import { jobOf } from '../helpers/order-sync-fakes.js';

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  const bc = new FakeBigCommerceStore();
  const clock = new FakeClock(Date.parse('2025-03-01T10:00:00Z'));
  t = await bareApp({ clock, deps: { bigcommerceFactory: bc.factory(() => t!.app.services.stores) } });
  await t.install();
  const s = t.app.services;
  const run = (payload: StoreRefreshPayload | null = {}) => jobHandlers(s)[JOB.storeRefresh]!(jobOf(STORE, JOB.storeRefresh, payload), { signal: new AbortController().signal });
  const store = async () => (await s.stores.get(STORE))!;
  return { bc, clock, s, run, store, locations: () => new LocationsRepo(s.db).list(STORE) };
}

describe('store.refresh job', () => {
  it('writes the store details, order statuses and locations with three calls', async () => {
    const { bc, clock, s, run, store, locations } = await setup();
    await run();
    expect(bc.calls.sort()).toEqual(['GET /v2/order_statuses', 'GET /v2/store', 'GET /v3/inventory/locations']);
    expect(await store()).toMatchObject({
      name: 'Cotton Shop',
      plan: 'Plus',
      domain: 'cotton.example',
      secureUrl: 'https://cotton.example',
      detailsRefreshedAt: clock.ms,
      detailsError: null,
    });
    expect(await s.orderStatuses.list(STORE)).toEqual([
      { id: 5, name: 'Cancelled', label: 'Cancelled' },
      { id: 11, name: 'Awaiting Fulfillment', label: 'Ready to pack' },
    ]);
    expect(await s.orderStatuses.label(STORE, 11)).toBe('Ready to pack');
    expect(await locations()).toEqual([
      { id: 1, label: 'Main warehouse' },
      { id: 4, label: 'Outlet' },
    ]);
  });

  it('a failed read keeps the last known copies and records what failed in merchant words', async () => {
    const { bc, clock, s, run, store, locations } = await setup();
    await run();
    clock.advance(STORE_REFRESH_EVERY_MS);
    bc.data.store = { ...bc.data.store, name: 'Renamed' };
    bc.failing.set('/v2/store', 503);
    bc.failing.set('/v3/inventory/locations', 500);
    bc.data.statuses = [{ id: 11, name: 'Awaiting Fulfillment', custom_label: 'Pack me' }];
    await run();
    const after = await store();
    expect(after.name).toBe('Cotton Shop');
    expect(after.detailsRefreshedAt).toBe(clock.ms);
    expect(after.detailsError).toBe(
      'BigCommerce did not answer when asked for the store details just now; showing the last known ones. ' +
        'BigCommerce did not answer when asked for the inventory locations just now; showing the last known ones.',
    );
    expect(after.detailsError).not.toMatch(/HTTP|50\d/);
    // What did answer is refreshed; what did not is kept.
    expect(await s.orderStatuses.list(STORE)).toEqual([{ id: 11, name: 'Awaiting Fulfillment', label: 'Pack me' }]);
    expect(await locations()).toHaveLength(2);

    // The next run that succeeds clears the problem.
    clock.advance(STORE_REFRESH_EVERY_MS);
    bc.failing.clear();
    await run();
    expect(await store()).toMatchObject({ name: 'Renamed', detailsError: null });
  });

  it('a copy never filled says that the defaults are shown', async () => {
    const { bc, run, store } = await setup();
    bc.failing.set('/v2/order_statuses', 502);
    await run();
    expect((await store()).detailsError).toBe('BigCommerce did not answer when asked for the order statuses just now; showing BigCommerce’s default statuses.');
  });

  it('a refused token flags the store for re-authorisation and stops after the first call', async () => {
    const { bc, run, store } = await setup();
    bc.refuseToken = true;
    await run();
    expect(bc.calls).toEqual(['GET /v2/store']);
    expect(await store()).toMatchObject({ needsReauth: true, reauthReason: 'token_revoked', detailsError: TOKEN_REFUSED_PROBLEM });
  });

  it('runs at most hourly, except right after an install', async () => {
    const { bc, clock, run } = await setup();
    await run();
    expect(bc.calls).toHaveLength(3);
    clock.advance(STORE_REFRESH_EVERY_MS - 1);
    await run();
    expect(bc.calls).toHaveLength(3);
    await run({ force: true });
    expect(bc.calls).toHaveLength(6);
    clock.advance(STORE_REFRESH_EVERY_MS);
    await run();
    expect(bc.calls).toHaveLength(9);
  });

  it('a rate limit is a wait: the job is retried and nothing is recorded', async () => {
    const { bc, run, store } = await setup();
    bc.failing.set('/v2/store', 429);
    await expect(run()).rejects.toThrow();
    expect(await store()).toMatchObject({ detailsRefreshedAt: null, detailsError: null });
  });
});
