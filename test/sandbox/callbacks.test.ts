import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, api, fakeClock, install, startEnv, type Env } from './helpers.js';

/** Verifies like the official clients do: HS256, client secret, aud = client id; plus iss. */
function verify(token: string, now: number): jwt.JwtPayload {
  return jwt.verify(token, CLIENT_SECRET, {
    algorithms: ['HS256'],
    audience: CLIENT_ID,
    issuer: 'bc',
    clockTimestamp: Math.floor(now / 1000),
  }) as jwt.JwtPayload;
}

function jwtOf(url: string): string {
  return new URL(url).searchParams.get('signed_payload_jwt') ?? '';
}

describe('sandbox signed_payload_jwt callbacks', () => {
  let env: Env;
  const clock = fakeClock(1_700_000_000_000);
  beforeEach(async () => {
    env = await startEnv({ now: clock.now });
  });
  afterEach(async () => env.close());

  it('loadUrl carries a JWT with the documented claims', async () => {
    await install(env);
    const url = env.sandbox.control.loadUrl('sbx1234', 1001);
    expect(url.startsWith(`${env.app.url}/load?signed_payload_jwt=`)).toBe(true);
    const token = jwtOf(url);
    expect(jwt.decode(token, { complete: true })?.header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const claims = verify(token, clock.now());
    const iat = Math.floor(clock.now() / 1000);
    expect(claims).toEqual({
      aud: CLIENT_ID,
      iss: 'bc',
      iat,
      nbf: iat - 5,
      exp: iat - 5 + 86_400,
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      sub: 'stores/sbx1234',
      user: { id: 1001, email: 'owner@sandbox.test', locale: 'en-US' },
      owner: { id: 1001, email: 'owner@sandbox.test' },
      url: '/',
      channel_id: null,
    });
    expect(verify(jwtOf(env.sandbox.control.loadUrl('sbx1234', 1001)), clock.now()).jti).not.toBe(claims.jti);
  });

  it('loadUrl names the acting user, deep link and channel', async () => {
    await install(env);
    const user = env.sandbox.control.addUser('sbx1234', { email: 'picker@sandbox.test' });
    const claims = verify(jwtOf(env.sandbox.control.loadUrl('sbx1234', user.id, { url: '/orders/5', channelId: 2 })), clock.now());
    expect(claims.user).toEqual({ id: 2001, email: 'picker@sandbox.test', locale: 'en-US' });
    expect(claims.owner).toEqual({ id: 1001, email: 'owner@sandbox.test' });
    expect([claims.url, claims.channel_id]).toEqual(['/orders/5', 2]);
  });

  it('loadUrl refuses when the app is not installed or the user is unknown', async () => {
    expect(() => env.sandbox.control.loadUrl('sbx1234', 1001)).toThrow(/not installed/);
    await install(env);
    expect(() => env.sandbox.control.loadUrl('sbx1234', 999)).toThrow(/not a user/);
  });

  it('JWTs expire 24 h after nbf and fail verification with another secret', async () => {
    await install(env);
    const token = jwtOf(env.sandbox.control.loadUrl('sbx1234', 1001));
    expect(() => verify(token, clock.now() + 86_400_000)).toThrow(/expired/);
    expect(() => jwt.verify(token, 'other-secret', { algorithms: ['HS256'] })).toThrow(/signature/);
  });

  it('signPayload and payloadFor let tests forge or alter tokens', () => {
    const claims = env.sandbox.control.payloadFor('sbx1234', 1001, { sub: 'stores/evil', user: { email: 'x@y.z' } });
    expect(claims.user).toEqual({ id: 1001, email: 'x@y.z', locale: 'en-US' });
    expect(verify(env.sandbox.control.signPayload(claims), clock.now()).sub).toBe('stores/evil');
    expect(() => verify(env.sandbox.control.signPayload(claims, { secret: 'nope' }), clock.now())).toThrow();
    expect(() => verify(env.sandbox.control.signPayload({ ...claims, aud: 'other' }), clock.now())).toThrow(/audience/);
    expect(() => verify(env.sandbox.control.signPayload(claims, { algorithm: 'none' }), clock.now())).toThrow();
    const hs512 = env.sandbox.control.signPayload(claims, { algorithm: 'HS512' });
    expect(jwt.verify(hs512, CLIENT_SECRET, { algorithms: ['HS512'], clockTimestamp: claims.iat })).toMatchObject({ sub: 'stores/evil' });
    const short = env.sandbox.control.signPayload(claims, { expiresInSec: 60 });
    expect(jwt.decode(short)).toMatchObject({ exp: claims.nbf + 60 });
  });

  it('uninstall revokes the token and calls /uninstall server-to-server, signed for the owner', async () => {
    const token = await install(env);
    const result = await env.sandbox.control.uninstall('sbx1234');
    expect(result).toEqual({ status: 200, called: true });
    const call = env.app.calls.find((c) => c.path === '/uninstall');
    expect(call?.accept).toBe('application/json');
    const claims = verify(call?.query.signed_payload_jwt ?? '', clock.now());
    expect(claims).toMatchObject({ sub: 'stores/sbx1234', user: { id: 1001 }, owner: { id: 1001 } });
    expect(env.sandbox.control.isInstalled('sbx1234')).toBe(false);
    expect(env.sandbox.control.tokenFor('sbx1234')).toBeUndefined();
    expect((await api(env, '/stores/sbx1234/v2/store', token)).status).toBe(401);
    await expect(env.sandbox.control.uninstall('sbx1234')).rejects.toThrow(/not installed/);
  });

  it('uninstall reports the status the app answered, or 0 when it is unreachable', async () => {
    await install(env);
    env.app.status = 500;
    expect((await env.sandbox.control.uninstall('sbx1234')).status).toBe(500);
    await install(env);
    await env.app.close();
    const result = await env.sandbox.control.uninstall('sbx1234');
    expect(result).toMatchObject({ status: 0, called: true, error: expect.stringContaining('unreachable') });
    expect(env.sandbox.control.isInstalled('sbx1234')).toBe(false);
  });

  it('removeUser removes the user and calls /remove_user naming that user', async () => {
    await install(env);
    const user = env.sandbox.control.addUser('sbx1234', { email: 'gone@sandbox.test' });
    expect(env.sandbox.control.addUser('sbx1234', { email: 'next@sandbox.test' }).id).toBe(2002);
    const result = await env.sandbox.control.removeUser('sbx1234', user.id);
    expect(result).toEqual({ status: 200, called: true });
    const call = env.app.calls.find((c) => c.path === '/remove_user');
    const claims = verify(call?.query.signed_payload_jwt ?? '', clock.now());
    expect(claims.user).toEqual({ id: user.id, email: 'gone@sandbox.test', locale: 'en-US' });
    expect(claims.owner).toEqual({ id: 1001, email: 'owner@sandbox.test' });
    expect(env.sandbox.control.users('sbx1234').map((u) => u.id)).toEqual([1001, 2002]);
    expect(() => env.sandbox.control.loadUrl('sbx1234', user.id)).toThrow(/not a user/);
  });

  it('removeUser refuses the owner and does not call an app that is not installed', async () => {
    await expect(env.sandbox.control.removeUser('sbx1234', 1001)).rejects.toThrow(/owner/);
    const user = env.sandbox.control.addUser('sbx1234', { email: 'temp@sandbox.test' });
    expect(await env.sandbox.control.removeUser('sbx1234', user.id)).toEqual({ status: 0, called: false });
    expect(env.app.calls).toHaveLength(0);
  });
});
