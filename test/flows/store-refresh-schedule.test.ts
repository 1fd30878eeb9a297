// Issue 8 point 2: the store refresh is queued after every install and then at most hourly per store.
import { afterEach, describe, expect, it } from 'vitest';
import type { OAuthExchanger } from '../../server/callbacks/oauth-exchange.js';
import { queueDueStoreRefreshes, STORE_REFRESH_EVERY_MS } from '../../server/flows/store-refresh.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, OWNER, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { queued } from '../helpers/run-queued.js';

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const refreshJobs = async (app: BareApp) =>
  (await app.db('jobs').where({ kind: JOB.storeRefresh }).orderBy('store_hash').select('store_hash', 'state', 'dedupe_key', 'payload')).map((r) => ({
    store: String(r.store_hash),
    state: String(r.state),
    key: String(r.dedupe_key),
    payload: JSON.parse(String(r.payload)) as unknown,
  }));

describe('store refresh scheduling', () => {
  it('queues a refresh after an install and after a re-install (one pending at a time)', async () => {
    const oauth: OAuthExchanger = {
      exchange: async () => ({ access_token: 'tok', scope: 'store_v2_orders', context: `stores/${STORE}`, account_uuid: 'acc', user: OWNER, owner: OWNER }),
    };
    t = await bareApp({ oauth, deps: { hooks: {} } });
    const auth = () => t!.http.get('/auth').query({ code: 'c', scope: 'store_v2_orders', context: `stores/${STORE}`, account_uuid: 'acc' });
    expect((await auth()).status).toBe(200);
    expect(await refreshJobs(t)).toEqual([{ store: STORE, state: 'pending', key: `refresh:${STORE}`, payload: { force: true } }]);

    // The first refresh ran; a re-install (e.g. after the token was refused) queues another.
    await t.db('jobs').where({ kind: JOB.storeRefresh }).update({ state: 'done' });
    expect((await auth()).status).toBe(200);
    expect((await refreshJobs(t)).filter((j) => j.state === 'pending')).toEqual([{ store: STORE, state: 'pending', key: `refresh:${STORE}`, payload: { force: true } }]);
    expect((await auth()).status).toBe(200);
    expect(await queued(t.db, JOB.storeRefresh)).toHaveLength(1);
  });

  it('the scheduler round queues only stores whose last refresh is an hour old or that never ran', async () => {
    const clock = new FakeClock(Date.parse('2025-03-01T10:00:00Z'));
    t = await bareApp({ clock });
    const s = t.app.services;
    const person = { id: 1, email: 'o@example.com' };
    for (const hash of ['never', 'recent', 'hourold', 'revoked', 'gone']) {
      await t.db.transaction((trx) =>
        s.stores.upsertInstalled({ hash, accessToken: `tok-${hash}`, scope: 's', accountUuid: 'a', owner: person, installer: person }, clock.ms, trx),
      );
    }
    await s.stores.saveRefresh('recent', { error: null }, clock.ms - STORE_REFRESH_EVERY_MS + 60_000);
    await s.stores.saveRefresh('hourold', { error: null }, clock.ms - STORE_REFRESH_EVERY_MS);
    await s.stores.markNeedsReauth('revoked', 'tok-revoked', clock.ms);
    await t.db.transaction((trx) => s.stores.markUninstalled('gone', clock.ms, trx));

    expect(await queueDueStoreRefreshes(s)).toBe(2);
    expect((await refreshJobs(t)).map((j) => j.store)).toEqual(['hourold', 'never']);
    // A second round before they ran adds nothing (one pending refresh per store).
    await queueDueStoreRefreshes(s);
    expect(await refreshJobs(t)).toHaveLength(2);

    // A minute later, the recent one is due too.
    clock.advance(60_000);
    await queueDueStoreRefreshes(s);
    expect((await refreshJobs(t)).map((j) => j.store)).toEqual(['hourold', 'never', 'recent']);
  });
});
