// Issue 7, point 8: a store waiting for re-authorisation is not scheduled (each run would be a 401,
// a dead job and an Activity error, ~300 a day).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../server/flows/runtime.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, type BareApp } from '../helpers/bare-app.js';

let t: BareApp | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await t?.close();
  t = undefined;
});

describe('startScheduler', () => {
  it('queues the periodic jobs for usable stores only, skipping one whose token BigCommerce revoked', async () => {
    t = await bareApp();
    const s = t.app.services;
    const person = { id: 1, email: 'o@example.com' };
    for (const [hash, token] of [
      ['good1', 'G'],
      ['revoked1', 'R'],
    ] as const) {
      await t.db.transaction((trx) => s.stores.upsertInstalled({ hash, accessToken: token, scope: 's', accountUuid: 'a', owner: person, installer: person }, Date.now(), trx));
    }
    expect(await s.stores.markNeedsReauth('revoked1', 'R', Date.now())).toBe(true);

    // Real timers, short intervals: wait until each task has covered a whole interval (every
    // eligible store's phase has passed), then look at what was queued.
    let wakes = 0;
    s.jobs.attach({ wake: () => void (wakes += 1) });
    const every = 100;
    stop = startScheduler(s, { tickMs: 10, ordersEveryMs: every, webhooksEveryMs: every, storeRefreshCheckEveryMs: every });
    const tasks = [JOB.ordersReconcile, JOB.webhooksReconcile, JOB.storeRefresh];
    const covered = async () => {
      const marks = await t!.db<{ task: string; covered_until: number }>('scheduler_watermarks').whereIn('task', tasks).select('covered_until');
      return marks.length === tasks.length ? Math.min(...marks.map((m) => Number(m.covered_until))) : 0;
    };
    let first = 0;
    await vi.waitFor(async () => expect((first = await covered())).toBeGreaterThan(0), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await covered()).toBeGreaterThanOrEqual(first + every), { timeout: 5_000 });
    await stop();
    expect(wakes).toBeGreaterThan(0);

    const jobs = await t.db('jobs').whereIn('store_hash', ['good1', 'revoked1']).select('store_hash', 'kind').orderBy(['store_hash', 'kind']);
    expect(jobs).toEqual([
      { store_hash: 'good1', kind: JOB.ordersReconcile },
      { store_hash: 'good1', kind: JOB.storeRefresh },
      { store_hash: 'good1', kind: JOB.webhooksReconcile },
    ]);
  });
});
