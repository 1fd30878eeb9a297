// The sandbox warehouse's order API over raw HTTP: idempotency rules, authentication, validation
// and cancellation, as docs/fulfillment-backend.md describes them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { sampleOrder } from '../fulfillment/fixtures.js';
import { v1 } from './helpers.js';

const KEY = 'bigcommerce:abc123:101';

/** The same JSON value with every object's keys in reverse order. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)]),
    );
  return value;
}

describe('sandbox warehouse: POST /v1/orders idempotency', () => {
  let wh: SandboxWarehouse;
  beforeEach(async () => {
    wh = await startSandboxWarehouse();
  });
  afterEach(async () => wh.close());

  it('creates once: 201, then 200 with the same body for an equal body (key order does not matter)', async () => {
    const first = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: expect.stringMatching(/^ord_[a-z0-9]{12}$/), status: 'received' });
    const again = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, raw: JSON.stringify(reorder(sampleOrder()), null, 2) });
    expect(again).toEqual({ status: 200, json: first.json });

    expect(wh.control.orders()).toHaveLength(1);
    const order = wh.control.orders()[0]!;
    expect(order).toMatchObject({ id: first.json.id, accountId: 'wh-demo', idempotencyKey: KEY, status: 'received', body: sampleOrder() });
    expect(wh.control.requests.map((r) => [r.method, r.path, r.idempotencyKey, r.status, r.outcome, r.orderId])).toEqual([
      ['POST', '/v1/orders', KEY, 201, 'created', first.json.id],
      ['POST', '/v1/orders', KEY, 200, 'repeat', first.json.id],
    ]);
  });

  it('replays the first answer even after the order moved on', async () => {
    const first = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() });
    await wh.control.ship(first.json.id);
    expect((await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })).json).toEqual({ id: first.json.id, status: 'received' });
  });

  it('answers 422 idempotency_key_reused for a different body with the same key, and creates nothing', async () => {
    await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() });
    const edited = sampleOrder();
    edited.shipments[0]!.lines[0]!.quantity = 3;
    const res = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: edited });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('idempotency_key_reused');
    expect(res.json.error.message).toContain(KEY);
    expect(wh.control.orders()).toHaveLength(1);
    expect(wh.control.orders()[0]!.body).toEqual(sampleOrder());
  });

  it('does not use up the key on a validation error: the corrected request creates the order', async () => {
    const bad = sampleOrder();
    bad.shipments[1]!.ship_to.street_1 = '';
    const refused = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: bad });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toEqual({
      code: 'invalid_order',
      message: 'The warehouse cannot accept this order: shipments.1.ship_to.street_1: street_1 is required',
    });
    expect((await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })).status).toBe(201);
    expect(wh.control.requests.map((r) => r.outcome)).toEqual(['invalid', 'created']);
  });

  it('scopes keys to the account', async () => {
    const other = wh.control.createAccount({ id: 'wh-two', name: 'Second' });
    const a = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() });
    const b = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder(), apiKey: other.apiKey });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).not.toBe(b.json.id);
    expect(wh.control.orders('wh-two').map((o) => o.id)).toEqual([b.json.id]);
  });

  it('creates one order from concurrent requests with the same key', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(wh.control.orders()).toHaveLength(1);
  });

  it('requires the Idempotency-Key header, a JSON body and valid JSON', async () => {
    const noKey = await v1(wh, 'POST', '/orders', { body: sampleOrder() });
    expect(noKey.status).toBe(400);
    expect(noKey.json.error.code).toBe('idempotency_key_required');
    const text = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, raw: 'hello', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe('unsupported_media_type');
    const broken = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, raw: '{"external_ref":' });
    expect(broken).toEqual({ status: 400, json: { error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } } });
    expect(wh.control.orders()).toHaveLength(0);
  });
});

describe('sandbox warehouse: authentication, account and cancel', () => {
  let wh: SandboxWarehouse;
  beforeEach(async () => {
    wh = await startSandboxWarehouse();
  });
  afterEach(async () => wh.close());

  it('answers 401 {error:{code:"unauthorized"}} without, with an unknown, or with another account\'s key', async () => {
    const other = wh.control.createAccount({ id: 'wh-two' });
    for (const opts of [{ apiKey: null }, { apiKey: 'whk_nobody_knows_me' }, { apiKey: other.apiKey, accountId: 'wh-demo' }]) {
      const res = await v1(wh, 'GET', '/account', opts);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
      expect(JSON.stringify(res.json)).not.toContain('whk_');
    }
    expect(wh.control.requests.every((r) => r.outcome === 'unauthorized' && r.accountId === null)).toBe(true);
    expect(await v1(wh, 'GET', '/account', { apiKey: other.apiKey, accountId: 'wh-two' })).toEqual({ status: 200, json: { id: 'wh-two', name: 'Warehouse wh-two' } });
  });

  it('has a default account and refuses duplicate ids or keys', () => {
    expect(wh.control.accounts()).toEqual([{ id: 'wh-demo', name: 'Demo Warehouse', apiKey: 'whk_sandbox_demo_key' }]);
    expect(() => wh.control.createAccount({ id: 'wh-demo' })).toThrow(/already exists/);
    expect(() => wh.control.createAccount({ apiKey: 'whk_sandbox_demo_key' })).toThrow(/another account/);
    expect(wh.control.createAccount({ name: 'Auto' }).apiKey).toMatch(/^whk_[a-z0-9]{32}$/);
  });

  it('cancels until shipped: 200 (repeatable), 409 once shipped, 404 for another account', async () => {
    const a = (await v1(wh, 'POST', '/orders', { idempotencyKey: 'k1', body: sampleOrder(1) })).json.id as string;
    const b = (await v1(wh, 'POST', '/orders', { idempotencyKey: 'k2', body: sampleOrder(2) })).json.id as string;
    expect(await v1(wh, 'POST', `/orders/${a}/cancel`, { body: {} })).toEqual({ status: 200, json: { status: 'cancelled' } });
    expect(await v1(wh, 'POST', `/orders/${a}/cancel`, { body: {} })).toEqual({ status: 200, json: { status: 'cancelled' } });
    await expect(wh.control.ship(a)).rejects.toThrow(/is cancelled/);

    await wh.control.ship(b);
    const late = await v1(wh, 'POST', `/orders/${b}/cancel`, { body: {} });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('already_shipped');
    expect(wh.control.order(b).status).toBe('shipped');

    const stranger = wh.control.createAccount({ id: 'wh-two' });
    expect((await v1(wh, 'POST', `/orders/${a}/cancel`, { body: {}, apiKey: stranger.apiKey })).status).toBe(404);
    expect((await v1(wh, 'GET', '/nothing-here')).json.error.code).toBe('not_found');
  });
});
