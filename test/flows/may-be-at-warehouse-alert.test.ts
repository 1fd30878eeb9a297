// Review of issue 7, point 9: the "may be at the warehouse" alert comes from one builder in every
// flow (cancel-unconfirmed.ts, sync-dead.ts, sync-order.ts), so `row.alert === text` recognises an
// alert already given whichever flow gave it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayBeAtWarehouseAlert } from '../../server/flows/order-import/cancel-unconfirmed.js';
import { failDeadOrderSync } from '../../server/flows/order-import/sync-dead.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof bareApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
const s = () => b.app.services;
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, 'order.sync', { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const mayBeThere = async (orderId: number) => (await s().syncLog.timeline(STORE, orderId)).filter((e) => /may be at the warehouse/.test(e.message));

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  b = await connectedFakeApp(clock, { bigcommerce: () => store.client, fulfillment: () => wh.client });
});
afterEach(async () => b.close());

/** An order whose create may have reached the warehouse (its answer was lost). */
async function lostCreate(orderId: number) {
  store.orders.set(orderId, bcOrder(orderId, 11));
  wh.plan.push('lost');
  await expect(sync(orderId)).rejects.toBeInstanceOf(RetryableJobError);
}

describe('the "may be at the warehouse" alert', () => {
  it('says what happened in BigCommerce, why the app cannot settle it, and what to do', () => {
    expect(mayBeAtWarehouseAlert('Cancelled', 'the fulfillment backend is not connected')).toBe(
      'Cancelled in BigCommerce, but an earlier attempt to send it may have reached the warehouse (no answer came back), and the fulfillment backend is not connected. Check the warehouse and cancel the order there if it has it.',
    );
    expect(mayBeAtWarehouseAlert('Deleted')).toBe(
      'Deleted in BigCommerce, but an earlier attempt to send it may have reached the warehouse (no answer came back). Check the warehouse and cancel the order there if it has it.',
    );
  });

  it('an order deleted in BigCommerce gets the built alert, said once', async () => {
    await lostCreate(81);
    store.orders.delete(81);
    await sync(81);
    await sync(81);
    expect((await row(81)).alert).toBe(mayBeAtWarehouseAlert('Deleted'));
    expect(await mayBeThere(81)).toHaveLength(1);
  });

  it('a cancellation while passing cancellations on is off gets the built alert', async () => {
    await s().settings.saveFlows(STORE, { cancellations: false }, clock.now());
    await lostCreate(82);
    store.setStatus(82, 5);
    await sync(82);
    expect((await row(82)).alert).toBe(mayBeAtWarehouseAlert('Cancelled', 'passing cancellations on to the warehouse is switched off'));
  });

  it('a cancellation whose job died gets the built alert', async () => {
    await lostCreate(83);
    store.setStatus(83, 5);
    wh.plan.push('server_error');
    await expect(sync(83)).rejects.toBeInstanceOf(RetryableJobError);
    await failDeadOrderSync(s(), jobOf(STORE, 'order.sync', { orderId: 83 }, { attempts: 20 }), new Error('Fulfillment backend unavailable: 503'));
    expect((await row(83)).alert).toBe(mayBeAtWarehouseAlert('Cancelled', 'the warehouse did not answer after all retries'));
  });
});
