import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../server/webhooks/standard-webhooks.js';
import { MAX_WEBHOOK_BYTES } from '../../server/webhooks/bigcommerce-receiver.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

let t: Awaited<ReturnType<typeof bareApp>>;
let secret = '';
beforeEach(async () => {
  t = await bareApp();
  await t.install();
  secret = (await t.app.services.settings.get(STORE, Date.now())).webhookSecret;
});
afterEach(() => t.close());

const payload = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ scope: 'store/order/created', store_id: '1001', producer: `stores/${STORE}`, hash: randomUUID(), created_at: 1, data: { type: 'order', id: 42 }, ...over });

function post(body: string, headers: Record<string, string> = {}) {
  return t.http.post('/webhooks/bigcommerce').set('content-type', 'application/json').set(headers).send(body);
}

function signed(body: string, opts: { secret?: string; ts?: number; id?: string } = {}) {
  const id = opts.id ?? `msg_${randomUUID()}`;
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(id, ts, body, opts.secret ?? t.config.clientSecret) };
}

const counts = async () => ({
  events: Number((await t.db('webhook_events').count({ n: '*' }))[0]!.n),
  jobs: Number((await t.db('jobs').where({ kind: 'order.sync' }).count({ n: '*' }))[0]!.n),
});

describe('POST /webhooks/bigcommerce', () => {
  it('stores the event and its job, and answers 200 with an empty body', async () => {
    const body = payload();
    const res = await post(body, { [SECRET_HEADER]: secret, ...signed(body) });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await counts()).toEqual({ events: 1, jobs: 1 });
    const job = await t.db('jobs').first();
    expect(JSON.parse(job.payload)).toEqual({ orderId: 42 });
    expect(job.store_hash).toBe(STORE);
  });

  it('accepts unsigned deliveries that carry the secret header', async () => {
    expect((await post(payload(), { [SECRET_HEADER]: secret })).status).toBe(200);
  });

  it('deduplicates on the payload hash: one job, the redelivery recorded as duplicate', async () => {
    const body = payload();
    await post(body, { [SECRET_HEADER]: secret });
    const again = await post(body, { [SECRET_HEADER]: secret, ...signed(body) });
    expect(again.status).toBe(200);
    expect(await counts()).toEqual({ events: 2, jobs: 1 });
    expect((await t.db('webhook_events').orderBy('id')).map((e) => e.status)).toEqual(['received', 'duplicate']);
  });

  it('several events for one order inside the window cause one job', async () => {
    await post(payload(), { [SECRET_HEADER]: secret });
    await post(payload({ scope: 'store/order/statusUpdated' }), { [SECRET_HEADER]: secret });
    expect(await counts()).toEqual({ events: 2, jobs: 1 });
  });

  it('ignores topics it does not handle, without a job', async () => {
    await post(payload({ scope: 'store/product/updated', data: { type: 'product', id: 5 } }), { [SECRET_HEADER]: secret });
    expect(await counts()).toEqual({ events: 1, jobs: 0 });
    expect((await t.db('webhook_events').first()).status).toBe('ignored');
  });

  const rejected: Array<[string, () => Promise<{ status: number }>, number]> = [
    ['no secret header', () => post(payload()), 401],
    ['a wrong secret', () => post(payload(), { [SECRET_HEADER]: 'nope' }), 401],
    [
      'a forged signature',
      () => {
        const b = payload();
        return post(b, { [SECRET_HEADER]: secret, ...signed(b, { secret: 'not-the-client-secret' }) });
      },
      401,
    ],
    [
      'a signature over another body',
      () => {
        const b = payload();
        return post(payload(), { [SECRET_HEADER]: secret, ...signed(b) });
      },
      401,
    ],
    [
      'a stale timestamp',
      () => {
        const b = payload();
        return post(b, { [SECRET_HEADER]: secret, ...signed(b, { ts: Math.floor(Date.now() / 1000) - 600 }) });
      },
      401,
    ],
    ['incomplete signature headers', () => post(payload(), { [SECRET_HEADER]: secret, 'webhook-id': 'x' }), 401],
    ['an unknown store', () => post(payload({ producer: 'stores/zzz999' }), { [SECRET_HEADER]: secret }), 401],
    ['malformed JSON', () => post('{"scope":', { [SECRET_HEADER]: secret }), 400],
    ['a non-webhook JSON body', () => post('{"hello":"world"}', { [SECRET_HEADER]: secret }), 400],
    ['an empty body', () => post('', { [SECRET_HEADER]: secret }), 400],
    ['an oversized body', () => post(payload({ pad: 'x'.repeat(MAX_WEBHOOK_BYTES) }), { [SECRET_HEADER]: secret }), 413],
  ];
  for (const [name, send, status] of rejected) {
    it(`rejects ${name} (${status}) and processes nothing`, async () => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(await counts()).toEqual({ events: 0, jobs: 0 });
    });
  }

  it("stops accepting a store's webhooks the moment it is uninstalled (cached check invalidated)", async () => {
    expect((await post(payload(), { [SECRET_HEADER]: secret })).status).toBe(200); // warms the cache
    const uninstall = await t.http.get('/uninstall').query({ signed_payload_jwt: t.sign({ iat: Math.floor(Date.now() / 1000) + 2 }) });
    expect(uninstall.body.outcome).toBe('uninstalled');
    expect((await post(payload(), { [SECRET_HEADER]: secret })).status).toBe(401);
  });

  it('answers 503 when the event cannot be stored, so BigCommerce retries', async () => {
    await t.db.schema.dropTable('jobs');
    const res = await post(payload(), { [SECRET_HEADER]: secret });
    expect(res.status).toBe(503);
    expect(Number((await t.db('webhook_events').count({ n: '*' }))[0]!.n)).toBe(0);
  });
});
