import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock.js';
import { defaultSleep, JobWorker, KnexJobQueue, type JobHandler, type JobWorkerOptions, type Sleep } from '../../server/jobs/index.js';
import { delay, openTestDb, waitFor, type TestDb } from './helpers.js';

// The polling loop in real time: wake-up latency, concurrency, heartbeat, graceful stop and
// survival of database errors.

let t: TestDb;
const workers: JobWorker[] = [];
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop({ graceMs: 0 });
  await t.close();
});

function startWorker(handlers: Record<string, JobHandler>, opts: Partial<JobWorkerOptions> = {}): JobWorker {
  const w = new JobWorker({ db: t.db, queue: t.queue, handlers, logger: t.logs.logger, clock: t.clock, ...opts });
  workers.push(w);
  w.start();
  return w;
}

const state = async (id: number) => (await t.queue.get(id))?.state;

describe('JobWorker loop', () => {
  it('wake() makes an idle worker poll at once instead of after pollMs', async () => {
    let naps = 0; // waits of a whole pollMs begun by the loop
    const sleep: Sleep = (ms, signal) => {
      if (ms === 60_000) naps++;
      return defaultSleep(ms, signal);
    };
    startWorker({ k: async () => {} }, { pollMs: 60_000, sleep });
    await waitFor(() => naps === 1, 'first poll found nothing; the loop now sleeps for a minute');
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    expect(await state(id)).toBe('pending');
    workers[0]!.wake();
    // Well within the minute: only the wake can have run it.
    await waitFor(async () => (await state(id)) === 'done', 'job done after wake()', 10_000);
  });

  it('never runs more than `concurrency` handlers at once, and keeps the slots full', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) ids.push((await t.queue.enqueue({ storeHash: 's', kind: 'k' })).id);
    const w = startWorker(
      {
        k: async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await delay(40);
          inFlight--;
        },
      },
      { concurrency: 3, pollMs: 5_000 },
    );
    // With pollMs 5 s, finishing all 9 quickly proves a freed slot triggers the next claim.
    await waitFor(async () => (await t.queue.counts()).done === 9, 'all 9 jobs done', 2_000);
    expect(maxInFlight).toBe(3);
    expect(w.getStats()).toMatchObject({ claimed: 9, done: 9 });
  });

  it('extends the lease of a long job so another worker does not take it over', async () => {
    const queue = new KnexJobQueue({ db: t.db, clock: systemClock });
    let runs = 0;
    const slow: JobHandler = async () => {
      runs++;
      await delay(700);
    };
    const { id } = await queue.enqueue({ storeHash: 's', kind: 'slow' });
    const a = startWorker({ slow }, { clock: systemClock, leaseMs: 200, pollMs: 20, workerId: 'A' });
    await waitFor(() => runs === 1, 'worker A started the job');
    const b = startWorker({ slow }, { clock: systemClock, leaseMs: 200, pollMs: 20, workerId: 'B' });
    await waitFor(async () => (await state(id)) === 'done', 'job done', 3_000);
    expect(runs).toBe(1);
    expect(await queue.get(id)).toMatchObject({ attempts: 1 });
    expect(a.getStats()).toMatchObject({ done: 1 });
    expect(b.getStats()).toMatchObject({ claimed: 0 });
  });

  it('graceful stop waits for short handlers, then aborts and releases the rest without spending an attempt', async () => {
    let signalAborted = false;
    const handlers: Record<string, JobHandler> = {
      quick: async () => delay(60),
      stuck: (_job, { signal }) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            signalAborted = true;
            resolve();
          }),
        ),
    };
    const quick = await t.queue.enqueue({ storeHash: 's', kind: 'quick' });
    const stuck = await t.queue.enqueue({ storeHash: 's', kind: 'stuck' });
    const w = startWorker(handlers, { pollMs: 10 });
    await waitFor(() => w.running === 2, 'both jobs running');
    // Arrives once stop() has begun (no claim starts after that): must stay pending.
    const stopped = w.stop({ graceMs: 200 });
    await t.queue.enqueue({ storeHash: 's', kind: 'quick' });
    await stopped;
    expect(await state(quick.id)).toBe('done');
    expect(signalAborted).toBe(true);
    expect(await t.queue.get(stuck.id)).toMatchObject({ state: 'pending', attempts: 0, leaseOwner: null });
    expect((await t.queue.counts()).pending).toBe(2);
    await waitFor(() => w.getStats().released === 1, 'released run settled');
  });

  it('logs database errors in the loop and carries on once the database is back', async () => {
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    await t.db.raw('ALTER TABLE jobs RENAME TO jobs_away');
    startWorker({ k: async () => {} }, { pollMs: 10, errorPauseMs: 20 });
    await waitFor(() => t.logs.text().includes('job claim failed'), 'claim error logged');
    await t.db.raw('ALTER TABLE jobs_away RENAME TO jobs');
    await waitFor(async () => (await state(id)) === 'done', 'job done after recovery');
  });

  it('a handler that throws synchronously does not stop the loop', async () => {
    const first = await t.queue.enqueue({ storeHash: 's', kind: 'bad' });
    startWorker(
      {
        bad: () => {
          throw new Error('sync throw');
        },
        good: async () => {},
      },
      { pollMs: 10 },
    );
    await waitFor(async () => (await state(first.id)) === 'pending' && (await t.queue.get(first.id))!.attempts === 1, 'bad job retried');
    const second = await t.queue.enqueue({ storeHash: 's', kind: 'good' });
    await waitFor(async () => (await state(second.id)) === 'done', 'next job still runs');
  });

  it('purges old done jobs on its housekeeping schedule', async () => {
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    const w = new JobWorker({ db: t.db, queue: t.queue, handlers: { k: async () => {} }, logger: t.logs.logger, clock: t.clock });
    await w.runUntilIdle();
    t.clock.advance(2_000);
    startWorker({ k: async () => {} }, { retentionMs: 1_000, pollMs: 10 });
    await waitFor(async () => (await t.queue.get(id)) === undefined, 'done job purged');
  });
});
