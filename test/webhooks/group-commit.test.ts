import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnexJobQueue } from '../../server/jobs/index.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { GroupCommitter, type EventWrite } from '../../server/webhooks/group-commit.js';
import { LogCapture } from '../helpers/log-capture.js';

const ev = (hash: string, orderId: number, scope = 'store/order/created'): EventWrite => ({
  event: { storeHash: 's', source: 'bigcommerce', eventId: hash, topic: scope, resourceId: String(orderId), payload: `{"hash":"${hash}"}` },
  job: { storeHash: 's', kind: 'order.sync', payload: { orderId }, dedupeKey: `order:s:${orderId}`, runAt: 5_000 },
});

// The same behaviour from the SQLite fast path and the portable Knex path (PostgreSQL's).
for (const portableOnly of [false, true]) {
  describe(`group commit (${portableOnly ? 'portable Knex path' : 'SQLite fast path'})`, () => {
    let db: Db;
    let committer: GroupCommitter;
    beforeEach(async () => {
      db = openDatabase('sqlite::memory:');
      await migrateToLatest(db);
      const queue = new KnexJobQueue({ db, clock: { now: () => 1_000 }, defaultMaxAttempts: 7 });
      committer = new GroupCommitter({ db, events: new WebhookEventsRepo(db), queue, now: () => 1_000, logger: new LogCapture().logger, portableOnly });
    });
    afterEach(() => db.destroy());

    it('writes concurrent submissions in one batch: events, one job per order, duplicates kept', async () => {
      const results = await Promise.all([
        committer.submit(ev('h1', 1)),
        committer.submit(ev('h2', 1, 'store/order/statusUpdated')),
        committer.submit(ev('h1', 1)),
        committer.submit(ev('h3', 2)),
        committer.submit({ event: { storeHash: 's', source: 'bigcommerce', eventId: 'h4', topic: 'store/product/updated', resourceId: '9', payload: '{}' }, statusWithoutJob: 'ignored' }),
      ]);
      expect(results.map((r) => r.duplicate)).toEqual([false, false, true, false, false]);
      // Row order may differ between the paths; the rows may not.
      const events = await db('webhook_events').orderBy([{ column: 'event_id' }, { column: 'status', order: 'desc' }]);
      expect(events.map((e) => [e.event_id, e.status, e.dedupe_key])).toEqual([
        ['h1', 'received', 'h1'],
        ['h1', 'duplicate', null],
        ['h2', 'received', 'h2'],
        ['h3', 'received', 'h3'],
        ['h4', 'ignored', 'h4'],
      ]);
      expect(events[1].duplicate_of).toBe(events[0].id);
      const jobs = await db('jobs').orderBy('id');
      expect(jobs.map((j) => [j.dedupe_key, JSON.parse(j.payload).orderId, Number(j.max_attempts), Number(j.run_at)])).toEqual([
        ['order:s:1', 1, 7, 5_000],
        ['order:s:2', 2, 7, 5_000],
      ]);
    });

    it('a later event for an order with a pending job adds no job but pulls an earlier run forward', async () => {
      await committer.submit(ev('a', 3));
      await committer.submit({ ...ev('b', 3), job: { ...ev('b', 3).job!, runAt: 2_000 } });
      const jobs = await db('jobs');
      expect(jobs).toHaveLength(1);
      expect(Number(jobs[0].run_at)).toBe(2_000);
    });
  });
}
