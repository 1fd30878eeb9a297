import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setOtherAppsUsage, windowHistory } from '../../sandbox/api/rate-limit.js';
import { api, fakeClock, install, startEnv, type Env } from './helpers.js';

// Issue 9 point 3: the store's quota is shared with its other apps. The sandbox can simulate
// their use (each window starts with it spent) and keeps each window's use for the benchmark.

describe('sandbox: other apps on the same quota', () => {
  let env: Env;
  let clock: ReturnType<typeof fakeClock>;
  let token: string;
  beforeEach(async () => {
    clock = fakeClock();
    env = await startEnv({ now: clock.now, quota: 10, windowMs: 30_000 });
    token = await install(env);
  });
  afterEach(async () => env.close());

  it('each new window starts with what the other apps used; the history tells the app’s use and 429s apart', async () => {
    await api(env, '/stores/sbx1234/v2/time', token);
    setOtherAppsUsage(env.sandbox.control.state, 'sbx1234', 8);
    clock.advance(30_000);
    const first = await api(env, '/stores/sbx1234/v2/time', token);
    expect(first.headers.get('x-rate-limit-requests-left')).toBe('1'); // 10 - 8 others - this one
    expect((await api(env, '/stores/sbx1234/v2/time', token)).status).toBe(200);
    expect((await api(env, '/stores/sbx1234/v2/time', token)).status).toBe(429);
    const windows = windowHistory(env.sandbox.control.state, 'sbx1234');
    expect(windows.at(-1)).toMatchObject({ app: 2, others: 8, rateLimited: 1 });
    expect(windows.at(-2)).toMatchObject({ others: 0, rateLimited: 0 });
    expect(windows.at(-2)!.app).toBeGreaterThanOrEqual(1);
  });
});
