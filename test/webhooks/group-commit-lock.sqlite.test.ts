import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnexJobQueue } from '../../server/jobs/index.js';
import { DatabaseBusyError } from '../../server/storage/db-errors.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { GroupCommitter, type EventWrite } from '../../server/webhooks/group-commit.js';
import { LogCapture } from '../helpers/log-capture.js';
import { openLockHolder, type LockHolder } from '../helpers/lock-holder.js';

const BUDGET_MS = 200;
const ev = (hash: string, orderId: number): EventWrite => ({
  event: { storeHash: 's', source: 'bigcommerce', eventId: hash, topic: 'store/order/created', resourceId: String(orderId), payload: `{"hash":"${hash}"}` },
  job: { storeHash: 's', kind: 'order.sync', payload: { orderId }, dedupeKey: `order:s:${orderId}`, runAt: 5_000 },
});

for (const portableOnly of [false, true]) {
  describe(`group commit under another process's lock (${portableOnly ? 'portable Knex path' : 'SQLite fast path'})`, () => {
    let dir: string;
    let db: Db;
    let locker: LockHolder;
    let logs: LogCapture;
    let committer: GroupCommitter;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fb-gc-lock-'));
      const file = join(dir, 'app.sqlite');
      db = openDatabase(`sqlite:${file}`, { busyBudgetMs: BUDGET_MS });
      await migrateToLatest(db);
      logs = new LogCapture();
      const queue = new KnexJobQueue({ db, clock: { now: () => 1_000 }, defaultMaxAttempts: 7 });
      committer = new GroupCommitter({ db, events: new WebhookEventsRepo(db), queue, now: () => 1_000, logger: logs.logger, portableOnly });
      locker = openLockHolder(file);
    });
    afterEach(async () => {
      if (locker.inTransaction) locker.exec('ROLLBACK');
      locker.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    it('fails the whole batch within one lock budget instead of retrying each write on its own', async () => {
      locker.exec('BEGIN IMMEDIATE');
      const start = performance.now();
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => committer.submit(ev(`h${i}`, i))));
      const ms = performance.now() - start;
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
      expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseBusyError);
      // One budget for the batch; one by one it would have been six.
      expect(ms).toBeLessThan(BUDGET_MS * 2.5);
      expect(logs.text()).toContain('webhook batch failed: database unavailable');
      expect(logs.text()).not.toContain('one by one');

      locker.exec('ROLLBACK');
      await expect(committer.submit(ev('h1', 1))).resolves.toEqual({ duplicate: false });
      expect(await db('jobs').count({ n: '*' })).toEqual([{ n: 1 }]);
    });
  });
}
