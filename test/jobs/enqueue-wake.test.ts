import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob, JOB } from '../../server/flows/job-catalogue.js';
import { defaultSleep, JobWorker, KnexJobQueue, type Sleep } from '../../server/jobs/index.js';
import { openTestDb, waitFor, type TestDb } from './helpers.js';

// Issue 10 point 5: an enqueue wakes the worker itself, and only once the job can be seen.

let t: TestDb;
let told: number;
let queue: KnexJobQueue;
beforeEach(async () => {
  t = await openTestDb();
  told = 0;
  queue = new KnexJobQueue({ db: t.db, clock: t.clock, onEnqueued: () => void told++ });
});
afterEach(() => t.close());

describe('onEnqueued', () => {
  it('is told after a plain enqueue, not for one merged into a pending job', async () => {
    await queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'k:1' });
    expect(told).toBe(1);
    await queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'k:1', runAt: t.clock.now() + 5_000 });
    expect(told).toBe(1);
    await queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'k:2', runAt: t.clock.now() + 5_000 });
    await queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'k:2' }); // pulled forward: due now
    expect(told).toBe(3);
  });

  it('inside a transaction: after the commit, never on rollback', async () => {
    let toldInside = -1;
    await t.db.transaction(async (trx) => {
      await queue.enqueue({ storeHash: 's', kind: 'k' }, trx);
      await queue.enqueueMany([{ storeHash: 's', kind: 'k' }], trx);
      toldInside = told;
    });
    expect(toldInside).toBe(0);
    await waitFor(() => told === 2, 'told after commit');
    await expect(
      t.db.transaction(async (trx) => {
        await queue.enqueue({ storeHash: 's', kind: 'k' }, trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // The rollback has settled: a later enqueue is the next one told.
    await queue.enqueue({ storeHash: 's', kind: 'k' });
    expect(told).toBe(3);
  });

  it('is told for a typed enqueue (the job catalogue) after its transaction commits, not before', async () => {
    let toldInside = -1;
    await t.db.transaction(async (trx) => {
      await enqueueJob(queue, JOB.inventoryPush, { storeHash: 's' }, trx);
      toldInside = told;
    });
    expect(toldInside).toBe(0);
    await waitFor(() => told === 1, 'told after commit');
    // Outside a transaction: at once. A request merged into the pending job (same key) tells nothing.
    await enqueueJob(queue, JOB.orderSync, { storeHash: 's', payload: { orderId: 1 } });
    await enqueueJob(queue, JOB.orderSync, { storeHash: 's', payload: { orderId: 1 } });
    expect(told).toBe(2);
  });

  it('is told when an operator revives a dead job (nothing enqueued, but a job is due now)', async () => {
    const { id } = await queue.enqueue({ storeHash: 's', kind: 'k' });
    await t.db('jobs').where({ id }).update({ state: 'dead' });
    expect(told).toBe(1);
    expect(await queue.retryDead('s', id)).toBe(true);
    expect(told).toBe(2);
    expect(await queue.retryDead('s', id)).toBe(false); // pending now: nothing revived
    expect(told).toBe(2);
  });

  it('wakes an idle worker at once', async () => {
    let naps = 0; // waits of a whole pollMs begun by the loop
    const sleep: Sleep = (ms, signal) => {
      if (ms === 60_000) naps++;
      return defaultSleep(ms, signal);
    };
    const w = new JobWorker({ db: t.db, queue, handlers: { k: async () => {} }, logger: t.logs.logger, clock: t.clock, pollMs: 60_000, sleep });
    queue.onEnqueued = () => w.wake();
    w.start();
    try {
      await waitFor(() => naps === 1, 'first poll found nothing; the worker now sleeps for a minute');
      const { id } = await queue.enqueue({ storeHash: 's', kind: 'k' });
      // pollMs is a minute: only the wake can get it done within the wait.
      await waitFor(async () => (await queue.get(id))?.state === 'done', 'job done', 10_000);
    } finally {
      await w.stop({ graceMs: 0 });
    }
  });
});
