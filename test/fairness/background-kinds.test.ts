import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimJobs, completeJob, JobWorker } from '../../server/jobs/index.js';
import { BACKGROUND_KINDS } from '../../server/flows/job-priority.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { LogCapture } from '../helpers/log-capture.js';
import { openTestDb, waitFor, type TestDb } from '../jobs/helpers.js';

// Issue 10 point 3: with 1,000 installed stores a scheduler run queues a job per store; store B's new
// order must not wait behind all of them (bench/fairness-scale.ts measured 130 s before this). Runs
// on SQLite (`unit`) and on PostgreSQL (`pg`).

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(async () => {
  await t.close();
});

const claim = (owner: string, limit: number, backgroundKinds: readonly string[] = BACKGROUND_KINDS) =>
  claimJobs(t.db, { leaseOwner: owner, limit, leaseMs: 30_000, now: t.clock.now(), backgroundKinds });

/** The scheduler's run: one reconciliation per idle store, all older than B's order. */
async function schedulerBurst(stores: number, runAt: number) {
  for (let i = 0; i < stores; i++) await t.queue.enqueue({ storeHash: `idle${i}`, kind: JOB.ordersReconcile, dedupeKey: `reconcile:idle${i}`, runAt });
}

describe('background kinds yield in the claim', () => {
  it("a store's new order goes before the other stores' older reconciliations", async () => {
    const now = t.clock.now();
    await schedulerBurst(30, now - 60_000);
    const order = await t.queue.enqueue({ storeHash: 'B', kind: JOB.orderSync, payload: { orderId: 1 } });
    expect((await claim('w#1', 1)).map((j) => j.id)).toEqual([order.id]);
  });

  it("and before its own store's older reconciliation, even with one free slot", async () => {
    const now = t.clock.now();
    await schedulerBurst(30, now - 60_000);
    await t.queue.enqueue({ storeHash: 'B', kind: JOB.ordersReconcile, dedupeKey: 'reconcile:B', runAt: now - 60_000 });
    await t.queue.enqueue({ storeHash: 'B', kind: JOB.webhooksReconcile, dedupeKey: 'hooks:B', runAt: now - 60_000 });
    const order = await t.queue.enqueue({ storeHash: 'B', kind: JOB.orderSync, payload: { orderId: 1 } });
    expect((await claim('w#1', 1)).map((j) => j.id)).toEqual([order.id]);
  });

  it('fairness still comes first: a store holding the workers does not pass another store’s background job', async () => {
    const now = t.clock.now();
    for (let i = 0; i < 10; i++) await t.queue.enqueue({ storeHash: 'A', kind: JOB.orderSync, payload: { orderId: i }, runAt: now - 120_000 });
    const running = await claim('w#1', 4);
    expect(running.every((j) => j.storeHash === 'A')).toBe(true);
    const reconcile = await t.queue.enqueue({ storeHash: 'C', kind: JOB.ordersReconcile, dedupeKey: 'reconcile:C', runAt: now - 1 });
    await completeJob(t.db, running[0]!, now);
    expect((await claim('w#2', 1)).map((j) => j.id)).toEqual([reconcile.id]);
  });

  it('without background kinds the claim keeps due-time order (the old behaviour, for contrast)', async () => {
    const now = t.clock.now();
    await schedulerBurst(3, now - 60_000);
    await t.queue.enqueue({ storeHash: 'B', kind: JOB.orderSync, payload: { orderId: 1 } });
    expect((await claim('w#1', 1, [])).map((j) => j.storeHash)).toEqual(['idle0']);
  });

  it('the worker passes its background kinds to the claim', async () => {
    const now = t.clock.now();
    await schedulerBurst(20, now - 60_000);
    const order = await t.queue.enqueue({ storeHash: 'B', kind: JOB.orderSync, payload: { orderId: 1 } });
    const ran: number[] = [];
    const handler = async (job: { id: number }) => void ran.push(job.id);
    const worker = new JobWorker({
      db: t.db,
      queue: t.queue,
      handlers: { [JOB.orderSync]: handler, [JOB.ordersReconcile]: handler },
      logger: new LogCapture().logger,
      clock: t.clock,
      concurrency: 1,
      pollMs: 10,
      backgroundKinds: BACKGROUND_KINDS,
    });
    worker.start();
    try {
      await waitFor(() => ran.length >= 1, 'the first job');
      expect(ran[0]).toBe(order.id);
    } finally {
      await worker.stop({ graceMs: 1_000 });
    }
  });
});

describe('the kinds that count as background', () => {
  it('are the periodic and housekeeping kinds; orders, events, status changes and the readiness scan are not', () => {
    const foreground = Object.values(JOB).filter((k) => !BACKGROUND_KINDS.includes(k));
    expect([...foreground].sort()).toEqual(
      [JOB.orderSync, JOB.orderSetStatus, JOB.orderShippedStatus, JOB.fulfillmentEvent, JOB.shipmentRetry, JOB.inventoryPush, JOB.readinessScan].sort(),
    );
    expect(BACKGROUND_KINDS.every((k) => (Object.values(JOB) as string[]).includes(k))).toBe(true);
  });
});
