import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_SECRET, api, install, startEnv, type Env } from './helpers.js';
import { startReceiver, verifyStandardWebhook, type Receiver } from './receiver.js';

describe('sandbox webhook delivery controls', () => {
  let env: Env;
  let token: string;
  let rx: Receiver;
  beforeEach(async () => {
    env = await startEnv();
    token = await install(env);
    rx = await startReceiver();
  });
  afterEach(async () => {
    await env.close();
    await rx.close();
  });

  const control = (): Env['sandbox']['control'] => env.sandbox.control;
  const orderIds = (): number[] => rx.received.map((r) => r.json.data.id as number);

  async function hook(scope: string): Promise<void> {
    const res = await api(env, '/stores/sbx1234/v3/hooks', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope, destination: `${rx.url}/webhooks` }),
    });
    expect(res.status).toBe(200);
  }

  it('pause holds deliveries; flush sends them (still paused); resume releases the rest', async () => {
    await hook('store/order/created');
    const w = control().webhooks;
    w.pause();
    control().createOrders('sbx1234', 3);
    // Held is the settled state: a paused dispatcher files each delivery there as the event
    // happens, and sends only what is queued, so nothing queued or in flight means nothing went.
    expect(w.pending()).toMatchObject({ queued: 0, held: 3, inFlight: 0 });
    expect(rx.received).toEqual([]);
    await w.flush();
    expect(orderIds().sort()).toEqual([100, 101, 102]);
    expect(w.paused).toBe(true);
    control().createOrder('sbx1234');
    expect(w.pending()).toMatchObject({ queued: 0, held: 1, inFlight: 0 });
    expect(rx.received).toHaveLength(3);
    w.resume();
    await w.idle();
    expect(orderIds()).toContain(103);
    expect(w.pending()).toEqual({ queued: 0, held: 0, inFlight: 0, retries: 0 });
  });

  it('drop(n) silently drops the next n events that have subscribers', async () => {
    await hook('store/order/created');
    const w = control().webhooks;
    control().createOrder('sbx1234');
    w.drop(1);
    // Events nobody subscribes to do not use up the drop.
    control().setOrderStatus('sbx1234', 100, 2);
    control().createOrder('sbx1234');
    control().createOrder('sbx1234');
    await w.idle();
    expect(orderIds().sort()).toEqual([100, 102]);
    const events = control().webhookEvents;
    expect(events.map((e) => [e.scope, e.dropped])).toEqual([
      ['store/order/created', false],
      ['store/order/statusUpdated', false],
      ['store/order/updated', false],
      ['store/order/created', true],
      ['store/order/created', false],
    ]);
    expect(control().deliveries.map((d) => d.hash)).not.toContain(events[3]!.payload.hash);
  });

  it('duplicate(n) delivers the next n events twice with the same body, hash and webhook-id', async () => {
    await hook('store/order/created');
    const w = control().webhooks;
    w.duplicate(1);
    control().createOrder('sbx1234');
    control().createOrder('sbx1234');
    await w.idle();
    expect(orderIds().sort()).toEqual([100, 100, 101]);
    const twice = rx.received.filter((r) => r.json.data.id === 100);
    expect(twice[0]!.raw).toBe(twice[1]!.raw);
    expect(twice[0]!.headers['webhook-id']).toBe(twice[1]!.headers['webhook-id']);
    for (const r of twice) expect(verifyStandardWebhook(CLIENT_SECRET, r.headers, r.raw)).toBe(true);
    expect(
      control()
        .deliveries.filter((d) => d.hash === twice[0]!.json.hash)
        .map((d) => d.copy)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('reverseNextBatch delivers a held batch newest first', async () => {
    await hook('store/order/created');
    const w = control().webhooks;
    w.setConcurrency(1);
    w.pause();
    control().createOrders('sbx1234', 4);
    w.reverseNextBatch();
    await w.flush();
    expect(orderIds()).toEqual([103, 102, 101, 100]);
    // Only the next batch: the one after goes in order again.
    control().createOrders('sbx1234', 2);
    await w.flush();
    expect(orderIds().slice(4)).toEqual([104, 105]);
    expect(() => w.setConcurrency(0)).toThrow(/concurrency/);
  });

  it('storm: created, statusUpdated from Incomplete (delivered twice) and updated', async () => {
    await hook('store/order/*');
    const order = control().createOrder('sbx1234', { statusId: 11, storm: true });
    expect(order.statusId).toBe(11);
    await control().webhooks.idle();
    const scopes = rx.received.map((r) => r.json.scope).sort();
    expect(scopes).toEqual(['store/order/created', 'store/order/statusUpdated', 'store/order/statusUpdated', 'store/order/updated']);
    const status = rx.received.filter((r) => r.json.scope === 'store/order/statusUpdated');
    expect(status[0]!.json.data.status).toEqual({ previous_status_id: 0, new_status_id: 11 });
    expect(status[0]!.raw).toBe(status[1]!.raw);
    expect(status[0]!.headers['webhook-id']).toBe(status[1]!.headers['webhook-id']);
    const detail = (await (await api(env, `/stores/sbx1234/v2/orders/${order.id}`, token)).json()) as any;
    expect(detail.status_id).toBe(11);
  });

  it('createOrders makes 1,000 orders quickly', async () => {
    const started = Date.now();
    const orders = control().createOrders('sbx1234', 1000, { lines: [{ sku: 'BENCH-1', quantity: 1 }] });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(orders.map((o) => o.id)).toEqual([...Array(1000).keys()].map((i) => 100 + i));
    const list = await api(env, '/stores/sbx1234/v2/orders?limit=250&page=4', token);
    expect(((await list.json()) as Array<{ id: number }>).map((o) => o.id).at(-1)).toBe(1099);
  });

  it('a burst of orders is delivered completely, each event once', async () => {
    await hook('store/order/created');
    control().createOrders('sbx1234', 150);
    await control().webhooks.idle();
    expect(rx.received).toHaveLength(150);
    expect(new Set(orderIds()).size).toBe(150);
    expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(150);
  });

  it('idle resolves at once when nothing is pending; fire() sends arbitrary events', async () => {
    await control().webhooks.idle();
    await hook('store/app/uninstalled');
    const event = control().webhooks.fire('sbx1234', 'store/app/uninstalled', { type: 'store' });
    await control().webhooks.idle();
    expect(rx.received.map((r) => r.json)).toEqual([expect.objectContaining({ scope: 'store/app/uninstalled', data: { type: 'store' } })]);
    expect(event.hookIds).toHaveLength(1);
    control().webhooks.resetLog();
    expect(control().deliveries).toEqual([]);
    expect(control().webhookEvents).toEqual([]);
  });
});
