import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp, SandboxState } from '../../sandbox/index.js';
import { CLIENT_ID, CLIENT_SECRET, install, startEnv, type Env } from './helpers.js';

describe('sandbox control panel page', () => {
  it('renders the control-panel page with the stable element ids on / and /manage/app', async () => {
    const app = createSandboxApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    for (const path of ['/', '/manage/app']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      for (const id of ['install', 'open', 'add-user', 'remove-user', 'uninstall', 'user-select', 'new-user-email', 'status']) {
        expect(res.text).toContain(`id="${id}"`);
      }
      expect(res.text).toMatch(/<iframe id="app-frame" name="app-frame"/);
      expect(res.text).toContain('<h1 id="store-name">Sandbox Store</h1>');
    }
  });

  it('escapes store names and selects the store given by ?store=', async () => {
    const state = new SandboxState({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    state.createStore({ hash: 'xss1', name: '<script>alert(1)</script>' });
    const res = await request(createSandboxApp(state.opts, state)).get('/?store=xss1');
    expect(res.text).toContain('data-store="xss1"');
    expect(res.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });
});

describe('sandbox control JSON endpoints', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => env.close());

  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${env.sandbox.url}/sandbox${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('drives install, open, users and uninstall like the page does', async () => {
    const started = (await (await call('POST', '/stores/sbx1234/install', {})).json()) as { authUrl: string };
    expect(started.authUrl.startsWith(`${env.app.url}/auth?code=`)).toBe(true);

    const user = (await (await call('POST', '/stores/sbx1234/users', { email: 'packer@sandbox.test' })).json()) as { id: number };
    expect(user).toEqual({ id: 2001, email: 'packer@sandbox.test' });

    expect((await call('GET', '/stores/sbx1234/load-url?userId=1001')).status).toBe(409);
    await install(env);
    const load = (await (await call('GET', `/stores/sbx1234/load-url?userId=${user.id}&url=%2Fx&channelId=null`)).json()) as { url: string };
    expect(load.url.startsWith(`${env.app.url}/load?signed_payload_jwt=`)).toBe(true);

    const removed = await call('DELETE', `/stores/sbx1234/users/${user.id}`);
    expect(await removed.json()).toEqual({ status: 200, called: true });

    const uninstalled = await call('POST', '/stores/sbx1234/uninstall', {});
    expect(await uninstalled.json()).toEqual({ status: 200, called: true });
    expect(env.app.calls.map((c) => c.path)).toEqual(['/remove_user', '/uninstall']);
  });

  it('GET /sandbox/state shows stores, install state, users and faults but never a token or the secret', async () => {
    const token = await install(env);
    await call('POST', '/faults', [
      { kind: 'slow', delayMs: 5 },
      { kind: 'server_error', count: 2 },
    ]);
    const res = await call('GET', '/state');
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(CLIENT_SECRET);
    const state = JSON.parse(text);
    expect(state.stores[0]).toMatchObject({ hash: 'sbx1234', installed: true, hasToken: true, users: [{ id: 1001 }] });
    expect(state.faults).toEqual([
      { kind: 'slow', delayMs: 5, remaining: null },
      { kind: 'server_error', count: 2, remaining: 2 },
    ]);
    await call('DELETE', '/faults');
    expect(((await (await call('GET', '/state')).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it('sets quota, creates stores and lists requests without tokens', async () => {
    const token = await install(env);
    const quota = await call('PUT', '/stores/sbx1234/quota', { quota: 10, left: 4 });
    expect(await quota.json()).toMatchObject({ quota: 10, left: 4 });
    await fetch(`${env.sandbox.url}/stores/sbx1234/v2/time`, { headers: { 'X-Auth-Token': token } });
    const logged = (await (await call('GET', '/requests')).json()) as Array<Record<string, unknown>>;
    expect(logged).toEqual([expect.objectContaining({ path: '/stores/sbx1234/v2/time', status: 200 })]);
    expect(logged[0]).not.toHaveProperty('authToken');
    expect((await call('DELETE', '/requests')).status).toBe(204);
    expect(env.sandbox.control.requests).toHaveLength(0);
    const created = await call('POST', '/stores', { hash: 'new123', name: 'New' });
    expect(created.status).toBe(201);
    expect(env.sandbox.control.getStore('new123').name).toBe('New');
  });

  it('validates input and reports sandbox errors as JSON', async () => {
    expect((await call('POST', '/stores/nosuch/install', {})).status).toBe(404);
    expect((await call('POST', '/faults', { kind: 'meteor' })).status).toBe(400);
    expect((await call('POST', '/stores/sbx1234/users', { email: 'not-an-email' })).status).toBe(400);
    expect((await call('DELETE', '/stores/sbx1234/users/1001')).status).toBe(400);
    expect((await call('POST', '/stores/sbx1234/uninstall', {})).status).toBe(409);
  });

  it('refuses mutating requests that are not JSON (cross-site form posts)', async () => {
    const res = await fetch(`${env.sandbox.url}/sandbox/stores/sbx1234/install`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'userId=1001',
    });
    expect(res.status).toBe(415);
    expect(env.sandbox.control.state.codes.size).toBe(0);
  });
});
