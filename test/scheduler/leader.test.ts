// Issue 10 point 1: every instance runs a scheduler, exactly one (the lease holder) queues the
// periodic work; a killed leader is replaced within the lease time, and no slice of an interval
// is queued twice, even by a leader that lost its lease without knowing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { FakeClock } from '../jobs/helpers.js';
import { fakeTask, instance, jobsPerStore, LEASE_MS, runAll, storeHashes, TICK_MS } from './helpers.js';

const EVERY = 60_000;
const STORES = storeHashes(40);

let t: TestDatabase;
let clock: FakeClock;
beforeEach(async () => {
  t = await openTestDatabase();
  clock = new FakeClock();
});
afterEach(async () => {
  await t.close();
});

describe('scheduler leader lease', () => {
  it('two instances: only the lease holder queues; a killed leader is replaced within the lease time; every store runs once per interval', async () => {
    const tasks = [fakeTask('t.reconcile', EVERY, () => STORES)];
    const a = instance(t.db, clock, tasks, 'instance-a');
    const b = instance(t.db, clock, tasks, 'instance-b');
    const start = clock.now();
    expect((await a.scheduler.tick()).leader).toBe(true); // the watermarks start here
    expect((await b.scheduler.tick()).leader).toBe(false);

    // One interval with both ticking: A started first and holds the lease.
    for (let i = 0; i < EVERY / TICK_MS; i++) {
      clock.advance(TICK_MS);
      const ra = await a.scheduler.tick();
      const rb = await b.scheduler.tick();
      expect(ra.leader).toBe(true);
      expect(rb).toMatchObject({ leader: false, enqueued: 0 });
      await runAll(t.db);
    }
    const afterFirst = await jobsPerStore(t.db, 't.reconcile');
    expect([...afterFirst.keys()].sort()).toEqual(STORES);
    expect([...afterFirst.values()].every((runs) => runs.length === 1)).toBe(true);

    // A is killed (stops ticking, never gives the lease up); B takes over once the lease ran out.
    const lastRenewal = clock.now();
    let takenOverAt: number | undefined;
    while (clock.now() < start + 3 * EVERY) {
      clock.advance(TICK_MS);
      const rb = await b.scheduler.tick();
      if (rb.leader) takenOverAt ??= clock.now();
      else expect(clock.now()).toBeLessThan(lastRenewal + LEASE_MS);
      await runAll(t.db);
    }
    expect(takenOverAt).toBeDefined();
    expect(takenOverAt! - lastRenewal).toBeLessThanOrEqual(LEASE_MS + TICK_MS);

    // Three intervals in all: each store three times, the gap while nobody led caught up, none twice.
    const runs = await jobsPerStore(t.db, 't.reconcile');
    expect([...runs.values()].map((r) => r.length)).toEqual(STORES.map(() => 3));
    // A store keeps its phase: its runs are an interval apart (the catch-up after the gap aside).
    const steady = [...runs.values()].filter((r) => r[0]! - start > LEASE_MS + TICK_MS && r[0]! - start < EVERY - LEASE_MS - TICK_MS);
    expect(steady.length).toBeGreaterThan(0);
    for (const r of steady) expect(r[2]! - r[1]!).toBe(EVERY);
  });

  it('a leader that gave its lease up on stop is replaced at the next tick', async () => {
    const tasks = [fakeTask('t.hooks', EVERY, () => STORES)];
    const a = instance(t.db, clock, tasks, 'instance-a');
    const b = instance(t.db, clock, tasks, 'instance-b');
    expect((await a.scheduler.tick()).leader).toBe(true);
    expect((await b.scheduler.tick()).leader).toBe(false);
    await a.scheduler.stop();
    clock.advance(TICK_MS);
    expect((await b.scheduler.tick()).leader).toBe(true);
    expect(b.logs.text()).toContain('this instance now queues the periodic work');
  });

  it('a leader paused past its lease queues nothing when it wakes: the slice was queued by its successor', async () => {
    let pauseA: (() => Promise<void>) | undefined;
    const stores = async () => {
      // A has taken its lease and read the watermark; now it stalls (a long GC pause, a frozen VM)
      // while B takes over and queues the same slice of time.
      await pauseA?.();
      pauseA = undefined;
      return STORES;
    };
    const aTasks = [{ ...fakeTask('t.poll', EVERY, () => STORES), stores }];
    const bTasks = [fakeTask('t.poll', EVERY, () => STORES)];
    const a = instance(t.db, clock, aTasks, 'instance-a');
    const b = instance(t.db, clock, bTasks, 'instance-b');
    expect((await a.scheduler.tick()).leader).toBe(true); // sets the watermark
    await runAll(t.db);
    clock.advance(EVERY - TICK_MS);
    pauseA = async () => {
      clock.advance(LEASE_MS + TICK_MS);
      const rb = await b.scheduler.tick();
      expect(rb.leader).toBe(true);
      expect(rb.enqueued).toBe(STORES.length);
    };
    const ra = await a.scheduler.tick();
    expect(ra).toMatchObject({ leader: true, enqueued: 0, conflict: true });
    const runs = await jobsPerStore(t.db, 't.poll');
    expect([...runs.values()].every((r) => r.length === 1)).toBe(true);
    expect(runs.size).toBe(STORES.length);
    // And from then on A is no longer the leader.
    clock.advance(TICK_MS);
    expect((await a.scheduler.tick()).leader).toBe(false);
  });
});
