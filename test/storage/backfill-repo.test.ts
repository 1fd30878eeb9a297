import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackfillRepo, BackfillRunningError } from '../../server/storage/backfill-repo.js';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';

// Issue 9 point 3: the backfill's state, cursor and counts (migrations/022_backfill.ts).

let db: Db;
let closeDb: () => Promise<void>;
let repo: BackfillRepo;
beforeEach(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  repo = new BackfillRepo(db);
});
afterEach(async () => closeDb());

const START = { storeHash: 's1', createdFrom: 1_000, createdTo: 2_000, statusId: 11, startedBy: 'owner@example.com' };

async function job(state: string): Promise<number> {
  const [row] = await db('jobs')
    .insert({ store_hash: 's1', kind: 'order.sync', payload: '{}', state, attempts: 0, max_attempts: 20, run_at: 0, created_at: 0, updated_at: 0 })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

describe('BackfillRepo', () => {
  it('one unfinished backfill per store, enforced by the database; another store is free', async () => {
    const b = await repo.create(START, 10);
    expect(b).toMatchObject({ state: 'running', listed: 0, cursor: null, runningSince: 10, total: null });
    await expect(repo.create(START, 11)).rejects.toBeInstanceOf(BackfillRunningError);
    await expect(repo.create({ ...START, storeHash: 's2' }, 11)).resolves.toMatchObject({ storeHash: 's2' });
    await repo.transition(b, ['running'], 'done', 20);
    await expect(repo.create(START, 21)).resolves.toMatchObject({ state: 'running' });
  });

  it('a page recorded twice (a step cut short) counts once; the cursor moves with it', async () => {
    const b = await repo.create(START, 10);
    const page = [
      { orderId: 1, jobId: await job('pending'), alreadySent: false },
      { orderId: 2, jobId: null, alreadySent: true },
    ];
    await repo.recordPage(b, page, { cursor: 2, listingDone: false }, 11);
    await repo.recordPage(b, page, { cursor: 2, listingDone: true }, 12);
    expect(await repo.get('s1', b.id)).toMatchObject({ listed: 2, queued: 1, alreadySent: 1, cursor: 2, pages: 2, listingDone: true });
  });

  it('counts queued orders by their job, then by the order’s state', async () => {
    const b = await repo.create(START, 10);
    const orders: Array<[number, string, string | null, string | null]> = [
      [1, 'pending', null, null], // not seen yet: on its way
      [2, 'running', 'queued', null],
      [3, 'done', 'sent', 'WH-3'],
      [4, 'done', 'needs_attention', null],
      [5, 'dead', 'failed', null],
      [6, 'done', 'waiting', null], // left the import status
      [7, 'done', null, null], // deleted in BigCommerce: never stored
    ];
    const listed = [];
    for (const [orderId, state, orderState, backendId] of orders) {
      listed.push({ orderId, jobId: await job(state), alreadySent: false });
      if (orderState) {
        await db('orders').insert({ store_hash: 's1', order_id: orderId, state: orderState, backend_order_id: backendId, customer: '', created_at: 0, updated_at: 0 });
      }
    }
    await repo.recordPage(b, listed, { cursor: 7, listingDone: true }, 11);
    expect(await repo.queuedCounts(b.id)).toEqual({ pending: 2, sent: 1, held: 2, skipped: 2 });
    expect(await repo.pendingJobIds(b.id)).toEqual([listed[0]!.jobId]);
  });

  it('moves only from the states named, and keeps the running time across a pause', async () => {
    const b = await repo.create(START, 1_000);
    expect(await repo.transition(b, ['paused'], 'running', 1_500)).toBeUndefined();
    expect(await repo.transition(b, ['running'], 'paused', 4_000)).toMatchObject({ state: 'paused', activeMs: 3_000, runningSince: null, finishedAt: null });
    expect(await repo.transition(b, ['paused'], 'running', 10_000)).toMatchObject({ state: 'running', activeMs: 3_000, runningSince: 10_000 });
    expect(await repo.transition(b, ['running', 'paused'], 'cancelled', 12_000)).toMatchObject({ state: 'cancelled', activeMs: 5_000, finishedAt: 12_000 });
    expect(await repo.unfinished('s1')).toBeUndefined();
    expect((await repo.current('s1'))?.id).toBe(b.id);
  });
});
