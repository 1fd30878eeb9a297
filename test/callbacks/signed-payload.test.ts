import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeDeepLink } from '../../server/callbacks/signed-payload.js';
import { bareApp } from '../helpers/bare-app.js';

type Ctx = Awaited<ReturnType<typeof bareApp>>;
let t: Ctx;
beforeEach(async () => {
  t = await bareApp();
  await t.install();
});
afterEach(() => t.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('signed_payload_jwt verification', () => {
  const forged: Array<[string, (c: Ctx) => string]> = [
    ['wrong key', (c) => c.sign({}, 'not-the-client-secret')],
    ['alg none', (c) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(c.claims())}.`],
    ['HS512 instead of HS256', (c) => c.sign({}, c.config.clientSecret, { algorithm: 'HS512' })],
    ['wrong aud', (c) => c.sign({ aud: 'someone-else' })],
    ['wrong iss', (c) => c.sign({ iss: 'evil' })],
    ['expired', (c) => c.sign({ iat: 1_000, nbf: 1_000, exp: 2_000 })],
    ['nbf beyond tolerance', (c) => c.sign({ nbf: Math.floor(Date.now() / 1000) + 120 })],
    ['missing sub', (c) => c.sign({ sub: undefined })],
    ['sub that is not a store', (c) => c.sign({ sub: 'users/1' })],
    ['missing user', (c) => c.sign({ user: undefined })],
    ['garbage', () => 'definitely.not.a-jwt'],
    ['empty', () => ''],
  ];

  for (const path of ['/load', '/uninstall', '/remove_user']) {
    for (const [name, make] of forged) {
      it(`${path} answers 401 for ${name}`, async () => {
        const res = await t.http.get(path).query({ signed_payload_jwt: make(t) });
        expect(res.status).toBe(401);
        expect(res.text).toMatch(/signed payload|link from BigCommerce|signed_payload_jwt/i);
      });
    }
    it(`${path} answers 401 when the parameter is missing`, async () => {
      const res = await t.http.get(path);
      expect(res.status).toBe(401);
    });
  }

  it('renders a readable HTML page for a bad /load', async () => {
    const res = await t.http.get('/load').query({ signed_payload_jwt: 'garbage' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('Could not open Fulfillment Bridge');
    expect(res.text).toContain('Apps menu');
  });

  it('accepts nbf within the clock tolerance (BigCommerce sends nbf = iat - 5, clocks drift)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await t.http.get('/load').query({ signed_payload_jwt: t.sign({ iat: now + 20, nbf: now + 20 }) });
    expect(res.status).toBe(200);
  });

  it('a forged uninstall leaves the store installed', async () => {
    await t.http.get('/uninstall').query({ signed_payload_jwt: t.sign({}, 'wrong-key') });
    expect((await t.app.services.stores.get('abc123'))?.status).toBe('installed');
  });

  it('the verifier does not trust an unverified decode', () => {
    const token = t.sign({}, 'wrong');
    expect(jwt.decode(token)).not.toBeNull(); // decodable, yet refused above
  });
});

describe('deep-link url claim', () => {
  it('keeps in-app paths and rejects other origins', () => {
    expect(safeDeepLink('/orders?id=5')).toBe('/orders?id=5');
    expect(safeDeepLink(undefined)).toBe('/');
    expect(safeDeepLink('//evil.example.com/x')).toBe('/');
    expect(safeDeepLink('https://evil.example.com')).toBe('/');
    expect(safeDeepLink('/\\evil.example.com')).toBe('/');
  });
});
