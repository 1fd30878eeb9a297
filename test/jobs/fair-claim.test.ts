import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimJobs, completeJob, JobWorker, type JobHandler } from '../../server/jobs/index.js';
import { delay, openTestDb, waitFor, type TestDb } from './helpers.js';

// Issue 7 points 4 and 9: the claim serves stores fairly (one store's backlog does not stall the
// others) and never runs two jobs of one dedupe key at once.

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(async () => {
  await t.close();
});

const claim = (owner: string, limit: number) => claimJobs(t.db, { leaseOwner: owner, limit, leaseMs: 30_000, now: t.clock.now() });

async function backlog(storeHash: string, n: number, runAt: number) {
  for (let i = 0; i < n; i++) await t.queue.enqueue({ storeHash, kind: 'k', runAt });
}

describe('fair claim across stores', () => {
  it('a store with an older backlog does not get every slot: each store offers its oldest due job', async () => {
    const now = t.clock.now();
    await backlog('A', 20, now - 60_000); // A's 20 jobs are all older than B's
    const b = await t.queue.enqueue({ storeHash: 'B', kind: 'k', runAt: now - 1 });
    const c = await t.queue.enqueue({ storeHash: 'C', kind: 'k', runAt: now });
    const got = await claim('w#1', 4);
    expect(got.map((j) => j.storeHash).sort()).toEqual(['A', 'A', 'B', 'C']);
    expect(got.map((j) => j.id)).toEqual(expect.arrayContaining([b.id, c.id]));
  });

  it('a freed slot goes to the store with the fewest running jobs, even when its job is younger', async () => {
    const now = t.clock.now();
    await backlog('A', 20, now - 60_000);
    const running = await claim('w#1', 4); // four workers busy with A
    expect(running.every((j) => j.storeHash === 'A')).toBe(true);
    const b = await t.queue.enqueue({ storeHash: 'B', kind: 'k' });
    await completeJob(t.db, running[0]!, now);
    // One slot free (limit 1): A has 3 running and older jobs, B none running.
    expect((await claim('w#2', 1)).map((j) => j.id)).toEqual([b.id]);
    // With B served, the next slot goes back to A.
    expect((await claim('w#3', 1)).map((j) => j.storeHash)).toEqual(['A']);
  });

  it('a single store still fills every free slot in one claim, oldest first', async () => {
    const now = t.clock.now();
    for (let i = 0; i < 6; i++) await t.queue.enqueue({ storeHash: 'A', kind: 'k', runAt: now - 10 + i });
    const got = await claim('w#1', 4);
    expect(got.map((j) => j.runAt)).toEqual([now - 10, now - 9, now - 8, now - 7]);
  });

  it('takes over an expired lease before the store’s pending jobs', async () => {
    await t.queue.enqueue({ storeHash: 'A', kind: 'k' });
    const [first] = await claim('dead#1', 1);
    await backlog('A', 3, t.clock.now());
    t.clock.advance(30_001);
    const got = await claim('w#1', 1);
    expect(got).toMatchObject([{ id: first!.id, attempts: 2, leaseOwner: 'w#1' }]);
  });
});

describe('serial execution per dedupe key', () => {
  it('a pending job waits while a job with its dedupe key runs, and is claimed once that one is done', async () => {
    const first = await t.queue.enqueue({ storeHash: 'A', kind: 'hooks', dedupeKey: 'hooks:A' });
    const [running] = await claim('w#1', 4);
    expect(running!.id).toBe(first.id);
    // Enqueued while the first runs (the /load after /auth): allowed, it may have newer data ...
    const second = await t.queue.enqueue({ storeHash: 'A', kind: 'hooks', dedupeKey: 'hooks:A' });
    const other = await t.queue.enqueue({ storeHash: 'A', kind: 'k' });
    expect(second.deduped).toBe(false);
    // ... but it is not claimed while the first runs; other work is.
    expect((await claim('w#2', 4)).map((j) => j.id)).toEqual([other.id]);
    await completeJob(t.db, running!, t.clock.now());
    expect((await claim('w#3', 4)).map((j) => j.id)).toEqual([second.id]);
  });

  it('the database refuses a second running job with the same key (the guarantee does not rest on the claim alone)', async () => {
    await t.queue.enqueue({ storeHash: 'A', kind: 'hooks', dedupeKey: 'hooks:A' });
    await claim('w#1', 1);
    const { id } = await t.queue.enqueue({ storeHash: 'A', kind: 'hooks', dedupeKey: 'hooks:A' });
    await expect(t.db('jobs').where({ id }).update({ state: 'running' })).rejects.toThrow(/unique/i);
  });

  it('two workers never run two reconciliations of one store at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let runs = 0;
    const hooks: JobHandler = async () => {
      inFlight++;
      runs++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delay(60);
      inFlight--;
    };
    const workers = ['A', 'B'].map(
      (id) => new JobWorker({ db: t.db, queue: t.queue, handlers: { hooks }, logger: t.logs.logger, clock: t.clock, workerId: id, pollMs: 5, concurrency: 4 }),
    );
    workers.forEach((w) => w.start());
    try {
      // The install race: /auth queues one, /load queues another while the first runs.
      await t.queue.enqueue({ storeHash: 'S', kind: 'hooks', dedupeKey: 'hooks:S' });
      await waitFor(() => runs === 1, 'first reconciliation started');
      await t.queue.enqueue({ storeHash: 'S', kind: 'hooks', dedupeKey: 'hooks:S' });
      await waitFor(async () => (await t.queue.counts('S')).done === 2, 'both reconciliations done', 3_000);
      expect(runs).toBe(2);
      expect(maxInFlight).toBe(1);
    } finally {
      for (const w of workers) await w.stop({ graceMs: 0 });
    }
  });
});
