import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnexJobQueue, type EnqueueInput } from '../../server/jobs/index.js';
import { openDatabase, type Db } from '../../server/storage/db.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { GroupCommitter, type EventWrite } from '../../server/webhooks/group-commit.js';
import { LogCapture } from '../helpers/log-capture.js';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const ev = (hash: string, orderId: number, scope = 'store/order/created'): EventWrite & { job: EnqueueInput } => ({
  event: { storeHash: 's', source: 'bigcommerce', eventId: hash, topic: scope, resourceId: String(orderId), payload: `{"hash":"${hash}"}` },
  job: { storeHash: 's', kind: 'order.sync', payload: { orderId }, dedupeKey: `order:s:${orderId}`, runAt: 5_000 },
});

const committerOn = (db: Db, portableOnly: boolean) =>
  new GroupCommitter({
    db,
    events: new WebhookEventsRepo(db),
    queue: new KnexJobQueue({ db, clock: { now: () => 1_000 }, defaultMaxAttempts: 7 }),
    now: () => 1_000,
    logger: new LogCapture().logger,
    portableOnly,
  });

// The same behaviour from the SQLite fast path and the portable Knex path (PostgreSQL's, which is
// the only path in the pg project).
for (const portableOnly of onPostgres() ? [true] : [false, true]) {
  describe(`group commit (${portableOnly ? 'portable Knex path' : 'SQLite fast path'})`, () => {
    let database: TestDatabase;
    let db: Db;
    let committer: GroupCommitter;
    beforeEach(async () => {
      database = await openTestDatabase();
      db = database.db;
      committer = committerOn(db, portableOnly);
    });
    afterEach(() => database.close());

    it('writes concurrent submissions in one batch: events, one job per order, duplicates kept', async () => {
      const results = await Promise.all([
        committer.submit(ev('h1', 1)),
        committer.submit(ev('h2', 1, 'store/order/statusUpdated')),
        committer.submit(ev('h1', 1)),
        committer.submit(ev('h3', 2)),
        committer.submit({
          event: { storeHash: 's', source: 'bigcommerce', eventId: 'h4', topic: 'store/product/updated', resourceId: '9', payload: '{}' },
          statusWithoutJob: 'ignored',
        }),
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
      await committer.submit({ ...ev('b', 3), job: { ...ev('b', 3).job, runAt: 2_000 } });
      const jobs = await db('jobs');
      expect(jobs).toHaveLength(1);
      expect(Number(jobs[0].run_at)).toBe(2_000);
    });

    it('a job that names the stored row gets its id; an ignored event keeps its reason', async () => {
      const [stored, ignored] = await Promise.all([
        committer.submit({
          event: { ...ev('w1', 4).event, source: 'fulfillment', topic: 'shipment.created' },
          job: (eventRowId) => ({ storeHash: 's', kind: 'fulfillment.event', payload: { eventRowId } }),
        }),
        committer.submit({ event: { ...ev('w2', 5).event, source: 'fulfillment', topic: 'mystery' }, statusWithoutJob: 'ignored', ignoredReason: 'Unknown event type "mystery"' }),
      ]);
      expect([stored.duplicate, ignored.duplicate]).toEqual([false, false]);
      const row = await db('webhook_events').where({ event_id: 'w1' }).first('id');
      const job = await db('jobs').first('payload');
      expect(JSON.parse(job.payload)).toEqual({ eventRowId: Number(row.id) });
      expect(await db('webhook_events').where({ event_id: 'w2' }).first('status', 'error')).toEqual({ status: 'ignored', error: 'Unknown event type "mystery"' });
    });
  });
}

describe('group commit with several instances on one database', () => {
  let database: TestDatabase;
  const others: Db[] = [];
  beforeEach(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    for (const db of others.splice(0)) await db.destroy();
    await database.close();
  });

  // SQLite in memory is one connection; PostgreSQL gets a second pool, as a second instance has.
  const secondInstance = (): Db => {
    if (!onPostgres()) return database.db;
    const db = openDatabase(database.url);
    others.push(db);
    return db;
  };

  it('a batch is a handful of statements, not one per event', async () => {
    const committer = committerOn(database.db, true);
    let statements = 0;
    const count = () => void statements++;
    database.db.on('query', count);
    try {
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => committer.submit(ev(`h${i}`, i % 30))));
      expect(results.every((r) => !r.duplicate)).toBe(true);
    } finally {
      database.db.off('query', count);
    }
    // BEGIN, events, jobs, the pull-forward of the keys already pending, COMMIT (a few more if
    // the batch was split by the timing of the submissions).
    expect(statements).toBeLessThanOrEqual(12);
    expect(await database.db('jobs').count({ n: '*' })).toEqual([{ n: 30 }]);
  });

  it('two instances committing the same deliveries in opposite orders both succeed, each event stored once', async () => {
    const a = committerOn(database.db, true);
    const b = committerOn(secondInstance(), true);
    const writes = Array.from({ length: 80 }, (_, i) => ev(`h${i}`, i % 40));
    for (let round = 0; round < 3; round++) {
      const fresh = writes.map((w) => ({ ...w, event: { ...w.event, eventId: `${w.event.eventId}-${round}` } }));
      const results = await Promise.all([...fresh.map((w) => a.submit(w)), ...[...fresh].reverse().map((w) => b.submit(w))]);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(fresh.length);
    }
    const firsts = await database.db('webhook_events').whereNot({ status: 'duplicate' }).count({ n: '*' });
    expect(firsts).toEqual([{ n: 240 }]);
    expect(await database.db('jobs').where({ state: 'pending' }).count({ n: '*' })).toEqual([{ n: 40 }]);
  });
});
