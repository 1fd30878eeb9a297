import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../sandbox/index.js';
import { CLIENT_SECRET, api, fakeClock, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

describe('sandbox OAuth: beginInstall and POST /oauth2/token', () => {
  let env: Env;
  const clock = fakeClock();
  beforeEach(async () => {
    env = await startEnv({ now: clock.now });
  });
  afterEach(async () => env.close());

  it('builds the auth callback URL exactly as BigCommerce sends it', () => {
    const { authUrl, code } = env.sandbox.control.beginInstall('sbx1234');
    const url = new URL(authUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${env.app.url}/auth`);
    expect([...url.searchParams.keys()]).toEqual(['code', 'scope', 'context', 'account_uuid']);
    expect(url.searchParams.get('code')).toBe(code);
    expect(url.searchParams.get('scope')).toBe(DEFAULT_SCOPES);
    expect(authUrl).toContain('context=stores%2Fsbx1234');
    expect(authUrl).toContain('scope=store_v2_orders+store_v2_information_read_only');
    expect(url.searchParams.get('account_uuid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('exchanges a code for a token with the documented response', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234', { scope: 'store_v2_orders store_v2_information_read_only' });
    const res = await postToken(env, tokenRequestFor(env, authUrl));
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.json).toEqual({
      access_token: expect.stringMatching(/^[a-z0-9]{31}$/),
      scope: 'store_v2_orders store_v2_information_read_only',
      user: { id: 1001, username: 'owner@sandbox.test', email: 'owner@sandbox.test' },
      owner: { id: 1001, username: 'owner@sandbox.test', email: 'owner@sandbox.test' },
      context: 'stores/sbx1234',
      account_uuid: new URL(authUrl).searchParams.get('account_uuid'),
    });
    expect(env.sandbox.control.tokenFor('sbx1234')).toBe(res.json.access_token);
    expect(env.sandbox.control.isInstalled('sbx1234')).toBe(true);
  });

  it('reports the installing user separately from the owner', async () => {
    const user = env.sandbox.control.addUser('sbx1234', { email: 'Staff@Example.com' });
    expect(user).toEqual({ id: 2001, email: 'staff@example.com' });
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234', { userId: user.id });
    const res = await postToken(env, tokenRequestFor(env, authUrl));
    expect(res.json.user).toEqual({ id: 2001, username: 'staff@example.com', email: 'staff@example.com' });
    expect(res.json.owner.id).toBe(1001);
  });

  it('accepts an application/x-www-form-urlencoded body (pre-2022 guide)', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const res = await fetch(`${env.sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(tokenRequestFor(env, authUrl)).toString(),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { context: string }).context).toBe('stores/sbx1234');
  });

  it('accepts a code only once', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const body = tokenRequestFor(env, authUrl);
    expect((await postToken(env, body)).status).toBe(200);
    const again = await postToken(env, body);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('already been used') });
  });

  it('rejects a wrong client secret with 401 and leaves the code usable', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const body = tokenRequestFor(env, authUrl);
    const bad = await postToken(env, { ...body, client_secret: `${CLIENT_SECRET}x` });
    expect(bad.status).toBe(401);
    expect(bad.json.error).toBe('invalid_client');
    expect(env.sandbox.control.tokenFor('sbx1234')).toBeUndefined();
    expect((await postToken(env, body)).status).toBe(200);
  });

  it('rejects a wrong client id', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const res = await postToken(env, { ...tokenRequestFor(env, authUrl), client_id: 'someone-else' });
    expect(res.status).toBe(401);
  });

  it('rejects a redirect_uri that is not the registered auth callback', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const body = tokenRequestFor(env, authUrl);
    for (const redirect_uri of [`${env.app.url}/auth/`, `${env.app.url}/oauth`, 'https://evil.example/auth']) {
      const res = await postToken(env, { ...body, redirect_uri });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_grant');
    }
    expect(env.sandbox.control.tokenFor('sbx1234')).toBeUndefined();
  });

  it('rejects a context that does not match the code, an unknown code and a wrong grant_type', async () => {
    env.sandbox.control.createStore({ hash: 'other1' });
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    const body = tokenRequestFor(env, authUrl);
    expect((await postToken(env, { ...body, context: 'stores/other1' })).json.error).toBe('invalid_grant');
    expect((await postToken(env, { ...body, code: 'doesnotexist' })).json.error).toBe('invalid_grant');
    expect((await postToken(env, { ...body, grant_type: 'client_credentials' })).json.error).toBe('unsupported_grant_type');
    const missing = await postToken(env, { ...body, code: '' });
    expect([missing.status, missing.json.error]).toEqual([400, 'invalid_request']);
  });

  it('rejects an expired code (valid about ten minutes)', async () => {
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    clock.advance(10 * 60_000 + 1);
    const res = await postToken(env, tokenRequestFor(env, authUrl));
    expect(res.status).toBe(400);
    expect(res.json.error_description).toMatch(/expired/);
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const res = await fetch(`${env.sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"client_id":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('invalidates the previous token when the store installs again', async () => {
    const first = await install(env);
    expect((await api(env, '/stores/sbx1234/v2/store', first)).status).toBe(200);
    const second = await install(env);
    expect(second).not.toBe(first);
    const old = await api(env, '/stores/sbx1234/v2/store', first);
    expect(old.status).toBe(401);
    expect(await old.json()).toEqual([{ status: 401, message: expect.any(String) }]);
    expect((await api(env, '/stores/sbx1234/v2/store', second)).status).toBe(200);
  });

  it('keeps tokens per store', async () => {
    env.sandbox.control.createStore({ hash: 'other1', name: 'Other' });
    const a = await install(env, 'sbx1234');
    const b = await install(env, 'other1');
    expect((await api(env, '/stores/other1/v2/store', a)).status).toBe(401);
    expect((await api(env, '/stores/sbx1234/v2/store', a)).status).toBe(200);
    expect((await api(env, '/stores/other1/v2/store', b)).status).toBe(200);
  });
});
