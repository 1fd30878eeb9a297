// The logger redacts any top-level `code` (the OAuth grant code's name): an install failure's error
// code must be logged under another key, or every such line reads "[redacted]".
import { afterEach, describe, expect, it } from 'vitest';
import { bareApp, OWNER, type BareApp } from '../helpers/bare-app.js';

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('GET /auth failure log', () => {
  it('names the error code of a refused install, and still never logs the grant code', async () => {
    t = await bareApp({
      oauth: {
        exchange: async () => ({ access_token: 'tok', scope: 's', context: 'stores/other9', account_uuid: 'a', user: OWNER, owner: OWNER }),
      },
    });
    const res = await t.http.get('/auth').query({ code: 'grant-SECRET', scope: 's', context: 'stores/abc123', account_uuid: 'a' });
    expect(res.status).toBe(400);
    const line = t.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'install failed');
    expect(line).toMatchObject({ level: 40, errorCode: 'install_failed' });
    expect(t.logs.text()).not.toContain('grant-SECRET');
  });
});
