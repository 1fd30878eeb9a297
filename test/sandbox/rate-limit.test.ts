import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, fakeClock, install, startEnv, type Env } from './helpers.js';

function rateHeaders(res: Response): Record<string, string | null> {
  return {
    window: res.headers.get('x-rate-limit-time-window-ms'),
    reset: res.headers.get('x-rate-limit-time-reset-ms'),
    quota: res.headers.get('x-rate-limit-requests-quota'),
    left: res.headers.get('x-rate-limit-requests-left'),
    retryAfter: res.headers.get('x-retry-after'),
  };
}

describe('sandbox rate limiting', () => {
  let env: Env;
  let clock: ReturnType<typeof fakeClock>;
  let token: string;
  beforeEach(async () => {
    clock = fakeClock();
    env = await startEnv({ now: clock.now, quota: 3, windowMs: 30_000 });
    token = await install(env);
  });
  afterEach(async () => env.close());

  it('defaults to 150 requests per 30 s window', async () => {
    const other = await startEnv();
    try {
      const t = await install(other);
      const h = rateHeaders(await api(other, '/stores/sbx1234/v2/time', t));
      expect([h.window, h.quota, h.left]).toEqual(['30000', '150', '149']);
    } finally {
      await other.close();
    }
  });

  it('decrements Requests-Left and counts Reset-Ms down within the window', async () => {
    const first = rateHeaders(await api(env, '/stores/sbx1234/v2/time', token));
    expect(first).toEqual({ window: '30000', reset: '30000', quota: '3', left: '2', retryAfter: null });
    clock.advance(10_000);
    const second = rateHeaders(await api(env, '/stores/sbx1234/v2/store', token));
    expect([second.reset, second.left]).toEqual(['20000', '1']);
  });

  it('answers 429 with X-Retry-After once the quota is used, then recovers in the next window', async () => {
    for (let i = 0; i < 3; i++) expect((await api(env, '/stores/sbx1234/v2/time', token)).status).toBe(200);
    clock.advance(12_300);
    const limited = await api(env, '/stores/sbx1234/v2/time', token);
    expect(limited.status).toBe(429);
    expect(rateHeaders(limited)).toEqual({ window: '30000', reset: '17700', quota: '3', left: '0', retryAfter: '18' });
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    // A 429 does not use quota, and the log shows it.
    expect(env.sandbox.control.requests.at(-1)?.status).toBe(429);
    clock.advance(17_700);
    const after = await api(env, '/stores/sbx1234/v2/time', token);
    expect(after.status).toBe(200);
    expect(rateHeaders(after).left).toBe('2');
  });

  it('keeps a separate quota per store', async () => {
    env.sandbox.control.createStore({ hash: 'other1' });
    const other = await install(env, 'other1');
    for (let i = 0; i < 3; i++) await api(env, '/stores/sbx1234/v2/time', token);
    expect((await api(env, '/stores/sbx1234/v2/time', token)).status).toBe(429);
    expect((await api(env, '/stores/other1/v2/time', other)).status).toBe(200);
  });

  it('does not spend quota on requests with a bad token', async () => {
    for (let i = 0; i < 5; i++) expect((await api(env, '/stores/sbx1234/v2/time', 'bad')).status).toBe(401);
    expect(rateHeaders(await api(env, '/stores/sbx1234/v2/time', token)).left).toBe('2');
  });

  it('setQuota puts a store near its limit', async () => {
    env.sandbox.control.setQuota('sbx1234', { quota: 450, left: 1, resetMs: 4_000 });
    const res = await api(env, '/stores/sbx1234/v2/time', token);
    expect(rateHeaders(res)).toMatchObject({ quota: '450', left: '0', reset: '4000' });
    const limited = await api(env, '/stores/sbx1234/v2/time', token);
    expect([limited.status, limited.headers.get('x-retry-after')]).toEqual([429, '4']);
    clock.advance(4_000);
    expect(rateHeaders(await api(env, '/stores/sbx1234/v2/time', token)).left).toBe('449');
  });
});
