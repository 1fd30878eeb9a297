import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers.js';

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(() => t.close());

const job = (key: string | undefined, runAt: number, orderId = 1) => ({ storeHash: 's', kind: 'order.sync', payload: { orderId }, dedupeKey: key, runAt });

describe('enqueueMany (group commit)', () => {
  it('inserts many in one go; within the batch the first job of a key wins', async () => {
    const now = t.clock.now();
    const res = await t.db.transaction((trx) => t.queue.enqueueMany([job('a', now + 10, 1), job('b', now + 10, 2), job('a', now + 10, 3), job(undefined, now)], trx));
    expect(res).toEqual([{ deduped: false }, { deduped: false }, { deduped: true }, { deduped: false }]);
    const rows = await t.db('jobs').orderBy('id');
    expect(rows.map((r) => [r.dedupe_key, JSON.parse(r.payload).orderId])).toEqual([
      ['a', 1],
      ['b', 2],
      [null, 1],
    ]);
  });

  it('an earlier request pulls a pending twin forward; a later one never postpones it', async () => {
    const now = t.clock.now();
    await t.queue.enqueue(job('a', now + 5_000));
    await t.queue.enqueue(job('b', now + 100));
    const res = await t.db.transaction((trx) => t.queue.enqueueMany([job('a', now + 1_000), job('b', now + 1_000)], trx));
    expect(res).toEqual([{ deduped: true }, { deduped: true }]);
    const runAt = Object.fromEntries((await t.db('jobs').select('dedupe_key', 'run_at')).map((r) => [r.dedupe_key, Number(r.run_at)]));
    expect(runAt).toEqual({ a: now + 1_000, b: now + 100 });
  });

  it('rolls back with the caller', async () => {
    await expect(
      t.db.transaction(async (trx) => {
        await t.queue.enqueueMany([job('x', t.clock.now())], trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db('jobs')).toEqual([]);
  });
});
