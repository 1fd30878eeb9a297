import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

const STORE = '/stores/sbx1234/v2/store';

describe('sandbox fault injection', () => {
  let env: Env;
  let token: string;
  beforeEach(async () => {
    env = await startEnv();
    token = await install(env);
  });
  afterEach(async () => env.close());

  it('rate_limit answers 429 with the rate-limit headers and the fault reset time', async () => {
    env.sandbox.control.setFaults({ kind: 'rate_limit', count: 1, resetMs: 2_500 });
    const res = await api(env, STORE, token);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-rate-limit-time-reset-ms')).toBe('2500');
    expect(res.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(res.headers.get('x-rate-limit-requests-quota')).toBe('150');
    expect(res.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    expect(res.headers.get('x-retry-after')).toBe('3');
    expect((await res.json()) as object).toMatchObject({ status: 429 });
    expect((await api(env, STORE, token)).status).toBe(200);
  });

  it('rate_limit defaults Reset-Ms to 1500', async () => {
    env.sandbox.control.setFaults({ kind: 'rate_limit', count: 1 });
    const res = await api(env, STORE, token);
    expect([res.headers.get('x-rate-limit-time-reset-ms'), res.headers.get('x-retry-after')]).toEqual(['1500', '2']);
  });

  it('rate_limit_no_headers answers 429 without any rate-limit header', async () => {
    env.sandbox.control.setFaults({ kind: 'rate_limit_no_headers', count: 1 });
    const res = await api(env, STORE, token);
    expect(res.status).toBe(429);
    const names = [...res.headers.keys()].filter((k) => k.startsWith('x-rate-limit') || k === 'x-retry-after');
    expect(names).toEqual([]);
  });

  it('server_error answers the status with a JSON body (500 by default)', async () => {
    env.sandbox.control.setFaults([
      { kind: 'server_error', count: 1 },
      { kind: 'server_error', count: 1, status: 503 },
    ]);
    const first = await api(env, STORE, token);
    expect(first.status).toBe(500);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await first.json()).toMatchObject({ status: 500, title: 'Internal Server Error' });
    const second = await api(env, STORE, token);
    expect(second.status).toBe(503);
    expect((await api(env, STORE, token)).status).toBe(200);
  });

  it('slow delays the response by delayMs and then answers normally', async () => {
    env.sandbox.control.setFaults({ kind: 'slow', delayMs: 300, count: 1 });
    const started = performance.now();
    const res = await api(env, STORE, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rate-limit-requests-left')).not.toBeNull();
    const fastStart = performance.now();
    await api(env, STORE, token);
    expect(performance.now() - fastStart).toBeLessThan(250);
  });

  it('affects every request until cleared when no count is given', async () => {
    env.sandbox.control.setFaults({ kind: 'server_error' });
    for (let i = 0; i < 4; i++) expect((await api(env, STORE, token)).status).toBe(500);
    env.sandbox.control.clearFaults();
    expect((await api(env, STORE, token)).status).toBe(200);
  });

  it('can be limited to a method and a path', async () => {
    env.sandbox.control.setFaults({ kind: 'server_error', method: 'get', path: '/v2/time' });
    expect((await api(env, STORE, token)).status).toBe(200);
    expect((await api(env, '/stores/sbx1234/v2/time', token)).status).toBe(500);
  });

  it('never applies to the OAuth token endpoint', async () => {
    env.sandbox.control.setFaults({ kind: 'server_error' });
    const { authUrl } = env.sandbox.control.beginInstall('sbx1234');
    expect((await postToken(env, tokenRequestFor(env, authUrl))).status).toBe(200);
  });

  it('rejects an unknown fault kind', () => {
    expect(() => env.sandbox.control.setFaults({ kind: 'explode' as 'slow' })).toThrow(/unknown fault kind/);
  });
});
