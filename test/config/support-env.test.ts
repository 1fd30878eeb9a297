// Issue 9 point 1: the in-app Help's support link comes from SUPPORT_URL / SUPPORT_EMAIL and
// reaches the browser in the boot data of every page the server renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.js';
import { SpaRenderer } from '../../server/http/spa.js';
import { bareApp, type BareApp } from '../helpers/bare-app.js';
import { configProblems, testEnv } from '../helpers/config.js';
import { bootDataOf } from '../helpers/harness.js';

describe('support configuration', () => {
  it('defaults to support@{APP_URL host} and no page', () => {
    expect(loadConfig(testEnv({ APP_URL: 'https://bridge.example.com' })).support).toEqual({ url: null, email: 'support@bridge.example.com' });
  });

  it('reads SUPPORT_URL and SUPPORT_EMAIL', () => {
    const c = loadConfig(testEnv({ SUPPORT_URL: 'https://help.example.com/bridge/', SUPPORT_EMAIL: 'help@example.com' }));
    expect(c.support).toEqual({ url: 'https://help.example.com/bridge', email: 'help@example.com' });
  });

  it('names a bad SUPPORT_URL or SUPPORT_EMAIL', () => {
    expect(configProblems(testEnv({ SUPPORT_URL: 'http://help.example.com', SUPPORT_EMAIL: 'nobody' }))).toEqual([
      'SUPPORT_URL must use https (http is allowed only for localhost)',
      'SUPPORT_EMAIL must be an e-mail address, e.g. support@example.com',
    ]);
  });
});

describe('support contact in the boot data', () => {
  let t: BareApp;
  beforeAll(async () => {
    t = await bareApp();
  });
  afterAll(() => t.close());

  it('is in the page the server renders, next to the deep link', async () => {
    const res = await t.http.get('/');
    expect(res.status).toBe(200);
    expect(bootDataOf(res.text)).toMatchObject({ path: '/', support: { url: null, email: 'support@127.0.0.1' } });
  });

  it('is added to the load callback’s boot data too, without touching the exchange code', () => {
    const spa = new SpaRenderer('/nonexistent', { url: 'https://help.example.com', email: 'help@example.com' });
    const boot = bootDataOf(spa.render({ exchangeCode: 'code-1', path: '/orders' }));
    expect(boot).toEqual({ exchangeCode: 'code-1', path: '/orders', support: { url: 'https://help.example.com', email: 'help@example.com' } });
  });
});
