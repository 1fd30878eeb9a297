// Issue 8 point 2: GET /api/order-statuses and GET /api/inventory-locations read the copies the
// background refresh keeps and never call BigCommerce, even when it is unreachable.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_STATUSES } from '../../server/bigcommerce/default-statuses.js';
import { STORE_REFRESH_EVERY_MS } from '../../server/flows/store-refresh.js';
import { LocationsRepo } from '../../server/storage/locations-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeBigCommerceStore } from '../helpers/fake-bigcommerce-store.js';
import { FakeClock } from '../helpers/harness.js';
import { queued } from '../helpers/run-queued.js';

let t: SignedInApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Signed in, with a BigCommerce whose every call throws (and is counted). */
async function setup() {
  const bc = new FakeBigCommerceStore();
  bc.unreachable = true;
  const clock = new FakeClock(Date.parse('2025-03-01T10:00:00Z'));
  t = await signedInBareApp({ clock, deps: { bigcommerceFactory: bc.factory(() => t!.app.services.stores) } });
  return { bc, clock, app: t };
}

const refreshesQueued = async (app: SignedInApp) => (await queued(app.db, JOB.storeRefresh)).filter((j) => j.dedupeKey === `refresh:${STORE}`).length;

describe('store copies routes', () => {
  it('order statuses: never filled → BigCommerce’s defaults and a refresh is queued, without calling BigCommerce', async () => {
    const { bc, app } = await setup();
    const res = await app.api('get', '/api/order-statuses');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(15);
    expect(res.body.items).toEqual(DEFAULT_ORDER_STATUSES);
    expect(res.body.items.find((x: { id: number }) => x.id === 11)).toEqual({ id: 11, name: 'Awaiting Fulfillment', label: 'Awaiting Fulfillment' });
    expect(await refreshesQueued(app)).toBe(1);
    // A second view while the refresh waits adds no second job.
    expect((await app.api('get', '/api/order-statuses')).status).toBe(200);
    expect(await refreshesQueued(app)).toBe(1);
    expect(bc.calls).toEqual([]);
  });

  it('order statuses: answers the copy with the store’s labels and queues nothing', async () => {
    const { bc, clock, app } = await setup();
    await app.app.services.orderStatuses.replaceAll(STORE, [{ id: 11, name: 'Awaiting Fulfillment', label: 'Ready to pack' }], clock.ms);
    const res = await app.api('get', '/api/order-statuses');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [{ id: 11, name: 'Awaiting Fulfillment', label: 'Ready to pack' }] });
    expect(await refreshesQueued(app)).toBe(0);
    expect(bc.calls).toEqual([]);
  });

  it('inventory locations: never filled → the default location and a refresh is queued, without calling BigCommerce', async () => {
    const { bc, app } = await setup();
    const res = await app.api('get', '/api/inventory-locations');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [{ id: 1, label: 'Default location' }] });
    expect(await refreshesQueued(app)).toBe(1);
    expect(bc.calls).toEqual([]);
  });

  it('inventory locations: answers the copy', async () => {
    const { bc, clock, app } = await setup();
    await new LocationsRepo(app.db).replaceAll(
      STORE,
      [
        { id: 4, label: 'Outlet' },
        { id: 1, label: 'Main' },
      ],
      clock.ms,
    );
    const res = await app.api('get', '/api/inventory-locations');
    expect(res.body).toEqual({
      items: [
        { id: 1, label: 'Main' },
        { id: 4, label: 'Outlet' },
      ],
    });
    expect(await refreshesQueued(app)).toBe(0);
    expect(bc.calls).toEqual([]);
  });

  it('a refresh that cannot be queued (database busy) does not fail the page', async () => {
    const { app } = await setup();
    const queue = app.app.services.jobs.queue;
    queue.enqueue = async () => {
      throw new Error('database is locked');
    };
    const res = await app.api('get', '/api/order-statuses');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(15);
    expect((await app.api('get', '/api/inventory-locations')).body).toEqual({ items: [{ id: 1, label: 'Default location' }] });
    expect(app.logs.text()).toContain('could not queue the store refresh');
  });

  it('an empty copy after a refresh within the hour queues nothing more (at most hourly)', async () => {
    const { clock, app } = await setup();
    // (The clock stays put: the session would expire after an hour.)
    const ranAt = (msAgo: number) => app.app.services.stores.saveRefresh(STORE, { error: 'BigCommerce could not be reached for the order statuses just now.' }, clock.ms - msAgo);
    await ranAt(STORE_REFRESH_EVERY_MS - 1_000);
    expect((await app.api('get', '/api/order-statuses')).status).toBe(200);
    expect((await app.api('get', '/api/inventory-locations')).status).toBe(200);
    expect(await refreshesQueued(app)).toBe(0);
    await ranAt(STORE_REFRESH_EVERY_MS);
    expect((await app.api('get', '/api/order-statuses')).status).toBe(200);
    expect(await refreshesQueued(app)).toBe(1);
  });
});
