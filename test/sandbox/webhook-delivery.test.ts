import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_SEC, type SandboxOptions } from '../../sandbox/index.js';
import { CLIENT_SECRET, api, install, startEnv, type Env } from './helpers.js';
import { startReceiver, verifyStandardWebhook, type Receiver } from './receiver.js';

describe('sandbox webhook delivery', () => {
  let env: Env;
  let token: string;
  let rx: Receiver;

  async function setup(opts: Partial<SandboxOptions> = {}): Promise<void> {
    env = await startEnv(opts);
    token = await install(env);
    rx = await startReceiver();
  }
  afterEach(async () => {
    await env.close();
    await rx.close();
  });

  async function hook(scope: string, extra: Record<string, unknown> = {}, path = '/webhooks'): Promise<number> {
    const res = await api(env, '/stores/sbx1234/v3/hooks', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope, destination: `${rx.url}${path}`, ...extra }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { id: number } }).data.id;
  }

  describe('with the default schedule', () => {
    beforeEach(async () => setup());

    it('POSTs the documented payload with custom headers and a valid Standard Webhooks signature', async () => {
      const hookId = await hook('store/order/created', { headers: { 'X-Custom-Auth': 'per-store-secret' } });
      const order = env.sandbox.control.createOrder('sbx1234');
      const [got] = await rx.waitFor(1);
      const store = env.sandbox.control.getStore('sbx1234');
      expect(got!.path).toBe('/webhooks');
      expect(Object.keys(got!.json)).toEqual(['scope', 'store_id', 'data', 'hash', 'created_at', 'producer']);
      expect(got!.json).toEqual({
        scope: 'store/order/created',
        store_id: String(store.storeId),
        data: { type: 'order', id: order.id },
        hash: expect.stringMatching(/^[0-9a-f]{40}$/),
        created_at: Math.floor(order.createdAt / 1000),
        producer: 'stores/sbx1234',
      });
      // The documented hash scheme: SHA-1 of the payload's JSON without the hash itself.
      const { hash, ...unhashed } = got!.json;
      expect(hash).toBe(createHash('sha1').update(JSON.stringify(unhashed)).digest('hex'));

      const h = got!.headers;
      expect(h['content-type']).toBe('application/json');
      expect(h['x-custom-auth']).toBe('per-store-secret');
      expect(h['webhook-id']).toMatch(/^\S+$/);
      expect(Number(h['webhook-timestamp'])).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 5);
      expect(h['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifyStandardWebhook(CLIENT_SECRET, h, got!.raw)).toBe(true);
      expect(verifyStandardWebhook('another-secret', h, got!.raw)).toBe(false);
      expect(verifyStandardWebhook(CLIENT_SECRET, h, got!.raw.replace('"id":100', '"id":101'))).toBe(false);

      await env.sandbox.control.webhooks.idle();
      expect(env.sandbox.control.deliveries).toEqual([
        {
          hookId,
          destination: `${rx.url}/webhooks`,
          scope: 'store/order/created',
          eventId: h['webhook-id'],
          hash,
          attempt: 1,
          copy: 1,
          status: 200,
          ok: true,
          at: expect.any(Number),
        },
      ]);
    });

    it('sends statusUpdated with previous/new status; wildcards get every order event, others only theirs', async () => {
      await hook('store/order/*', {}, '/all');
      await hook('store/order/statusUpdated', {}, '/status');
      await hook('store/order/created', { is_active: false }, '/inactive');
      const order = env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
      env.sandbox.control.setOrderStatus('sbx1234', order.id, 2);
      await env.sandbox.control.webhooks.idle();
      const byPath = (p: string): any[] => rx.received.filter((r) => r.path === p).map((r) => r.json);
      expect(
        byPath('/all')
          .map((j) => j.scope)
          .sort(),
      ).toEqual(['store/order/created', 'store/order/statusUpdated', 'store/order/updated']);
      expect(byPath('/status')).toEqual([
        expect.objectContaining({
          scope: 'store/order/statusUpdated',
          data: { type: 'order', id: order.id, status: { previous_status_id: 11, new_status_id: 2 } },
        }),
      ]);
      expect(byPath('/inactive')).toEqual([]);
      // The wildcard and the specific hook got the same event: same hash and webhook-id.
      const status = rx.received.filter((r) => r.json.scope === 'store/order/statusUpdated');
      expect(new Set(status.map((r) => r.json.hash)).size).toBe(1);
      expect(new Set(status.map((r) => r.headers['webhook-id'])).size).toBe(1);
      // A different event of the same order has another hash.
      expect(byPath('/all').find((j) => j.scope === 'store/order/updated').hash).not.toBe(status[0]!.json.hash);
    });

    it('creating an order fires only store/order/created, whatever its status', async () => {
      await hook('store/order/*');
      env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
      await env.sandbox.control.webhooks.idle();
      expect(rx.received.map((r) => r.json.scope)).toEqual(['store/order/created']);
    });

    it('delivers asynchronously: the API answers even while the receiver hangs', async () => {
      await hook('store/order/statusUpdated');
      env.sandbox.control.createOrder('sbx1234');
      rx.hold = true;
      const res = await api(env, '/stores/sbx1234/v2/orders/100', token, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status_id: 9 }),
      });
      expect(res.status).toBe(200);
      expect(env.sandbox.control.deliveries).toEqual([]);
      await rx.waitFor(1);
      rx.hold = false;
      rx.release();
      await env.sandbox.control.webhooks.idle();
      expect(env.sandbox.control.deliveries.map((d) => d.status)).toEqual([200]);
    });

    it('waits about 60 s (scaled) before the first retry', async () => {
      await env.close();
      await rx.close();
      await setup({ webhookRetryScale: 0.001 });
      expect(RETRY_SCHEDULE_SEC).toEqual([60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400]);
      await hook('store/order/created');
      rx.statuses = [500];
      const started = Date.now();
      env.sandbox.control.createOrder('sbx1234');
      await rx.waitFor(1);
      const first = Date.now();
      await rx.waitFor(2);
      expect(Date.now() - first).toBeGreaterThanOrEqual(55);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('uninstall deletes the hooks, so queued deliveries are never sent', async () => {
      await hook('store/order/created');
      env.sandbox.control.webhooks.pause();
      env.sandbox.control.createOrder('sbx1234');
      await env.sandbox.control.uninstall('sbx1234');
      await env.sandbox.control.webhooks.flush();
      expect(rx.received).toEqual([]);
      expect(env.sandbox.control.deliveries).toEqual([]);
    });
  });

  describe('retries (scaled schedule)', () => {
    beforeEach(async () => setup({ webhookRetryScale: 0.000002, webhookTimeoutMs: 150 }));

    it('retries non-2xx and timeouts with the same body, hash and webhook-id, and a fresh signature', async () => {
      await hook('store/order/created');
      rx.statuses = [500, 302];
      rx.hold = true;
      env.sandbox.control.createOrder('sbx1234');
      await rx.waitFor(1);
      // The first attempt hangs past the timeout; the next ones are answered.
      rx.hold = false;
      await rx.waitFor(3);
      await env.sandbox.control.webhooks.idle();
      const got = rx.received;
      expect(new Set(got.map((r) => r.raw)).size).toBe(1);
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
      for (const r of got) expect(verifyStandardWebhook(CLIENT_SECRET, r.headers, r.raw)).toBe(true);
      const log = env.sandbox.control.deliveries;
      expect(log.map((d) => [d.attempt, d.status, d.ok])).toEqual([
        [1, 0, false],
        [2, 500, false],
        [3, 302, false],
        [4, 200, true],
      ]);
      expect(log[0]?.error).toBeTruthy();
      expect(new Set(log.map((d) => d.hash)).size).toBe(1);
    });

    it('deactivates the hook after the last retry fails, and delivers again once reactivated', async () => {
      const hookId = await hook('store/order/created');
      rx.status = 503;
      env.sandbox.control.createOrder('sbx1234');
      await env.sandbox.control.webhooks.idle();
      const log = env.sandbox.control.deliveries;
      expect(log.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(log.filter((d) => d.deactivated).map((d) => d.attempt)).toEqual([12]);
      const got = await api(env, `/stores/sbx1234/v3/hooks/${hookId}`, token);
      expect(((await got.json()) as any).data.is_active).toBe(false);

      env.sandbox.control.createOrder('sbx1234');
      await env.sandbox.control.webhooks.idle();
      expect(rx.received).toHaveLength(12);

      rx.status = 200;
      await api(env, `/stores/sbx1234/v3/hooks/${hookId}`, token, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ is_active: true }),
      });
      env.sandbox.control.createOrder('sbx1234');
      await env.sandbox.control.webhooks.idle();
      expect(rx.received).toHaveLength(13);
      expect(rx.received.at(-1)!.json.data.id).toBe(102);
    });
  });
});
