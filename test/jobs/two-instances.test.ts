import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimJobs, JobWorker, KnexJobQueue, type JobHandler, type JobWorkerOptions } from '../../server/jobs/index.js';
import { openDatabase, type Db } from '../../server/storage/db.js';
import { JOB, SERIAL_PER_STORE } from '../../server/flows/job-catalogue.js';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { LogCapture } from '../helpers/log-capture.js';
import { delay, FakeClock, waitFor } from './helpers.js';

// Issue 10 points 1 and 3: several instances on one database. Each "instance" here has its own
// queue, worker and (on PostgreSQL) its own connection pool; SQLite in memory is one connection,
// so there the two share it. The clock is frozen, so no lease ever expires: a job run twice would
// be a double claim, never a takeover.

let database: TestDatabase;
let second: Db | undefined;
const clock = new FakeClock();
const logs = new LogCapture('warn');
const workers: JobWorker[] = [];

beforeEach(async () => {
  database = await openTestDatabase();
  second = onPostgres() ? openDatabase(database.url) : undefined;
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop({ graceMs: 0 });
  await second?.destroy();
  await database.close();
});

function instance(name: string, handlers: Record<string, JobHandler>, opts: Partial<JobWorkerOptions> = {}) {
  const db = name === 'A' || !second ? database.db : second;
  const queue = new KnexJobQueue({ db, clock, serialKeys: SERIAL_PER_STORE });
  const worker = new JobWorker({ db, queue, handlers, logger: logs.logger, clock, workerId: name, pollMs: 5, concurrency: 4, ...opts });
  workers.push(worker);
  return { db, queue, worker };
}

describe('two instances on one database', () => {
  it('concurrent claims from both take disjoint jobs', async () => {
    const a = instance('A', {});
    const b = instance('B', {});
    for (let i = 0; i < 200; i++) await a.queue.enqueue({ storeHash: `s${i % 7}`, kind: 'k' });
    const claim = (db: Db, n: number) => claimJobs(db, { leaseOwner: `c#${n}`, limit: 15, leaseMs: 30_000, now: clock.now() });
    const rounds = await Promise.all(Array.from({ length: 12 }, (_, n) => claim(n % 2 ? a.db : b.db, n)));
    const ids = rounds.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Whatever the races left pending is taken by later claims, and nothing twice.
    for (let n = 12; ids.length < 200 && n < 100; n++) ids.push(...(await claim(n % 2 ? a.db : b.db, n)).map((j) => j.id));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  });

  it('two workers racing over ~200 jobs run each exactly once, and keyed work one at a time', async () => {
    const runs = new Map<number, number>();
    const inFlightByKey = new Map<string, number>();
    let overlap = 0;
    const handler: JobHandler = async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      const key = job.dedupeKey;
      if (key) {
        const n = (inFlightByKey.get(key) ?? 0) + 1;
        inFlightByKey.set(key, n);
        if (n > 1) overlap++;
        // Enqueued while this one runs: allowed, but must wait for this one to finish.
        const { gen } = job.payload as { gen: number };
        if (gen === 0) await a.queue.enqueue({ storeHash: job.storeHash, kind: 'k', dedupeKey: key, payload: { gen: 1 } });
      }
      await delay(Math.floor(Math.random() * 3));
      if (key) inFlightByKey.set(key, inFlightByKey.get(key)! - 1);
    };
    const a = instance('A', { k: handler });
    const b = instance('B', { k: handler });
    for (let i = 0; i < 190; i++) await a.queue.enqueue({ storeHash: `s${i % 9}`, kind: 'k', payload: { gen: 0 } });
    for (let i = 0; i < 10; i++) await b.queue.enqueue({ storeHash: `s${i}`, kind: 'k', dedupeKey: `key:${i}`, payload: { gen: 0 } });
    a.worker.start();
    b.worker.start();
    await waitFor(async () => (await a.queue.counts()).done === 210, 'all 210 jobs done', 20_000);
    expect(runs.size).toBe(210);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(overlap).toBe(0);
    const stats = [a.worker.getStats(), b.worker.getStats()];
    expect(stats[0]!.claimed + stats[1]!.claimed).toBe(210);
    expect(stats.every((s) => s.lost === 0 && s.error === 0)).toBe(true);
    expect(await a.queue.counts()).toEqual({ pending: 0, running: 0, done: 210, dead: 0 });
  });
});

describe('per-store serial kinds (inventory writes, webhook reconciles)', () => {
  it('get the store key whatever the caller passed, and refuse another key', async () => {
    const { queue, db } = instance('A', {});
    const { id } = await queue.enqueue({ storeHash: 'S', kind: JOB.inventoryPush });
    expect((await db('jobs').where({ id }).first('dedupe_key')).dedupe_key).toBe('inventory:S');
    await queue.enqueueMany([{ storeHash: 'T', kind: JOB.webhooksReconcile }], db);
    expect((await db('jobs').where({ kind: JOB.webhooksReconcile }).first('dedupe_key')).dedupe_key).toBe('hooks:T');
    await expect(queue.enqueue({ storeHash: 'S', kind: JOB.inventoryPush, dedupeKey: 'other' })).rejects.toThrow(/one at a time per store under the key "inventory:S"/);
  });

  for (const kind of [JOB.inventoryPush, JOB.webhooksReconcile]) {
    it(`${kind}: two instances never run two of one store at once`, async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const started: string[] = [];
      const finished: string[] = [];
      let inFlightS = 0;
      let maxInFlightS = 0;
      const handler: JobHandler = async (job) => {
        const label = `${job.storeHash}:${(job.payload as { n: number }).n}`;
        started.push(label);
        if (job.storeHash === 'S') {
          maxInFlightS = Math.max(maxInFlightS, ++inFlightS);
          if (label === 'S:1') await gate;
          inFlightS--;
        }
        finished.push(label);
      };
      const a = instance('A', { [kind]: handler });
      const b = instance('B', { [kind]: handler });
      a.worker.start();
      b.worker.start();
      // No dedupe key from the callers: the serial kind brings its own.
      await a.queue.enqueue({ storeHash: 'S', kind, payload: { n: 1 } });
      await waitFor(() => started.includes('S:1'), 'first push of S running');
      const s2 = await b.queue.enqueue({ storeHash: 'S', kind, payload: { n: 2 } });
      expect(s2.deduped).toBe(false); // a running job does not absorb a new request
      await b.queue.enqueue({ storeHash: 'T', kind, payload: { n: 1 } });
      // T's job was claimed after S's second was stored: that claim saw it and left it alone.
      await waitFor(() => finished.includes('T:1'), 'the other store served');
      expect((await a.queue.get(s2.id))?.state).toBe('pending');
      expect(started).not.toContain('S:2');
      release();
      await waitFor(() => finished.includes('S:2'), 'second push of S after the first');
      expect(finished.indexOf('S:1')).toBeLessThan(started.indexOf('S:2'));
      expect(maxInFlightS).toBe(1);
    });
  }
});
