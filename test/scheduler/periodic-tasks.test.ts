// The app's periodic work as scheduler tasks (issue 10 point 2, and issue 7 point 8 as before):
// usable stores only (a revoked token is skipped), polling only for stores in polling mode, the
// store refresh only when an hour old, notifications only with SMTP, retention once at the first start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler, periodicTasks } from '../../server/scheduler/index.js';
import type { Collaborators } from '../../server/collaborators.js';
import { buildServices } from '../../server/services.js';
import { NotificationSettingsRepo } from '../../server/storage/notification-settings-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { testConfig } from '../helpers/config.js';
import { LogCapture } from '../helpers/log-capture.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { FakeClock } from '../jobs/helpers.js';
import { runAll } from './helpers.js';

const MIN = 60_000;
const TICK = 5_000;

let t: TestDatabase;
let clock: FakeClock;
let s: Collaborators;
beforeEach(async () => {
  t = await openTestDatabase();
  clock = new FakeClock();
  s = buildServices({ config: testConfig(), db: t.db, logger: new LogCapture().logger, clock, clientDir: '/nonexistent' });
});
afterEach(async () => {
  await t.close();
});

async function install(hash: string) {
  const person = { id: 1, email: 'o@example.com' };
  await t.db.transaction((trx) => s.stores.upsertInstalled({ hash, accessToken: `tok-${hash}`, scope: 's', accountUuid: 'a', owner: person, installer: person }, clock.now(), trx));
  await s.settings.get(hash, clock.now());
}

describe('periodic tasks', () => {
  it('queue each kind for the stores it concerns, at each store’s phase', async () => {
    for (const hash of ['good1', 'poll1', 'revoked1', 'gone1']) await install(hash);
    await t.db('store_settings').whereIn('store_hash', ['poll1', 'revoked1']).update({ sync_mode: 'poll' });
    expect(await s.stores.markNeedsReauth('revoked1', 'tok-revoked1', clock.now())).toBe(true);
    await t.db.transaction((trx) => s.stores.markUninstalled('gone1', clock.now(), trx));
    await s.stores.saveRefresh('good1', { error: null }, clock.now()); // refreshed just now: not due for an hour
    s.config.smtp = { url: 'smtp://127.0.0.1:9', from: 'fb@sandbox.test' };
    for (const hash of ['good1', 'revoked1'])
      await new NotificationSettingsRepo(t.db).save(hash, { enabled: true, recipients: ['ops@example.com'], kinds: ['token_invalid'] }, clock.now());

    const every = { ordersEveryMs: 2 * MIN, webhooksEveryMs: 4 * MIN, pollEveryMs: MIN, storeRefreshCheckEveryMs: 2 * MIN, notifyEveryMs: MIN, retentionEveryMs: 4 * MIN };
    const scheduler = new Scheduler(
      {
        db: t.db,
        clock,
        logger: new LogCapture().logger,
        enqueueMany: (inputs, trx) => s.jobs.queue.enqueueMany(inputs, trx),
        tasks: periodicTasks(s, every),
      },
      { tickMs: TICK, owner: 'solo' },
    );
    await scheduler.tick();
    await runAll(t.db);
    for (let i = 0; i < (4 * MIN) / TICK; i++) {
      clock.advance(TICK);
      await scheduler.tick();
      await runAll(t.db);
    }

    const rows = (await t.db('jobs').select('store_hash', 'kind').count({ n: '*' }).groupBy('store_hash', 'kind').orderBy(['store_hash', 'kind'])) as Array<{
      store_hash: string;
      kind: string;
      n: number | string;
    }>;
    expect(rows.map((r) => `${r.store_hash} ${r.kind} ×${Number(r.n)}`)).toEqual([
      `_system ${JOB.retention} ×2`, // at the first start, then once in 4 minutes
      `good1 ${JOB.notify} ×4`,
      `good1 ${JOB.ordersReconcile} ×2`,
      `good1 ${JOB.webhooksReconcile} ×1`,
      `poll1 ${JOB.fulfillmentPoll} ×4`,
      `poll1 ${JOB.ordersReconcile} ×2`,
      `poll1 ${JOB.storeRefresh} ×2`, // never refreshed (its jobs did not really run): due at each check
      `poll1 ${JOB.webhooksReconcile} ×1`,
      `revoked1 ${JOB.notify} ×4`, // its e-mail says to reinstall
    ]);
  });
});
