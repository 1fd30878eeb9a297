import { afterEach, describe, expect, it } from 'vitest';
import type { OAuthExchanger, TokenResponse } from '../../server/callbacks/oauth-exchange.js';
import { InstallFailedError } from '../../server/errors.js';
import { bareApp, OWNER } from '../helpers/bare-app.js';
import { bootDataOf } from '../helpers/harness.js';

const query = { code: 'grant-1', scope: 'store_v2_orders', context: 'stores/abc123', account_uuid: 'acc-1' };
const token = (over: Partial<TokenResponse> = {}): TokenResponse => ({
  access_token: 'secret-access-token',
  scope: 'store_v2_orders',
  context: 'stores/abc123',
  account_uuid: 'acc-1',
  user: OWNER,
  owner: OWNER,
  ...over,
});
const exchanger = (fn: OAuthExchanger['exchange']): OAuthExchanger => ({ exchange: fn });

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('GET /auth', () => {
  it('stores token, owner and installer in one go and answers with the app', async () => {
    const seen: unknown[] = [];
    const t = await bareApp({ oauth: exchanger(async (q) => (seen.push(q), token({ user: { id: 12, email: 'admin@example.com' } }))) });
    close = t.close;
    const res = await t.http.get('/auth').query(query);
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ code: 'grant-1', scope: 'store_v2_orders', context: 'stores/abc123' }]);
    expect(bootDataOf(res.text).exchangeCode).toBeTruthy();
    const store = await t.db('stores').where({ hash: 'abc123' }).first();
    expect(store.status).toBe('installed');
    expect(store.access_token_enc).not.toContain('secret-access-token');
    expect(await t.app.services.stores.accessToken('abc123')).toBe('secret-access-token');
    expect(await t.app.services.members.find('abc123', OWNER.id)).toMatchObject({ role: 'owner' });
    expect(await t.app.services.members.find('abc123', 12)).toMatchObject({ role: 'user' });
  });

  it('rejects incomplete requests with a readable page', async () => {
    const t = await bareApp({ oauth: exchanger(async () => token()) });
    close = t.close;
    for (const q of [{}, { ...query, context: 'users/1' }, { ...query, code: '' }]) {
      const res = await t.http.get('/auth').query(q);
      expect(res.status).toBe(400);
      expect(res.text).toContain('Installation could not start');
    }
    expect(await t.db('stores').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('a refused exchange shows an error page and stores nothing', async () => {
    const t = await bareApp({ oauth: exchanger(async () => Promise.reject(new InstallFailedError('BigCommerce did not accept the installation code.'))) });
    close = t.close;
    const res = await t.http.get('/auth').query(query);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Installation failed');
    expect(res.text).toContain('did not accept the installation code');
    expect(await t.db('stores').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('a failure half-way through leaves no partial rows', async () => {
    const t = await bareApp({ oauth: exchanger(async () => token()) });
    close = t.close;
    // Break the second write of the transaction: the store row written first must roll back.
    await t.db.schema.dropTable('store_members');
    const res = await t.http.get('/auth').query(query);
    expect(res.status).toBe(503);
    expect(res.text).toContain('Installation failed');
    expect(await t.db('stores').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await t.db('users').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('a reinstall overwrites the token and clears needs-reauth', async () => {
    let n = 0;
    const t = await bareApp({ oauth: exchanger(async () => token({ access_token: `token-${++n}` })) });
    close = t.close;
    await t.http.get('/auth').query(query);
    expect(await t.app.services.stores.markNeedsReauth('abc123', 'token-1', Date.now())).toBe(true);
    expect((await t.app.services.stores.get('abc123'))?.needsReauth).toBe(true);
    await t.http.get('/auth').query(query);
    expect(await t.app.services.stores.accessToken('abc123')).toBe('token-2');
    expect((await t.app.services.stores.get('abc123'))?.needsReauth).toBe(false);
  });
});
