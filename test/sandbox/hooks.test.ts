import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, api, fakeClock, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

const HOOKS = '/stores/sbx1234/v3/hooks';

describe('sandbox webhooks v3 management', () => {
  let env: Env;
  let token: string;
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(async () => {
    clock = fakeClock(1_700_000_000_000);
    env = await startEnv({ now: () => clock.now() });
    token = await install(env);
  });
  afterEach(async () => env.close());

  const send = (method: string, path: string, body?: unknown): Promise<Response> =>
    api(env, path, token, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const create = async (body: Record<string, unknown>): Promise<any> => {
    const res = await send('POST', HOOKS, body);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: unknown }).data;
  };

  it('POST creates a hook and answers {data: webhook_Full, meta: {}}', async () => {
    const res = await send('POST', HOOKS, {
      scope: 'store/order/statusUpdated',
      destination: 'https://app.example.com/webhooks',
      is_active: true,
      headers: { 'X-Store-Secret': 's3cr3t' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: {
        id: expect.any(Number),
        client_id: CLIENT_ID,
        store_hash: 'sbx1234',
        scope: 'store/order/statusUpdated',
        destination: 'https://app.example.com/webhooks',
        headers: { 'X-Store-Secret': 's3cr3t' },
        is_active: true,
        created_at: 1_700_000_000,
        updated_at: 1_700_000_000,
        events_history_enabled: false,
      },
      meta: {},
    });
  });

  it('defaults is_active to true and headers to null; lists with pagination meta and filters', async () => {
    const a = await create({ scope: 'store/order/created', destination: 'https://app.example.com/a' });
    expect(a).toMatchObject({ is_active: true, headers: null });
    await create({ scope: 'store/order/*', destination: 'https://app.example.com/b', is_active: false });
    const res = await api(env, HOOKS, token);
    const body = (await res.json()) as any;
    expect(body.data.map((h: any) => h.destination)).toEqual(['https://app.example.com/a', 'https://app.example.com/b']);
    expect(body.meta.pagination).toMatchObject({ total: 2, count: 2, current_page: 1, total_pages: 1 });
    const inactive = (await (await api(env, `${HOOKS}?is_active=false`, token)).json()) as any;
    expect(inactive.data.map((h: any) => h.scope)).toEqual(['store/order/*']);
    const byScope = (await (await api(env, `${HOOKS}?scope=${encodeURIComponent('store/order/created')}`, token)).json()) as any;
    expect(byScope.data).toHaveLength(1);
    const paged = (await (await api(env, `${HOOKS}?limit=1&page=2`, token)).json()) as any;
    expect(paged.data.map((h: any) => h.id)).not.toContain(a.id);
    expect(paged.meta.pagination).toMatchObject({ count: 1, per_page: 1, current_page: 2, total_pages: 2 });
  });

  it('GET/PUT/DELETE one hook; PUT moves updated_at; DELETE answers the deleted hook', async () => {
    const hook = await create({ scope: 'store/order/created', destination: 'https://app.example.com/a' });
    const got = await api(env, `${HOOKS}/${hook.id}`, token);
    expect(await got.json()).toEqual({ data: hook, meta: {} });

    clock.advance(30_000);
    const updated = await send('PUT', `${HOOKS}/${hook.id}`, { is_active: false, headers: { A: 'b' } });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as any).data).toEqual({ ...hook, is_active: false, headers: { A: 'b' }, updated_at: 1_700_000_030 });

    const deleted = await send('DELETE', `${HOOKS}/${hook.id}`);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as any).data.id).toBe(hook.id);
    const gone = await api(env, `${HOOKS}/${hook.id}`, token);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ status: 404, title: `Webhook with id [${hook.id}] not found` });
  });

  it('refuses invalid hooks with 422 and errors per field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ destination: 'https://app.example.com/a' }, 'scope'],
      [{ scope: 'store/order/created' }, 'destination'],
      [{ scope: 'not a scope', destination: 'https://app.example.com/a' }, 'scope'],
      [{ scope: 'store/order/created', destination: 'http://app.example.com/a' }, 'destination'],
      [{ scope: 'store/order/created', destination: 'https://app.example.com:8443/a' }, 'destination'],
      // https is held to 443 even on loopback: only plain-http loopback is the sandbox deviation.
      [{ scope: 'store/order/created', destination: 'https://127.0.0.1:8443/a' }, 'destination'],
      [{ scope: 'store/order/created', destination: 'https://localhost:3000/a' }, 'destination'],
      [{ scope: 'store/order/created', destination: 'https://app.example.com/a', headers: { 'bad name': 'x' } }, 'headers'],
      [{ scope: 'store/order/created', destination: 'https://app.example.com/a', is_active: 'yes' }, 'is_active'],
    ];
    for (const [body, field] of cases) {
      const res = await send('POST', HOOKS, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const json = (await res.json()) as any;
      expect(json).toMatchObject({ status: 422, title: expect.any(String), errors: { [field]: expect.any(String) } });
    }
    expect(env.sandbox.control.hooks('sbx1234')).toEqual([]);
  });

  it('accepts loopback http destinations on any port (the sandbox deviation) and https on 443', async () => {
    for (const destination of ['http://127.0.0.1:3000/webhooks', 'http://localhost:8080/x', 'https://app.example.com:443/y']) {
      expect((await send('POST', HOOKS, { scope: 'store/order/created', destination })).status).toBe(200);
    }
  });

  it('enforces one hook per scope + destination and at most 10 per scope; PUT needs a supported field', async () => {
    const hook = await create({ scope: 'store/order/created', destination: 'https://app.example.com/0' });
    const twin = await send('POST', HOOKS, { scope: 'store/order/created', destination: 'https://app.example.com/0' });
    expect(twin.status).toBe(422);
    // BigCommerce's error body (errorDetailed_Full), naming the field.
    expect(await twin.json()).toEqual({
      status: 422,
      title: 'JSON data is missing or invalid',
      type: expect.stringContaining('api-status-codes'),
      errors: { destination: expect.stringContaining('already exists') },
    });
    // The same destination under another scope is a different hook.
    expect((await send('POST', HOOKS, { scope: 'store/order/statusUpdated', destination: 'https://app.example.com/0' })).status).toBe(200);
    for (let i = 1; i < 10; i++) await create({ scope: 'store/order/created', destination: `https://app.example.com/${i}` });
    expect((await send('POST', HOOKS, { scope: 'store/order/created', destination: 'https://app.example.com/10' })).status).toBe(422);
    const empty = await send('PUT', `${HOOKS}/${hook.id}`, { events_history_enabled: true });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as any).errors).toEqual({ body: 'Update webhook request should not be empty' });
  });

  it('hooks are per store; a token of another store cannot see them', async () => {
    const hook = await create({ scope: 'store/order/created', destination: 'https://app.example.com/a' });
    env.sandbox.control.createStore({ hash: 'other1' });
    const otherToken = await install(env, 'other1');
    const list = (await (await api(env, '/stores/other1/v3/hooks', otherToken)).json()) as any;
    expect(list.data).toEqual([]);
    expect((await api(env, `/stores/other1/v3/hooks/${hook.id}`, otherToken)).status).toBe(404);
  });

  it('uninstalling the app deletes its hooks on that store only', async () => {
    await create({ scope: 'store/order/created', destination: 'https://app.example.com/a' });
    await create({ scope: 'store/order/statusUpdated', destination: 'https://app.example.com/a' });
    env.sandbox.control.createStore({ hash: 'other1' });
    const otherToken = await install(env, 'other1');
    await api(env, '/stores/other1/v3/hooks', otherToken, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'store/order/created', destination: 'https://app.example.com/b' }),
    });
    expect(env.sandbox.control.hooks('sbx1234')).toHaveLength(2);
    await env.sandbox.control.uninstall('sbx1234');
    expect(env.sandbox.control.hooks('sbx1234')).toEqual([]);
    expect(env.sandbox.control.hooks('other1')).toHaveLength(1);
    // A re-install starts without hooks.
    const again = await install(env);
    expect(((await (await api(env, HOOKS, again)).json()) as any).data).toEqual([]);
  });

  it('needs no OAuth scope beyond a valid token', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234', { scope: 'store_v2_information_read_only' });
    const minimal = (await postToken(env, tokenRequestFor(env, authUrl))).json.access_token as string;
    expect((await api(env, HOOKS, minimal)).status).toBe(200);
    expect((await api(env, HOOKS, 'wrong')).status).toBe(401);
  });
});
