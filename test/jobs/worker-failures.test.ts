import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimJobs, JobWorker, PermanentJobError, RetryableJobError, type JobEvents, type JobHandler, type JobRecord } from '../../server/jobs/index.js';
import { isPostgres } from '../../server/storage/postgres.js';
import { openTestDb, type TestDb } from './helpers.js';

// Failure semantics, driven by runUntilIdle with a frozen clock and a fixed random: every delay
// is exact, and nothing is due again until the test moves the clock.

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb({ maxAttempts: 3 });
});
afterEach(async () => {
  await t.close();
});

const backoff = { baseMs: 1_000, capMs: 10_000, floorMs: 10 };

function makeWorker(handlers: Record<string, JobHandler>, events?: JobEvents, random = () => 0.25) {
  return new JobWorker({ db: t.db, queue: t.queue, handlers, events, logger: t.logs.logger, clock: t.clock, backoff, random, leaseMs: 1_000 });
}

/** A trigger that fails every write of state `done`, in each dialect's syntax. */
async function refuseDone(on: boolean): Promise<void> {
  if (!isPostgres(t.db)) {
    await t.db.raw(
      on
        ? `CREATE TRIGGER refuse_done BEFORE UPDATE OF state ON jobs WHEN NEW.state = 'done'
           BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`
        : 'DROP TRIGGER refuse_done',
    );
    return;
  }
  if (!on) return void (await t.db.raw('DROP TRIGGER refuse_done ON jobs'));
  await t.db.raw(`CREATE FUNCTION refuse_done() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated write failure'; END $$`);
  await t.db.raw(`CREATE TRIGGER refuse_done BEFORE UPDATE OF state ON jobs FOR EACH ROW
    WHEN (NEW.state = 'done') EXECUTE FUNCTION refuse_done()`);
}

describe('JobWorker failure handling', () => {
  it('retries with full-jitter backoff, then goes dead after maxAttempts and calls onDead once', async () => {
    const onRetry = vi.fn<(job: JobRecord, err: Error, retryAt: number) => void>();
    const onDead = vi.fn<(job: JobRecord, err: Error) => void>();
    const handler = vi.fn<JobHandler>(async () => {
      throw new Error('backend 503');
    });
    const w = makeWorker({ forward: handler }, { onRetry, onDead });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'forward', payload: { orderId: 1 } });

    // attempt 1 → window [10, 1000], random 0.25 → 10 + 0.25·990
    let start = t.clock.now();
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 1, retried: 1, dead: 0 });
    let job = await t.queue.get(id);
    expect(job).toMatchObject({ state: 'pending', attempts: 1, lastError: 'Error: backend 503' });
    expect(job!.runAt).toBe(start + Math.round(10 + 0.25 * 990));
    expect(onRetry).toHaveBeenLastCalledWith(expect.objectContaining({ id, state: 'pending' }), expect.any(Error), job!.runAt);

    // not due yet: nothing runs
    t.clock.advance(job!.runAt - t.clock.now() - 1);
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 0 });

    // attempt 2 → window [10, 2000]
    t.clock.advance(1);
    start = t.clock.now();
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 1, retried: 1 });
    job = await t.queue.get(id);
    expect(job!.attempts).toBe(2);
    expect(job!.runAt).toBe(start + Math.round(10 + 0.25 * 1_990));

    // attempt 3 is the last
    t.clock.advance(2_000);
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await t.queue.get(id)).toMatchObject({ state: 'dead', attempts: 3, finishedAt: t.clock.now() });
    t.clock.advance(60_000);
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 0 });

    expect(handler).toHaveBeenCalledTimes(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(onDead.mock.calls[0]![0]).toMatchObject({ id, state: 'dead', attempts: 3 });
    expect(onDead.mock.calls[0]![1].message).toBe('backend 503');
  });

  it('a RetryableJobError with delayMs and countsAsAttempt:false (429) does not burn attempts', async () => {
    let calls = 0;
    const w = makeWorker({
      fetch: async () => {
        calls++;
        if (calls <= 5) throw new RetryableJobError('429 Too Many Requests', { delayMs: 3_000, countsAsAttempt: false });
      },
    });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'fetch' }); // maxAttempts 3 < 5 waits
    for (let i = 0; i < 5; i++) {
      const now = t.clock.now();
      expect(await w.runUntilIdle()).toMatchObject({ retried: 1 });
      expect(await t.queue.get(id)).toMatchObject({ state: 'pending', attempts: 0, runAt: now + 3_000 });
      t.clock.advance(3_000);
    }
    expect(await w.runUntilIdle()).toMatchObject({ done: 1 });
    expect(await t.queue.get(id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('a counted RetryableJobError uses its delayMs and spends the attempt', async () => {
    const w = makeWorker({ k: async () => Promise.reject(new RetryableJobError('later', { delayMs: 7_000 })) });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    await w.runUntilIdle();
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', attempts: 1, runAt: t.clock.now() + 7_000 });
  });

  it('PermanentJobError sends the job dead at once', async () => {
    const onDead = vi.fn();
    const w = makeWorker({ k: async () => Promise.reject(new PermanentJobError('order 9 not found')) }, { onDead });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k', maxAttempts: 8 });
    expect(await w.runUntilIdle()).toMatchObject({ dead: 1, retried: 0 });
    expect(await t.queue.get(id)).toMatchObject({ state: 'dead', attempts: 1, lastError: 'PermanentJobError: order 9 not found' });
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('an unknown kind goes dead with a clear error, and a throwing listener changes nothing', async () => {
    const onDead = vi.fn(() => {
      throw new Error('alerting down');
    });
    const w = makeWorker({ known: async () => {} }, { onDead });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'mystery' });
    const { id: ok } = await t.queue.enqueue({ storeHash: 's', kind: 'known' });
    expect(await w.runUntilIdle()).toMatchObject({ dead: 1, done: 1 });
    expect((await t.queue.get(id))!.lastError).toContain('No handler registered for job kind "mystery"');
    expect((await t.queue.get(ok))!.state).toBe('done');
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(t.logs.text()).toContain('job event listener onDead failed');
  });

  it('non-Error throws are retried and recorded', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a handler rejecting with a non-Error is what this test is about
    const w = makeWorker({ k: () => Promise.reject('plain string') });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    await w.runUntilIdle();
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', lastError: 'Error: plain string' });
  });

  it('takes over a job whose lease expired (its worker died) and runs it again', async () => {
    const seen: JobRecord[] = [];
    const w = makeWorker({ k: async (job) => void seen.push(job) });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k', payload: { n: 1 } });
    await claimJobs(t.db, { leaseOwner: 'crashed-worker#1', limit: 1, leaseMs: 1_000, now: t.clock.now() });

    t.clock.advance(1_000); // lease_expires_at == now: not yet expired
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 0 });
    t.clock.advance(1);
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 1, done: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, attempts: 2, payload: { n: 1 } });
    expect(await t.queue.get(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('a job whose lease expired on its last attempt goes dead without running again', async () => {
    const handler = vi.fn<JobHandler>(async () => {});
    const onDead = vi.fn();
    const w = makeWorker({ k: handler }, { onDead });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k', maxAttempts: 1 });
    await claimJobs(t.db, { leaseOwner: 'crashed#1', limit: 1, leaseMs: 1_000, now: t.clock.now() });
    t.clock.advance(1_001);
    expect(await w.runUntilIdle()).toMatchObject({ dead: 1 });
    expect(handler).not.toHaveBeenCalled();
    expect(onDead).toHaveBeenCalledTimes(1);
    expect((await t.queue.get(id))!.lastError).toContain('Lease expired during the last allowed attempt');
  });

  it('when the outcome cannot be written, the job stays leased and runs again after the lease', async () => {
    // Recording `done` fails (a trigger stands in for a disk or connection error); claiming works.
    await refuseDone(true);
    const handler = vi.fn<JobHandler>(async () => {});
    const w = makeWorker({ k: handler });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'k' });
    expect(await w.runUntilIdle()).toMatchObject({ error: 1, done: 0 });
    expect(t.logs.text()).toContain('could not record job outcome');
    expect(await t.queue.get(id)).toMatchObject({ state: 'running', attempts: 1 });

    await refuseDone(false);
    expect(await w.runUntilIdle()).toMatchObject({ claimed: 0 }); // still leased
    t.clock.advance(1_001); // leaseMs 1000
    expect(await w.runUntilIdle()).toMatchObject({ done: 1 });
    expect(await t.queue.get(id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('runUntilIdle gives up after its timeout instead of hanging', async () => {
    const w = makeWorker({ hang: (_job, { signal }) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())) });
    const { id } = await t.queue.enqueue({ storeHash: 's', kind: 'hang' });
    await expect(w.runUntilIdle({ timeoutMs: 100 })).rejects.toThrow(/still busy after 100 ms/);
    await w.stop({ graceMs: 0 });
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
