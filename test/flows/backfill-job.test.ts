import { afterEach, describe, expect, it } from 'vitest';
import { cancelBackfill, HELD_RUN_AT, pauseBackfill, resumeBackfill, startBackfill } from '../../server/flows/backfill/control.js';
import { reconcileOrders } from '../../server/flows/order-import/reconcile-orders.js';
import { buildServices } from '../../server/services.js';
import { BackfillRepo } from '../../server/storage/backfill-repo.js';
import { JOB, orderSyncKey } from '../../server/flows/job-catalogue.js';
import { STORE } from '../helpers/bare-app.js';
import { drain, OrderRangeFake, quickOrderImport, runDue } from '../helpers/backfill-fakes.js';
import { FakeClock } from '../helpers/harness.js';
import { connectedFakeApp, FakeStore, FakeWarehouse } from '../helpers/order-sync-fakes.js';

// Issue 9 point 3: "Import waiting orders" as a paged, resumable, pausable job whose orders go
// through the normal order import exactly once.

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const AWAITING = 11;
const range = { from: T0, to: T0 + 30 * DAY - 1 };

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/**
 * `import: 'real'` runs each order through the app's order import (exactly once end to end);
 * 'quick' puts quickOrderImport (backfill-fakes.ts) in its place for the tests of the backfill's
 * own bookkeeping, which need full pages of 250 orders and were most of this file's run time.
 */
async function setup(opts: { import: 'real' | 'quick' }) {
  const clock = new FakeClock(T0 + 40 * DAY);
  const store = new FakeStore(STORE);
  const bc = new OrderRangeFake(store);
  const wh = new FakeWarehouse();
  const app = await connectedFakeApp(clock, { bigcommerce: () => bc.client, fulfillment: () => wh.client });
  close = app.close;
  const s = app.app.services;
  const creates = () => wh.calls.filter((c) => c.op === 'create');
  const sentKeys = () => new Set(creates().map((c) => c.key));
  const repo = new BackfillRepo(s.db);
  const current = async () => (await repo.current(STORE))!;
  const handlers = opts.import === 'quick' ? quickOrderImport(s, clock, wh) : {};
  return { clock, store, bc, wh, app, s, creates, sentKeys, repo, current, handlers };
}

describe('orders.backfill job', () => {
  it('lists page by page by id (min_id), only the range and the import status, and sends each order once', async () => {
    const t = await setup({ import: 'quick' });
    t.bc.add(1, 600, AWAITING, T0 + 5 * DAY); // in range, waiting
    t.bc.add(601, 620, AWAITING, T0 - 5 * DAY); // before the range
    t.bc.add(621, 640, 9, T0 + 5 * DAY); // in range, another status
    await startBackfill(t.s, STORE, range, 'owner@example.com');

    await runDue(t.s, t.clock, 1, t.handlers); // the first step: the count and one page
    expect(t.bc.counts).toBe(1);
    expect(t.bc.lists).toHaveLength(1);
    expect(t.bc.lists[0]).toMatchObject({ status_id: AWAITING, sort: 'id:asc', limit: 250, page: 1, min_date_created: new Date(range.from).toISOString() });
    expect((await t.current()).total).toBe(600);
    // The next page waits until fewer than 100 of this run's orders are on their way.
    await runDue(t.s, t.clock, 100, t.handlers);
    expect(t.bc.lists).toHaveLength(1);

    await drain(t.s, t.clock, { handlers: t.handlers });
    expect(t.bc.lists.map((q) => q.min_id)).toEqual([undefined, 251, 501]);
    expect(t.creates()).toHaveLength(600);
    expect(t.sentKeys().size).toBe(600);
    const b = await t.current();
    expect(b).toMatchObject({ state: 'done', listed: 600, queued: 600, listingDone: true });
    expect(await t.repo.queuedCounts(b.id)).toEqual({ sent: 600, held: 0, skipped: 0, pending: 0 });
    const activity = await t.s.db('sync_log').where({ store_hash: STORE }).orderBy('id', 'desc').first('message');
    expect(activity.message).toBe('Import of waiting orders finished: 600 orders sent.');
  });

  it('does not queue orders the warehouse already has, and counts held ones', async () => {
    const t = await setup({ import: 'real' });
    t.bc.add(1, 12, AWAITING, T0 + DAY);
    const o11 = t.store.orders.get(11)!;
    t.store.orders.set(11, { ...o11, consignments: { shipping: [{ ...o11.consignments!.shipping[0]!, shipping_method: 'Unmapped' }] } });
    // A first run sends 1-10 and 12; 11 needs attention (its method is not mapped).
    await startBackfill(t.s, STORE, { from: T0, to: T0 + 2 * DAY }, null);
    await drain(t.s, t.clock, { handlers: t.handlers });
    const before = t.creates().length;
    await t.s.db('backfills').update({ finished_at: t.clock.now(), state: 'done' });
    await startBackfill(t.s, STORE, { from: T0, to: T0 + 2 * DAY }, null);
    await drain(t.s, t.clock, { handlers: t.handlers });
    expect(t.creates().length).toBe(before); // nothing sent twice
    const b = await t.current();
    expect(b).toMatchObject({ alreadySent: 11, queued: 1, state: 'done' });
    expect(await t.repo.queuedCounts(b.id)).toEqual({ sent: 0, held: 1, skipped: 0, pending: 0 });
  });

  it('continues after a restart from its cursor; a step cut short queues nothing twice', async () => {
    const t = await setup({ import: 'quick' });
    t.bc.add(1, 300, AWAITING, T0 + DAY);
    await startBackfill(t.s, STORE, range, null);
    await runDue(t.s, t.clock, 1 + 200, t.handlers); // page 1 and 200 of its orders
    t.bc.failLists = 1; // the next page fails once (BigCommerce down): the step comes back
    await drain(t.s, t.clock, { forMs: 5_000, handlers: t.handlers });
    expect(t.bc.lists.length).toBeGreaterThanOrEqual(2);

    // A new process over the same database: only what the tables hold carries over.
    const s2 = buildServices({
      config: t.s.config,
      db: t.s.db,
      logger: t.s.logger,
      clock: t.clock,
      clientDir: '/nonexistent',
      bigcommerceFactory: () => t.bc.client,
      fulfillmentFactory: () => t.wh.client,
    });
    await drain(s2, t.clock, { handlers: quickOrderImport(s2, t.clock, t.wh) });
    expect(t.creates()).toHaveLength(300);
    expect(t.sentKeys().size).toBe(300);
    expect(await t.current()).toMatchObject({ state: 'done', listed: 300 });
  });

  it('pause holds what it queued, a webhook still gets its order out, resume finishes the rest', async () => {
    const t = await setup({ import: 'quick' });
    t.bc.add(1, 300, AWAITING, T0 + DAY);
    await startBackfill(t.s, STORE, range, null);
    await runDue(t.s, t.clock, 1 + 50, t.handlers);
    expect(t.creates()).toHaveLength(50);
    await pauseBackfill(t.s, STORE);
    await drain(t.s, t.clock, { forMs: 60_000, handlers: t.handlers });
    expect(t.creates()).toHaveLength(50);
    const held = await t.s.db('jobs').where({ kind: JOB.orderSync, state: 'pending' }).select('run_at');
    expect(held.length).toBe(200);
    expect(held.every((r) => Number(r.run_at) === HELD_RUN_AT)).toBe(true);
    // A webhook for a held order pulls its job forward (enqueue keeps the earlier run_at).
    await t.s.jobs.queue.enqueue({ storeHash: STORE, kind: JOB.orderSync, payload: { orderId: 200 }, dedupeKey: orderSyncKey(STORE, 200) });
    await drain(t.s, t.clock, { forMs: 60_000, handlers: t.handlers });
    expect(t.creates()).toHaveLength(51);
    expect((await t.current()).state).toBe('paused');

    await resumeBackfill(t.s, STORE);
    await drain(t.s, t.clock, { handlers: t.handlers });
    expect(t.creates()).toHaveLength(300);
    expect(t.sentKeys().size).toBe(300);
    expect((await t.current()).state).toBe('done');
  });

  it('cancel drops what it queued and not yet sent; the orders are waiting again; a new one may start', async () => {
    const t = await setup({ import: 'quick' });
    t.bc.add(1, 300, AWAITING, T0 + DAY);
    await t.s.orders.upsertSeen(STORE, 120, { bcStatusId: 9, bcStatus: 'Awaiting Shipment', customer: '', orderDate: null, shippingMethod: null }, 'waiting', t.clock.now());
    await startBackfill(t.s, STORE, range, null);
    await runDue(t.s, t.clock, 1 + 50, t.handlers);
    expect((await t.s.orders.get(STORE, 120))?.state).toBe('queued');
    const b = await cancelBackfill(t.s, STORE);
    expect(b.state).toBe('cancelled');
    expect(await t.s.db('jobs').where({ kind: JOB.orderSync, state: 'pending' }).count({ n: '*' }).first()).toMatchObject({ n: 0 });
    expect((await t.s.orders.get(STORE, 120))?.state).toBe('waiting');
    await drain(t.s, t.clock, { forMs: 60_000, handlers: t.handlers });
    expect(t.creates()).toHaveLength(50);
    await expect(pauseBackfill(t.s, STORE)).rejects.toMatchObject({ status: 409 });
    await startBackfill(t.s, STORE, range, null);
    await drain(t.s, t.clock, { handlers: t.handlers });
    expect(t.creates()).toHaveLength(300);
    expect(t.sentKeys().size).toBe(300);
  });

  it('exactly once with the reconciliation running meanwhile', async () => {
    const t = await setup({ import: 'real' });
    t.bc.add(1, 260, AWAITING, t.clock.now() - 60_000); // recent: the reconciliation sees them too
    await startBackfill(t.s, STORE, { from: T0, to: t.clock.now() }, null);
    await runDue(t.s, t.clock, 1 + 30, t.handlers);
    await reconcileOrders(t.s, STORE, { all: true });
    await runDue(t.s, t.clock, 100, t.handlers);
    await reconcileOrders(t.s, STORE);
    await drain(t.s, t.clock, { handlers: t.handlers });
    expect(t.creates()).toHaveLength(260);
    expect(t.sentKeys().size).toBe(260);
    const b = await t.current();
    expect(b.state).toBe('done');
    expect(await t.repo.queuedCounts(b.id)).toMatchObject({ sent: b.queued, pending: 0 });
  }, 60_000); // 260 orders through the real import: about 4 s of CPU, several times that on a loaded 2-core machine

  it('one backfill per store at a time', async () => {
    const t = await setup({ import: 'real' });
    await startBackfill(t.s, STORE, range, null);
    await expect(startBackfill(t.s, STORE, range, null)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/still running/) });
    await pauseBackfill(t.s, STORE);
    await expect(startBackfill(t.s, STORE, range, null)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/is paused/) });
  });
});
