import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

// Issue 7 point 15: bad input gets a readable 4xx, never a 500.
let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
});
afterAll(() => t.close());
const api: SignedInApp['api'] = (...args) => t.api(...args);

describe('warehouse credentials with characters a header cannot carry', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['a space in the account id', { accountId: 'wh demo', apiKey: 'whk_ok' }, 'accountId'],
    ['a non-ASCII account id', { accountId: 'wh-démo', apiKey: 'whk_ok' }, 'accountId'],
    ['a space in the API key', { accountId: 'wh-demo', apiKey: 'whk sandbox' }, 'apiKey'],
    ['a non-ASCII API key', { accountId: 'wh-demo', apiKey: 'whk_ключ' }, 'apiKey'],
    ['a control character in the API key', { accountId: 'wh-demo', apiKey: 'whk_\u0007' }, 'apiKey'],
    ['an API key longer than a header allows', { accountId: 'wh-demo', apiKey: 'k'.repeat(256) }, 'apiKey'],
  ];
  for (const [what, body, field] of cases) {
    it(`answers 400 naming ${field} for ${what}, on save and on test`, async () => {
      for (const [method, path] of [
        ['put', '/api/settings/backend'],
        ['post', '/api/settings/backend/test'],
      ] as const) {
        const res = await api(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.body.error.fields).toHaveProperty(field);
        expect(res.body.error.message).toMatch(field === 'apiKey' ? /API key/ : /account id/);
      }
    });
  }
});

describe('an API key saved before the character check', () => {
  it('asks for the key again (400 naming apiKey) instead of failing with 500', async () => {
    await t.app.services.settings.saveBackend(STORE, { accountId: 'wh-demo', apiKey: 'whk sandbox demo', accountName: 'Demo', connected: true, error: null }, Date.now());
    for (const [method, path] of [
      ['put', '/api/settings/backend'],
      ['post', '/api/settings/backend/test'],
    ] as const) {
      const res = await api(method, path, { accountId: 'wh-demo' });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.fields).toHaveProperty('apiKey');
      expect(res.body.error.message).toMatch(/enter the API key again/);
      expect(JSON.stringify(res.body)).not.toContain('whk sandbox demo');
    }
  });
});

describe('malformed percent-encoding in a route id', () => {
  const routes: Array<['get' | 'put' | 'post' | 'delete', string]> = [
    ['get', '/api/orders/%E0%A4%A'],
    ['post', '/api/orders/%E0%A4%A/retry'],
    ['get', '/api/webhook-events/%ZZ'],
    ['put', '/api/sku-mappings/%'],
    ['delete', '/api/sku-mappings/%C3%28'],
  ];
  for (const [method, path] of routes) {
    it(`${method.toUpperCase()} ${path} answers 400 JSON with a readable message`, async () => {
      const res = await api(method, path, method === 'put' ? { bcSku: 'A', backendSku: 'B' } : undefined);
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/json');
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toMatch(/not valid URL encoding/);
    });
  }

  it('answers 400 JSON even before the session check', async () => {
    const res = await t.http.get('/api/orders/%E0%A4%A');
    expect([400, 401]).toContain(res.status);
    expect(res.type).toBe('application/json');
  });
});
