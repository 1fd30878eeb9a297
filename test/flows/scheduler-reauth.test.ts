// Issue 7, point 8: a store waiting for re-authorisation is not scheduled (each run would be a 401,
// a dead job and an Activity error, ~300 a day).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../server/flows/runtime.js';
import { JOB } from '../../server/webhooks/topics.js';
import { bareApp, type BareApp } from '../helpers/bare-app.js';

let t: BareApp | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  await t?.close();
  t = undefined;
});

describe('startScheduler', () => {
  it('queues the periodic jobs for usable stores only, skipping one whose token BigCommerce revoked', async () => {
    t = await bareApp();
    const s = t.app.services;
    const person = { id: 1, email: 'o@example.com' };
    for (const [hash, token] of [['good1', 'G'], ['revoked1', 'R']] as const) {
      await t.db.transaction((trx) => s.stores.upsertInstalled({ hash, accessToken: token, scope: 's', accountUuid: 'a', owner: person, installer: person }, Date.now(), trx));
    }
    expect(await s.stores.markNeedsReauth('revoked1', 'R', Date.now())).toBe(true);

    // The scheduler wakes the worker after each round of enqueues: the boot rounds are
    // webhooks, orders, retention and the store refresh (good1 never had one).
    let wakes = 0;
    s.jobs.attach({ wake: () => void (wakes += 1) });
    stop = startScheduler(s);
    await vi.waitFor(() => expect(wakes).toBe(4), { timeout: 2_000 });

    const jobs = await t.db('jobs').whereIn('store_hash', ['good1', 'revoked1']).select('store_hash', 'kind').orderBy(['store_hash', 'kind']);
    expect(jobs).toEqual([
      { store_hash: 'good1', kind: JOB.ordersReconcile },
      { store_hash: 'good1', kind: JOB.storeRefresh },
      { store_hash: 'good1', kind: JOB.webhooksReconcile },
    ]);
  });
});
