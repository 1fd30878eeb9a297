import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceQuotaWaitError, quotaWaitLimit } from '../../server/bigcommerce/index.js';
import { JOB_QUOTA_WAIT_MS, limitQuotaWaits, QuotaWaitNotice } from '../../server/flows/quota-wait.js';
import { JobWorker, type JobHandler } from '../../server/jobs/index.js';
import type { LogInput } from '../../server/storage/sync-log-repo.js';
import { openTestDb, type TestDb } from './helpers.js';

// Issue 7 point 4: a job that would wait on its store's quota gives its worker back (pending
// again at the window's reset, attempt not spent), other stores' jobs run meanwhile, and the wait
// is said once per store and window in the log and in Activity.

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb({ maxAttempts: 3 });
});
afterEach(async () => {
  await t.close();
});

const WINDOW_MS = 20_000;
const quotaWarnings = () => t.logs.lines.filter((l) => l.includes('store API quota used up') && l.includes('"level":40'));

function setup() {
  const activity: Array<LogInput & { at: number }> = [];
  const notice = new QuotaWaitNotice({ logger: t.logs.logger, clock: t.clock, syncLog: { append: async (e, at) => void activity.push({ ...e, at }) } });
  const limits: Array<number | undefined> = [];
  const ran: string[] = [];
  // Store A's quota is used up: its BigCommerce client refuses to wait (as the transport does
  // inside the job's wait limit); store B has quota left.
  const sync: JobHandler = async (job) => {
    limits.push(quotaWaitLimit());
    if (job.storeHash === 'A') {
      throw new BigCommerceQuotaWaitError('BigCommerce GET /v2/orders/1 not sent', {
        status: null,
        method: 'GET',
        path: '/v2/orders/1',
        storeHash: 'A',
        waitMs: WINDOW_MS,
        resumeAt: t.clock.now() + WINDOW_MS,
        reason: 'reserve',
      });
    }
    ran.push(job.storeHash);
  };
  const worker = new JobWorker({
    db: t.db,
    queue: t.queue,
    handlers: limitQuotaWaits({ sync }, { notice, queue: t.queue, logger: t.logs.logger }),
    logger: t.logs.logger,
    clock: t.clock,
    concurrency: 1,
    leaseMs: 60_000,
  });
  return { worker, activity, limits, ran };
}

describe('jobs waiting on a store quota', () => {
  it('go back to pending until the reset without spending an attempt, and free the worker for other stores', async () => {
    const { worker, ran, limits } = setup();
    const a1 = await t.queue.enqueue({ storeHash: 'A', kind: 'sync', runAt: t.clock.now() - 2 });
    const a2 = await t.queue.enqueue({ storeHash: 'A', kind: 'sync', runAt: t.clock.now() - 1 });
    const b = await t.queue.enqueue({ storeHash: 'B', kind: 'sync' });
    const start = t.clock.now();
    // One worker, frozen clock: had a job waited out A's window in the worker, this could not end.
    expect(await worker.runUntilIdle({ timeoutMs: 3_000 })).toMatchObject({ claimed: 2, retried: 1, done: 1, dead: 0 });
    expect(ran).toEqual(['B']);
    expect(limits).toEqual([JOB_QUOTA_WAIT_MS, JOB_QUOTA_WAIT_MS]);
    expect(await t.queue.get(a1.id)).toMatchObject({ state: 'pending', attempts: 0, runAt: start + WINDOW_MS, lastError: expect.stringContaining('quota') });
    // A's other job would hit the same wall: postponed to the reset without being claimed.
    expect(await t.queue.get(a2.id)).toMatchObject({ state: 'pending', attempts: 0, runAt: start + WINDOW_MS, lastError: null });
    expect(await t.queue.get(b.id)).toMatchObject({ state: 'done' });
    // Not due before the reset; due at it.
    t.clock.advance(WINDOW_MS - 1);
    expect(await worker.runUntilIdle()).toMatchObject({ claimed: 0 });
    t.clock.advance(1);
    // Due at the reset. A's quota is still spent in this fake, so the first one tried puts both off again.
    expect(await worker.runUntilIdle()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await t.queue.get(a2.id))!.runAt).toBe(start + 2 * WINDOW_MS);
  });

  it('never goes dead however many windows it waits', async () => {
    const { worker } = setup();
    const { id } = await t.queue.enqueue({ storeHash: 'A', kind: 'sync' });
    for (let i = 0; i < 5; i++) {
      await worker.runUntilIdle();
      t.clock.advance(WINDOW_MS);
    }
    expect(await t.queue.get(id)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('is said once per store and window, in the log and in Activity', async () => {
    const { worker, activity } = setup();
    for (let i = 0; i < 5; i++) await t.queue.enqueue({ storeHash: 'A', kind: 'sync' });
    await worker.runUntilIdle();
    expect(activity).toEqual([
      expect.objectContaining({ storeHash: 'A', flow: 'system', level: 'warn', message: expect.stringMatching(/quota used up.*20 s/), at: t.clock.now() }),
    ]);
    expect(quotaWarnings()).toHaveLength(1);
    // The next window: the jobs wait again, and that is a new warning.
    t.clock.advance(WINDOW_MS);
    await worker.runUntilIdle();
    expect(activity).toHaveLength(2);
    expect(quotaWarnings()).toHaveLength(2);
  });
});
