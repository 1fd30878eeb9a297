import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnexJobQueue } from '../../server/jobs/index.js';
import type { Db } from '../../server/storage/db.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { GroupCommitter, type EventWrite } from '../../server/webhooks/group-commit.js';
import { LogCapture } from '../helpers/log-capture.js';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const body = '{"scope":"store/order/created","hash":"h1","data":{"type":"order","id":1}}';
const ev: EventWrite = {
  event: { storeHash: 's', source: 'bigcommerce', eventId: 'h1', topic: 'store/order/created', resourceId: '1', payload: body },
  job: { storeHash: 's', kind: 'order.sync', payload: { orderId: 1 }, dedupeKey: 'order:s:1', runAt: 5_000 },
};

// BigCommerce redelivers an event until it is acknowledged, and may fire a hook twice: each
// redelivery keeps its row in the history, but the payload is stored once.
for (const portableOnly of onPostgres() ? [true] : [false, true]) {
  describe(`redeliveries (${portableOnly ? 'portable Knex path' : 'SQLite fast path'})`, () => {
    let database: TestDatabase;
    let db: Db;
    let events: WebhookEventsRepo;
    let committer: GroupCommitter;
    beforeEach(async () => {
      database = await openTestDatabase();
      db = database.db;
      events = new WebhookEventsRepo(db);
      const queue = new KnexJobQueue({ db, clock: { now: () => 1_000 }, defaultMaxAttempts: 7 });
      committer = new GroupCommitter({ db, events, queue, now: () => 1_000, logger: new LogCapture().logger, portableOnly });
    });
    afterEach(() => database.close());

    it('keep a duplicate row pointing to the original, without another copy of the payload', async () => {
      await committer.submit(ev);
      await Promise.all([committer.submit(ev), committer.submit(ev)]);
      await committer.submit(ev);
      const rows = await db('webhook_events').orderBy('id');
      expect(rows.map((r) => r.status)).toEqual(['received', 'duplicate', 'duplicate', 'duplicate']);
      expect(rows[0].payload).toBe(body);
      for (const dup of rows.slice(1)) {
        expect(dup.payload).toBe('');
        expect(dup.duplicate_of).toBe(rows[0].id);
      }
      // The history still shows what arrived for a duplicate: the original's payload.
      const detail = await events.get('s', rows[1].id);
      expect(detail).toMatchObject({ status: 'duplicate', payload: JSON.parse(body) });
    });
  });
}

describe('redeliveries through WebhookEventsRepo.record (the backend receiver)', () => {
  it('store the payload once', async () => {
    const database = await openTestDatabase();
    const { db } = database;
    const events = new WebhookEventsRepo(db);
    const e = { storeHash: 's', source: 'fulfillment' as const, eventId: 'evt_1', topic: 'shipment.created', resourceId: '1', payload: '{"id":"evt_1"}' };
    const first = await db.transaction((trx) => events.record(e, 1, trx));
    const again = await db.transaction((trx) => events.record(e, 2, trx));
    expect(again.duplicateOf).toBe(first.id);
    expect((await db('webhook_events').where({ id: again.id }).first()).payload).toBe('');
    expect((await events.get('s', again.id))?.payload).toEqual({ id: 'evt_1' });
    await database.close();
  });
});
