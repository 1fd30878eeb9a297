import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMERCE_SCRIPT } from '../../sandbox/panel/commerce-script.js';
import { createSandboxApp } from '../../sandbox/index.js';
import { CLIENT_ID, CLIENT_SECRET, api, install, startEnv, type Env } from './helpers.js';

describe('sandbox control panel: Orders and Webhooks sections', () => {
  it('renders the sections with their stable ids and a parseable script', async () => {
    const app = createSandboxApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    const res = await request(app).get('/');
    for (const id of [
      'create-order',
      'orders-table',
      'new-order-status',
      'new-order-sku-1',
      'new-order-sku-2',
      'hooks-table',
      'deliveries-table',
      'webhooks-pause',
      'webhooks-flush',
    ]) {
      expect(res.text).toContain(`id="${id}"`);
    }
    expect(res.text).toContain('<option value="11" selected>11 · Awaiting Fulfillment</option>');
    // Per-order selects are built by the script with this id pattern.
    expect(COMMERCE_SCRIPT).toContain("'order-status-' + order.id");
    expect(() => new Function(COMMERCE_SCRIPT)).not.toThrow();
  });
});

describe('sandbox control JSON endpoints for orders and webhooks', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => env.close());

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${env.sandbox.url}/sandbox${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  };

  it('creates orders, lists them newest first and changes a status like the page does', async () => {
    const created = await call('POST', '/stores/sbx1234/orders', { statusId: 7, lines: [{ sku: 'SBX-MUG-01', quantity: 2 }, { sku: null }] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ created: 1, ids: [100], order: { id: 100, statusId: 7, status: 'Awaiting Payment', skus: ['SBX-MUG-01', ''], items: 3 } });
    expect((await call('POST', '/stores/sbx1234/orders', { count: 3 })).json).toMatchObject({ created: 3, ids: [101, 102, 103] });

    const list = await call('GET', '/stores/sbx1234/orders');
    expect(list.json.total).toBe(4);
    expect(list.json.orders.map((o: any) => o.id)).toEqual([103, 102, 101, 100]);
    expect(list.json.statuses).toHaveLength(15);

    const changed = await call('PUT', '/stores/sbx1234/orders/100/status', { statusId: 11 });
    expect(changed.json).toMatchObject({ id: 100, statusId: 11, status: 'Awaiting Fulfillment' });
    expect(env.sandbox.control.webhookEvents.at(-2)?.scope).toBe('store/order/statusUpdated');

    expect((await call('PUT', '/stores/sbx1234/orders/100/status', { statusId: 77 })).status).toBe(400);
    expect((await call('PUT', '/stores/sbx1234/orders/999/status', { statusId: 2 })).status).toBe(404);
    expect((await call('POST', '/stores/sbx1234/orders', { lines: [{ quantity: 0 }] })).status).toBe(400);
  });

  it('renames statuses', async () => {
    const res = await call('PUT', '/stores/sbx1234/order-statuses/11', { label: 'Ready to pick' });
    expect(res.json.find((s: any) => s.id === 11)).toEqual({ id: 11, name: 'Awaiting Fulfillment', customLabel: 'Ready to pick' });
    expect((await call('PUT', '/stores/sbx1234/order-statuses/11', { label: '  ' })).status).toBe(400);
  });

  it('lists hooks without their header values and shows events and deliveries', async () => {
    const token = await install(env);
    await api(env, '/stores/sbx1234/v3/hooks', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'store/order/created', destination: 'http://127.0.0.1:9/hook', headers: { 'X-Secret': 'do-not-show' } }),
    });
    const hooks = await call('GET', '/stores/sbx1234/hooks');
    expect(hooks.json).toEqual([expect.objectContaining({ scope: 'store/order/created', isActive: true, headerNames: ['X-Secret'] })]);
    expect(JSON.stringify(hooks.json)).not.toContain('do-not-show');

    await call('POST', '/webhooks/pause', {});
    await call('POST', '/stores/sbx1234/orders', {});
    let state = await call('GET', '/webhooks?store=sbx1234');
    expect(state.json).toMatchObject({ paused: true, pending: { held: 1 }, deliveries: [] });
    expect(state.json.events[0]).toMatchObject({ scope: 'store/order/created', data: { type: 'order', id: 100 }, hookIds: [expect.any(Number)] });
    expect(state.json.events[0]).not.toHaveProperty('body');

    expect((await call('POST', '/webhooks/flush', {})).json).toMatchObject({ paused: true, pending: { held: 0 } });
    state = await call('GET', '/webhooks?store=sbx1234');
    // fetch refuses port 9 (a blocked port): a failed first attempt with a retry waiting.
    expect(state.json.deliveries).toEqual([expect.objectContaining({ attempt: 1, ok: false, status: 0 })]);
    expect(state.json.pending.retries).toBe(1);
    expect((await call('DELETE', '/webhooks/log')).status).toBe(204);
    expect(env.sandbox.control.deliveries).toEqual([]);
  });

  it('sets drop and duplicate levers and refuses non-JSON posts', async () => {
    expect((await call('POST', '/webhooks/drop', { n: 1 })).status).toBe(200);
    expect((await call('POST', '/webhooks/duplicate', { n: -1 })).status).toBe(400);
    const res = await fetch(`${env.sandbox.url}/sandbox/stores/sbx1234/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'statusId=11',
    });
    expect(res.status).toBe(415);
    expect(env.sandbox.control.orders('sbx1234')).toEqual([]);
  });
});
