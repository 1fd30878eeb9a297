import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_SEC } from '../../server/sessions/session-tokens.js';
import { EXCHANGE_CODE_TTL_MS } from '../../server/callbacks/routes.js';
import { bareApp, OWNER } from '../helpers/bare-app.js';
import { bootDataOf, FakeClock } from '../helpers/harness.js';

const clock = new FakeClock();
let t: Awaited<ReturnType<typeof bareApp>>;
beforeEach(async () => {
  clock.ms = Date.now();
  t = await bareApp({ clock });
  await t.install();
});
afterEach(() => t.close());

async function open(over: Record<string, unknown> = {}) {
  const res = await t.http.get('/load').query({ signed_payload_jwt: t.sign(over) });
  expect(res.status).toBe(200);
  return bootDataOf(res.text);
}

async function signIn(over: Record<string, unknown> = {}) {
  const boot = await open(over);
  const res = await t.http.post('/api/session').send({ code: boot.exchangeCode });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

describe('sessions without cookies', () => {
  it('/load hands the page a single-use code, never a token, and sets no cookie', async () => {
    const res = await t.http.get('/load').query({ signed_payload_jwt: t.sign({ url: '/orders?x=1' }) });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const boot = bootDataOf(res.text);
    expect(boot.path).toBe('/orders?x=1');
    expect(boot.exchangeCode).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only a hash of the code is stored.
    const rows = await t.db('exchange_codes').select('code_hash');
    expect(rows.map((r) => r.code_hash)).not.toContain(boot.exchangeCode);
  });

  it('the code is swapped once for a token that opens the API', async () => {
    const boot = await open();
    const first = await t.http.post('/api/session').send({ code: boot.exchangeCode });
    expect(first.status).toBe(200);
    expect(first.body.user).toEqual({ id: OWNER.id, email: OWNER.email, role: 'owner', canManage: true });
    expect(new Date(first.body.expiresAt).getTime()).toBe(Math.floor(clock.ms / 1000) * 1000 + SESSION_TTL_SEC * 1000);
    const again = await t.http.post('/api/session').send({ code: boot.exchangeCode });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('session_expired');
    const overview = await t.http.get('/api/overview').set('Authorization', `Bearer ${first.body.token}`);
    expect(overview.status).toBe(200);
    expect(overview.body.store.hash).toBe('abc123');
  });

  it('the code dies after about two minutes', async () => {
    const boot = await open();
    clock.advance(EXCHANGE_CODE_TTL_MS + 1);
    const res = await t.http.post('/api/session').send({ code: boot.exchangeCode });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/Reopen/);
  });

  it('bad exchange requests get a readable 4xx', async () => {
    expect((await t.http.post('/api/session').send({})).status).toBe(400);
    expect((await t.http.post('/api/session').set('content-type', 'application/json').send('{nope')).status).toBe(400);
    expect((await t.http.post('/api/session').send({ code: 'made-up' })).status).toBe(401);
    const big = await t.http.post('/api/session').send({ code: 'x'.repeat(300_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/too large/);
  });

  it('an expired session says "reopen", not an error', async () => {
    const token = await signIn();
    clock.advance(SESSION_TTL_SEC * 1000 + 1000);
    const res = await t.http.get('/api/overview').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    expect(res.body.error.message).toMatch(/Reopen Fulfillment Bridge/);
  });

  it('refuses missing, malformed and forged tokens', async () => {
    expect((await t.http.get('/api/overview')).body.error.code).toBe('unauthenticated');
    expect((await t.http.get('/api/overview').set('Authorization', 'Bearer nope')).status).toBe(401);
    expect((await t.http.get('/api/overview').set('Authorization', `Bearer ${t.sign()}`)).status).toBe(401);
  });

  it('an unknown user of an installed store becomes a member; the owner is recognised', async () => {
    await signIn({ user: { id: 77, email: 'staff@example.com' } });
    expect(await t.app.services.members.find('abc123', 77)).toMatchObject({ role: 'user', email: 'staff@example.com' });
    expect(await t.app.services.members.find('abc123', OWNER.id)).toMatchObject({ role: 'owner' });
  });

  it('remove_user locks that user out at once, others keep working', async () => {
    const staff = await signIn({ user: { id: 77, email: 'staff@example.com' } });
    const owner = await signIn();
    const removed = await t.http.get('/remove_user').query({ signed_payload_jwt: t.sign({ user: { id: 77, email: 'staff@example.com' } }) });
    expect(removed.status).toBe(200);
    expect((await t.http.get('/api/overview').set('Authorization', `Bearer ${staff}`)).body.error.code).toBe('session_expired');
    expect((await t.http.get('/api/overview').set('Authorization', `Bearer ${owner}`)).status).toBe(200);
  });

  it('uninstall ends every session and refuses new loads', async () => {
    const owner = await signIn();
    clock.advance(2000);
    expect((await t.http.get('/uninstall').query({ signed_payload_jwt: t.sign() })).status).toBe(200);
    expect((await t.http.get('/api/overview').set('Authorization', `Bearer ${owner}`)).status).toBe(401);
    const load = await t.http.get('/load').query({ signed_payload_jwt: t.sign() });
    expect(load.status).toBe(401);
    expect(load.text).toContain('not installed');
  });

  it('HTML carries a frame-ancestors policy for the control panel and no X-Frame-Options', async () => {
    const res = await t.http.get('/load').query({ signed_payload_jwt: t.sign() });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.bigcommerce\.com https:\/\/\*\.mybigcommerce\.com/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('unknown API paths answer 404 JSON after authentication', async () => {
    const token = await signIn();
    const res = await t.http.get('/api/nope').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No such API endpoint/);
  });
});
