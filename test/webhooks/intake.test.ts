import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnexJobQueue } from '../../server/jobs/index.js';
import type { NewEvent } from '../../server/storage/webhook-events-repo.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { recordEventsWithJobs, requeueStoredEvents, type EventWrite, type IntakeDeps } from '../../server/webhooks/intake.js';
import { JOB, SERIAL_PER_STORE } from '../../server/flows/job-catalogue.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

// Issue 10 point 5: one intake path for "event + job" (receivers and replay), on both dialects.

let database: TestDatabase;
let d: IntakeDeps;
beforeEach(async () => {
  database = await openTestDatabase();
  const { db } = database;
  d = { events: new WebhookEventsRepo(db), queue: new KnexJobQueue({ db, clock: { now: () => 1_000 }, serialKeys: SERIAL_PER_STORE }) };
});
afterEach(() => database.close());

const warehouseEvent = (storeHash: string, eventId = 'evt_1', topic = 'shipment.created'): NewEvent => ({
  storeHash,
  source: 'fulfillment',
  eventId,
  topic,
  resourceId: '7',
  payload: `{"id":"${eventId}"}`,
});
const eventJob =
  (storeHash: string): EventWrite['job'] =>
  (eventRowId) => ({ storeHash, kind: JOB.fulfillmentEvent, payload: { eventRowId } });
const record = (writes: EventWrite[]) => database.db.transaction((trx) => recordEventsWithJobs(d, trx, writes, 2_000));
const jobsOf = async () => (await database.db('jobs').orderBy('id')).map((j) => [j.store_hash, JSON.parse(j.payload)]);

describe('recordEventsWithJobs', () => {
  it('stores one copy per store, each with a job naming its own row; a redelivery queues nothing', async () => {
    const first = await record(['s1', 's2'].map((h) => ({ event: warehouseEvent(h), job: eventJob(h) })));
    expect(first.map((r) => r.duplicate)).toEqual([false, false]);
    expect(await jobsOf()).toEqual([
      ['s1', { eventRowId: first[0]!.id }],
      ['s2', { eventRowId: first[1]!.id }],
    ]);
    const again = await record(['s1', 's2'].map((h) => ({ event: warehouseEvent(h), job: eventJob(h) })));
    expect(again.map((r) => r.duplicate)).toEqual([true, true]);
    expect(await database.db('jobs').count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('keeps the order of the results whatever order the rows are written in', async () => {
    const writes = ['z', 'a', 'm'].map((id) => ({ event: warehouseEvent('s', id), job: eventJob('s') }));
    const out = await record(writes);
    const rows = await database
      .db('webhook_events')
      .whereIn(
        'id',
        out.map((r) => r.id),
      )
      .select('id', 'event_id');
    const byId = new Map(rows.map((r) => [Number(r.id), r.event_id]));
    expect(out.map((r) => byId.get(r.id))).toEqual(['z', 'a', 'm']);
  });

  it('an ignored event is settled at once with its reason, and queues nothing', async () => {
    const [r] = await record([{ event: warehouseEvent('s', 'evt_9', 'mystery.thing'), statusWithoutJob: 'ignored', ignoredReason: 'Unknown event type "mystery.thing"' }]);
    expect(await database.db('webhook_events').where({ id: r!.id }).first('status', 'error', 'processed_at')).toEqual({
      status: 'ignored',
      error: 'Unknown event type "mystery.thing"',
      processed_at: 2_000,
    });
    expect(await database.db('jobs').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('rolls back with the caller: no event without its job', async () => {
    await expect(
      database.db.transaction(async (trx) => {
        await recordEventsWithJobs(d, trx, [{ event: warehouseEvent('s'), job: eventJob('s') }], 2_000);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await database.db('webhook_events').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await database.db('jobs').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

describe('requeueStoredEvents (replay)', () => {
  it('sets a processed event back to received and queues its job; a gone event or a redelivery queues nothing', async () => {
    const [orig, dup] = await record([
      { event: warehouseEvent('s'), job: eventJob('s') },
      { event: warehouseEvent('s'), job: eventJob('s') },
    ]);
    await database.db('webhook_events').where({ id: orig!.id }).update({ status: 'processed', processed_at: 3_000 });
    await database.db('jobs').delete();
    const job = { storeHash: 's', kind: JOB.fulfillmentEvent, payload: { eventRowId: orig!.id } };
    const queued = await database.db.transaction((trx) =>
      requeueStoredEvents(d, trx, [
        { storeHash: 's', id: orig!.id, job },
        { storeHash: 's', id: dup!.id, job },
        { storeHash: 's', id: 999_999, job },
        { storeHash: 'other', id: orig!.id, job },
      ]),
    );
    expect(queued).toEqual([orig!.id]);
    expect(await database.db('webhook_events').where({ id: orig!.id }).first('status')).toEqual({ status: 'received' });
    expect(await jobsOf()).toEqual([['s', { eventRowId: orig!.id }]]);
  });
});
