import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, fakeClock, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

describe('sandbox store API', () => {
  let env: Env;
  const clock = fakeClock(1_700_000_123_456);
  beforeEach(async () => {
    env = await startEnv({ now: clock.now });
  });
  afterEach(async () => env.close());

  it('GET /v2/store answers the StoreInformation shape of store_information.v2.yml', async () => {
    const token = await install(env);
    const res = await api(env, '/stores/sbx1234/v2/store', token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'sbx1234',
      name: 'Sandbox Store',
      domain: 'sbx1234.mybigcommerce.test',
      secure_url: 'https://sbx1234.mybigcommerce.test',
      control_panel_base_url: expect.stringMatching(/^https:\/\//),
      status: 'live',
      plan_name: 'Plus',
      plan_level: 'Plus',
      plan_is_trial: false,
      admin_email: 'owner@sandbox.test',
      order_email: expect.stringContaining('@'),
      timezone: {
        name: expect.any(String),
        raw_offset: expect.any(Number),
        dst_offset: expect.any(Number),
        dst_correction: expect.any(Boolean),
        date_format: { display: expect.any(String), export: expect.any(String), extended_display: expect.any(String) },
      },
      language: 'en',
      currency: 'USD',
      currency_symbol: '$',
      store_id: expect.any(Number),
      account_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      default_channel_id: 1,
      features: {
        stencil_enabled: expect.any(Boolean),
        checkout_type: expect.stringMatching(/^(optimized|single|single_customizable|klarna)$/),
        multi_storefront_enabled: expect.any(Boolean),
      },
    });
  });

  it('serves stores created at runtime with their own details', async () => {
    const store = env.sandbox.control.createStore({ hash: 'abc987', name: 'Second', ownerEmail: 'boss@second.test', plan: 'Pro' });
    expect(store.ownerId).not.toBe(1001);
    const token = await install(env, 'abc987');
    const body = (await (await api(env, '/stores/abc987/v2/store', token)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: 'abc987', name: 'Second', admin_email: 'boss@second.test', plan_name: 'Pro', store_id: store.storeId });
    expect(() => env.sandbox.control.createStore({ hash: 'abc987' })).toThrow(/already exists/);
  });

  it('also serves v2 resources with a .json extension', async () => {
    const token = await install(env);
    expect((await api(env, '/stores/sbx1234/v2/store.json', token)).status).toBe(200);
  });

  it('GET /v2/time answers the sandbox clock in unix seconds', async () => {
    const token = await install(env);
    const res = await api(env, '/stores/sbx1234/v2/time', token);
    expect(await res.json()).toEqual({ time: Math.floor(clock.now() / 1000) });
  });

  it('answers 401 without or with a wrong X-Auth-Token, in the v2 and v3 error shapes', async () => {
    const token = await install(env);
    const none = await api(env, '/stores/sbx1234/v2/store');
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual([{ status: 401, message: expect.any(String) }]);
    expect((await api(env, '/stores/sbx1234/v2/store', `${token}x`)).status).toBe(401);
    const v3 = await api(env, '/stores/sbx1234/v3/catalog/products', 'wrong');
    expect(v3.status).toBe(401);
    expect(await v3.json()).toMatchObject({ status: 401, title: expect.any(String) });
  });

  it('answers 404 for an unknown store and for an unknown resource', async () => {
    const token = await install(env);
    expect((await api(env, '/stores/nosuch/v2/store', token)).status).toBe(404);
    const res = await api(env, '/stores/sbx1234/v2/nothing-here', token);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ status: 404, message: expect.any(String) }]);
  });

  it('answers 403 when the token lacks the resource scope', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234', { scope: 'store_v2_orders' });
    const { json } = await postToken(env, tokenRequestFor(env, authUrl));
    const res = await api(env, '/stores/sbx1234/v2/store', json.access_token);
    expect(res.status).toBe(403);
    // The modify scope also grants read access.
    const { authUrl: again } = env.sandbox.control.beginInstall('sbx1234', { scope: 'store_v2_information' });
    const second = await postToken(env, tokenRequestFor(env, again));
    expect((await api(env, '/stores/sbx1234/v2/store', second.json.access_token)).status).toBe(200);
  });

  it('records every store API request with its status and token, and can reset the log', async () => {
    const token = await install(env);
    await api(env, '/stores/sbx1234/v2/store?x=1', token);
    await api(env, '/stores/sbx1234/v2/time', 'bad');
    expect(env.sandbox.control.requests).toEqual([
      { method: 'GET', path: '/stores/sbx1234/v2/store', query: 'x=1', storeHash: 'sbx1234', status: 200, at: clock.now(), authToken: token },
      { method: 'GET', path: '/stores/sbx1234/v2/time', query: '', storeHash: 'sbx1234', status: 401, at: clock.now(), authToken: 'bad' },
    ]);
    const log = env.sandbox.control.requests;
    env.sandbox.control.resetRequests();
    expect(log).toHaveLength(0);
    expect(env.sandbox.control.requests).toBe(log);
  });

  it('does not record OAuth or control requests as store API requests', async () => {
    await install(env);
    await fetch(`${env.sandbox.url}/sandbox/state`);
    expect(env.sandbox.control.requests).toHaveLength(0);
  });
});
