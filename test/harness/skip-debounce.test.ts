import { afterEach, describe, expect, it } from 'vitest';
import { KnexJobQueue } from '../../server/jobs/queue.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { ORDER_SYNC_DEBOUNCE_MS } from '../../server/webhooks/topics.js';
import { skipDebounce } from '../helpers/import-harness.js';

let db: Db | undefined;
afterEach(async () => db?.destroy());

describe('the end-to-end harness skips the order-sync debounce', () => {
  it('brings a first, debounced order sync forward and wakes the worker; a retry keeps its backoff', async () => {
    db = openDatabase('sqlite::memory:');
    await migrateToLatest(db);
    const queue = new KnexJobQueue({ db, clock: { now: () => Date.now() } });
    const now = Date.now();
    await queue.enqueue({ storeHash: 's', kind: JOB.orderSync, payload: { orderId: 1 }, dedupeKey: 'order:s:1', runAt: now + ORDER_SYNC_DEBOUNCE_MS });
    await queue.enqueue({ storeHash: 's', kind: JOB.orderSync, payload: { orderId: 2 }, dedupeKey: 'order:s:2', runAt: now + ORDER_SYNC_DEBOUNCE_MS });
    await db('jobs').where({ dedupe_key: 'order:s:2' }).update({ attempts: 1 }); // a retry after a failure
    const woken = new Promise<void>((resolve) => {
      const hurry = skipDebounce(db!, () => void hurry.stop().then(resolve), 1);
    });
    await woken;
    const runAt = async (key: string) => Number((await db!('jobs').where({ dedupe_key: key }).first('run_at')).run_at);
    expect(await runAt('order:s:1')).toBeLessThan(now + ORDER_SYNC_DEBOUNCE_MS);
    expect(await runAt('order:s:2')).toBe(now + ORDER_SYNC_DEBOUNCE_MS);
  });
});
