// Review of issue 7, point 3: a create that provably reached nothing (no request sent because the
// saved credentials cannot go in a header, or 401/403 on the first attempt) must not leave the
// order "may be at the warehouse" with a frozen body: a later mapping fix rebuilds it, and a
// cancellation says "not sent" without creating it at the warehouse first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { createFulfillmentClient, type FulfillmentClient } from '../../server/fulfillment/index.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof bareApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
/** The client the app gets: the fake warehouse, or one built from credentials no header can carry. */
let backend: () => FulfillmentClient;
const unusable = createFulfillmentClient({ baseUrl: 'http://127.0.0.1:9' })({ accountId: 'acc', apiKey: 'whk with spaces' });
const s = () => b.app.services;
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, 'order.sync', { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const creates = () => wh.calls.filter((c) => c.op === 'create');

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  backend = () => wh.client;
  b = await connectedFakeApp(clock, { bigcommerce: () => store.client, fulfillment: () => backend() });
});
afterEach(async () => b.close());

describe('a first create that reached nothing', () => {
  it('with credentials that cannot be sent: held without a frozen body, and a cancellation is simply "not sent"', async () => {
    backend = () => unusable;
    store.orders.set(71, bcOrder(71, 11));
    await sync(71);
    expect(await row(71)).toMatchObject({
      state: 'needs_attention',
      sendStartedAt: null,
      sendBody: null,
      attentionReason: expect.stringMatching(/re-enter the account id and API key/),
    });

    backend = () => wh.client;
    store.setStatus(71, 5);
    await sync(71);
    expect(wh.calls).toEqual([]); // not created at the warehouse just to be cancelled
    expect(await row(71)).toMatchObject({ state: 'cancelled', alert: null, cancellation: { outcome: 'cancelled' } });
  });

  it('answered 401: held without a frozen body, and rebuilt after the merchant fixes a mapping', async () => {
    store.orders.set(72, bcOrder(72, 11));
    wh.plan.push('unauthorized');
    await sync(72);
    expect(await row(72)).toMatchObject({ state: 'needs_attention', sendStartedAt: null, sendBody: null });

    await s().mappings.setShipping(STORE, 'Flat Rate', 'EXPRESS', clock.now());
    await sync(72);
    expect(creates()[1]!.body!.shipments[0]!.shipping_method).toBe('EXPRESS');
    expect(await row(72)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1' });
  });

  it('a 401 on a retry after a lost answer keeps the body frozen: the first attempt may be at the warehouse', async () => {
    store.orders.set(73, bcOrder(73, 11));
    wh.plan.push('lost', 'unauthorized');
    await expect(sync(73)).rejects.toBeInstanceOf(RetryableJobError);
    const frozen = (await row(73)).sendBody;
    await sync(73);
    expect(await row(73)).toMatchObject({ state: 'needs_attention', sendBody: frozen, sendStartedAt: expect.any(Number) });
  });

  it('unusable credentials on a retry after a lost answer keep the body frozen too', async () => {
    store.orders.set(74, bcOrder(74, 11));
    wh.plan.push('lost');
    await expect(sync(74)).rejects.toBeInstanceOf(RetryableJobError);
    backend = () => unusable;
    await sync(74);
    expect((await row(74)).sendStartedAt).not.toBeNull();
    expect((await row(74)).sendBody).not.toBeNull();
  });
});
