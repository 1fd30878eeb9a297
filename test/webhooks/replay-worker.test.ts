// Issue 8 point 7: a replay is safe because the flows are idempotent. Through the real receiver,
// job queue and worker: an order event replayed after its order reached the warehouse does not
// send it again, and the replayed event is settled again by the job (not left "received").
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../server/flows/runtime.js';
import { replayEvent } from '../../server/webhooks/replay.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';
import { STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof connectedFakeApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
const s = () => b.app.services;

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  b = await connectedFakeApp(clock, { bigcommerce: () => store.client, fulfillment: () => wh.client });
  await b.db('jobs').delete(); // the install's webhook upkeep and store refresh: not under test
});
afterEach(async () => b.close());

async function receive(scope: string, orderId: number) {
  const secret = (await s().settings.get(STORE, clock.now())).webhookSecret;
  const body = JSON.stringify({ scope, store_id: '1', producer: `stores/${STORE}`, hash: randomUUID(), created_at: 1, data: { type: 'order', id: orderId } });
  expect((await b.http.post('/webhooks/bigcommerce').set('content-type', 'application/json').set(SECRET_HEADER, secret).send(body)).status).toBe(200);
}

/** Past the receiver's debounce, then every due job to completion. */
async function runJobs() {
  clock.advance(2_000);
  const worker = createWorker(s(), { concurrency: 1 });
  return worker.runUntilIdle();
}

describe('replaying a processed order event through the worker', () => {
  it('does not send the order to the warehouse twice, and settles the event again', async () => {
    store.orders.set(81, bcOrder(81, 11));
    await receive('store/order/created', 81);
    expect((await runJobs()).done).toBeGreaterThan(0);
    expect(wh.calls.filter((c) => c.op === 'create')).toHaveLength(1);
    const event = await b.db('webhook_events').where({ topic: 'store/order/created' }).first();
    expect(event.status).toBe('processed');
    expect(await s().orders.get(STORE, 81)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1' });

    clock.advance(60_000);
    const replayed = await replayEvent(s(), STORE, Number(event.id), 'ops@example.com');
    expect(replayed.event.status).toBe('received');
    const stats = await runJobs();
    expect(stats).toMatchObject({ done: 1, dead: 0 });

    expect(wh.calls.filter((c) => c.op === 'create')).toHaveLength(1);
    expect(await s().orders.get(STORE, 81)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1' });
    const after = await b.db('webhook_events').where({ id: event.id }).first();
    expect(after.status).toBe('processed');
    expect(Number(after.processed_at)).toBe(clock.now());
    expect((await s().syncLog.timeline(STORE, 81)).map((e) => e.message)).toContain(`Webhook event #${event.id} (store/order/created) replayed by ops@example.com`);
  });
});
