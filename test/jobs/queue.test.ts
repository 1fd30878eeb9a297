import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimJobs, completeJob, failJob, releaseJob, DEFAULT_BACKOFF } from '../../server/jobs/index.js';
import { jobRow, openTestDb, type TestDb } from './helpers.js';

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(async () => {
  await t.close();
});

const claim = (owner: string, limit = 10, leaseMs = 1_000) => claimJobs(t.db, { leaseOwner: owner, limit, leaseMs, now: t.clock.now() });
const policy = () => ({ now: t.clock.now(), backoff: DEFAULT_BACKOFF, random: () => 0.5 });

describe('KnexJobQueue: enqueue, claim, complete', () => {
  it('stores a pending job with its JSON payload, leases it, and completes it', async () => {
    const { id, deduped } = await t.queue.enqueue({ storeHash: 'abc', kind: 'order.import', payload: { orderId: 7 } });
    expect(deduped).toBe(false);
    const pending = await t.queue.get(id);
    expect(pending).toMatchObject({ storeHash: 'abc', kind: 'order.import', payload: { orderId: 7 }, state: 'pending', attempts: 0, maxAttempts: 3, runAt: t.clock.now() });

    const [job, ...rest] = await claim('w1#1', 10, 5_000);
    expect(rest).toHaveLength(0);
    expect(job).toMatchObject({ id, state: 'running', attempts: 1, leaseOwner: 'w1#1', leaseExpiresAt: t.clock.now() + 5_000 });
    expect(await claim('w2#1')).toHaveLength(0); // leased: nobody else gets it

    t.clock.advance(10);
    expect(await completeJob(t.db, job!, t.clock.now())).toBe(true);
    expect(await t.queue.get(id)).toMatchObject({ state: 'done', finishedAt: t.clock.now(), leaseOwner: null });
    expect(await t.queue.counts()).toEqual({ pending: 0, running: 0, done: 1, dead: 0 });
  });

  it('claims only due jobs, oldest run_at first, up to the limit', async () => {
    const now = t.clock.now();
    const late = await t.queue.enqueue({ storeHash: 's', kind: 'k', runAt: now - 1 });
    const early = await t.queue.enqueue({ storeHash: 's', kind: 'k', runAt: now - 100 });
    const future = await t.queue.enqueue({ storeHash: 's', kind: 'k', runAt: now + 1_000 });
    const same = await t.queue.enqueue({ storeHash: 's', kind: 'k', runAt: now - 1 });
    expect((await claim('a#1', 2)).map((j) => j.id)).toEqual([early.id, late.id]);
    expect((await claim('a#2', 10)).map((j) => j.id)).toEqual([same.id]);
    t.clock.advance(1_000);
    expect((await claim('a#3', 10)).map((j) => j.id)).toEqual([future.id]);
  });

  it('rejects completion by a run whose lease passed to another worker (fencing)', async () => {
    await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    const [first] = await claim('old#1', 1, 1_000);
    t.clock.advance(1_001);
    const [second] = await claim('new#1', 1, 1_000);
    expect(second).toMatchObject({ id: first!.id, attempts: 2, leaseOwner: 'new#1' });
    expect(await completeJob(t.db, first!, t.clock.now())).toBe(false);
    expect(await failJob(t.db, first!, new Error('x'), policy())).toEqual({ kind: 'lost' });
    expect((await jobRow(t.db, first!.id)).state).toBe('running');
    expect(await completeJob(t.db, second!, t.clock.now())).toBe(true);
  });
});

describe('KnexJobQueue: dedupe', () => {
  it('returns the pending job for the same key; runAt is pulled earlier, never postponed', async () => {
    const now = t.clock.now();
    const a = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'order:s:1', payload: 1, runAt: now + 5_000 });
    const later = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'order:s:1', payload: 2, runAt: now + 60_000 });
    expect(later).toEqual({ id: a.id, deduped: true });
    expect(await t.queue.get(a.id)).toMatchObject({ runAt: now + 5_000, payload: 1 });
    const earlier = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'order:s:1', payload: 3, runAt: now + 1_000 });
    expect(earlier).toEqual({ id: a.id, deduped: true });
    expect(await t.queue.get(a.id)).toMatchObject({ runAt: now + 1_000, payload: 1 });
    expect((await t.queue.counts()).pending).toBe(1);
    const other = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'order:s:2' });
    expect(other.deduped).toBe(false);
  });

  it('allows a new job while the first one with the key is running', async () => {
    const a = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    await claim('w#1');
    const b = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    expect(b.deduped).toBe(false);
    expect(b.id).not.toBe(a.id);
    expect(await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' })).toEqual({ id: b.id, deduped: true });
  });

  it('a failed run whose key is now held by a newer pending job is superseded, not re-queued', async () => {
    const a = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    const [run] = await claim('w#1');
    const b = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    const out = await failJob(t.db, run!, new Error('backend 503'), policy());
    expect(out).toMatchObject({ kind: 'superseded', byId: b.id });
    expect(await t.queue.get(a.id)).toMatchObject({ state: 'done', lastError: expect.stringContaining(`superseded by pending job #${b.id}`) });
    expect(await t.queue.get(b.id)).toMatchObject({ state: 'pending' });
  });

  it('releases a job back to pending and gives the attempt back', async () => {
    const a = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    const [run] = await claim('w#1');
    expect(await releaseJob(t.db, run!, t.clock.now())).toBe('released');
    expect(await t.queue.get(a.id)).toMatchObject({ state: 'pending', attempts: 0, leaseOwner: null, dedupeKey: 'key' });
  });
});

describe('KnexJobQueue: transactions and admin operations', () => {
  it('enqueues inside the caller transaction: rollback leaves no job, commit keeps it', async () => {
    await expect(
      t.db.transaction(async (trx) => {
        await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'evt-1' }, trx);
        expect(await trx('jobs').count({ n: '*' }).first()).toEqual({ n: 1 });
        throw new Error('event insert failed');
      }),
    ).rejects.toThrow('event insert failed');
    expect(await t.queue.counts()).toEqual({ pending: 0, running: 0, done: 0, dead: 0 });

    const id = await t.db.transaction(async (trx) => (await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'evt-1' }, trx)).id);
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', dedupeKey: 'evt-1' });
  });

  it('retryDead revives only a dead job of that store, with a fresh budget', async () => {
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k', maxAttempts: 1 });
    expect(await t.queue.retryDead('s', id)).toBe(false); // not dead
    const [run] = await claim('w#1');
    await failJob(t.db, run!, new Error('boom'), policy());
    expect(await t.queue.get(id)).toMatchObject({ state: 'dead', attempts: 1, lastError: 'Error: boom' });
    expect(await t.queue.retryDead('other-store', id)).toBe(false);
    t.clock.advance(5);
    expect(await t.queue.retryDead('s', id)).toBe(true);
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', attempts: 0, runAt: t.clock.now(), finishedAt: null });
  });

  it('retryDead drops the dedupe key when a pending job already holds it', async () => {
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k', maxAttempts: 1, dedupeKey: 'key' });
    const [run] = await claim('w#1');
    await failJob(t.db, run!, new Error('boom'), policy());
    const twin = await t.queue.enqueue({ storeHash: 's', kind: 'k', dedupeKey: 'key' });
    expect(await t.queue.retryDead('s', id)).toBe(true);
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', dedupeKey: null });
    expect(await t.queue.get(twin.id)).toMatchObject({ state: 'pending', dedupeKey: 'key' });
  });

  it('counts per store, cancels pending jobs of one store, purges old done jobs', async () => {
    await t.queue.enqueue({ storeHash: 'a', kind: 'k' });
    await t.queue.enqueue({ storeHash: 'a', kind: 'k', runAt: t.clock.now() + 10_000 });
    await t.queue.enqueue({ storeHash: 'b', kind: 'k' });
    const [run] = await claim('w#1', 1);
    expect(await t.queue.counts('a')).toEqual({ pending: 1, running: 1, done: 0, dead: 0 });
    expect(await t.queue.counts('b')).toEqual({ pending: 1, running: 0, done: 0, dead: 0 });
    expect(await t.queue.cancelPending('a')).toBe(1);
    expect(await t.queue.counts()).toEqual({ pending: 1, running: 1, done: 0, dead: 0 });

    await completeJob(t.db, run!, t.clock.now());
    t.clock.advance(1_000);
    expect(await t.queue.purgeFinished(1_000)).toBe(0); // exactly at the retention: kept
    t.clock.advance(1);
    expect(await t.queue.purgeFinished(1_000)).toBe(1);
    expect(await t.queue.get(run!.id)).toBeUndefined();
  });

  it('rejects invalid input', async () => {
    await expect(t.queue.enqueue({ storeHash: 's', kind: '' })).rejects.toThrow(/kind/);
    await expect(t.queue.enqueue({ storeHash: 's', kind: 'k', maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
  });
});
