// Issue 10 point 2: with 1,000 installed stores, each interval's work is spread over the interval
// (a few jobs per tick, not 1,000 at once), and each store still runs once per interval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { FakeClock } from '../jobs/helpers.js';
import { fakeTask, instance, jobsPerStore, runAll, storeHashes, TICK_MS } from './helpers.js';

// Ticks of 10 s keep the test fast; the figures scale to the app's 5 s ticks (half as many jobs each).
const TICK = 2 * TICK_MS;

const FIVE_MIN = 5 * 60_000;
const TWO_MIN = 2 * 60_000;

let t: TestDatabase;
let clock: FakeClock;
beforeEach(async () => {
  t = await openTestDatabase();
  clock = new FakeClock();
});
afterEach(async () => {
  await t.close();
});

describe('scheduler spread', () => {
  it('1,000 stores: reconciliations (5 min) and polls (2 min) spread evenly over their interval, each store once per interval', async () => {
    const stores = storeHashes(1_000);
    const s = instance(t.db, clock, [fakeTask('t.reconcile', FIVE_MIN, () => stores), fakeTask('t.poll', TWO_MIN, () => stores)], 'solo', { tickMs: TICK });
    const start = clock.now();
    await s.scheduler.tick();
    const perTick: Array<{ reconcile: number; poll: number }> = [];
    for (let now = start + TICK; now <= start + 2 * FIVE_MIN; now += TICK) {
      clock.advance(TICK);
      const r = await s.scheduler.tick();
      perTick.push({ reconcile: r.byTask['t.reconcile'] ?? 0, poll: r.byTask['t.poll'] ?? 0 });
      await runAll(t.db);
    }
    // Before: 1,000 + 1,000 in one tick. Now: the mean per tick (33 and 83), never twice it.
    const reconcileMean = (1_000 * TICK) / FIVE_MIN;
    const pollMean = (1_000 * TICK) / TWO_MIN;
    expect(Math.max(...perTick.map((p) => p.reconcile))).toBeLessThanOrEqual(2 * reconcileMean);
    expect(Math.max(...perTick.map((p) => p.poll))).toBeLessThanOrEqual(2 * pollMean);
    // Evenly: no tick of the reconciliation is empty, the first minute carries about a fifth.
    expect(perTick.every((p) => p.reconcile > 0)).toBe(true);
    const firstMinute = perTick.slice(0, 60_000 / TICK).reduce((n, p) => n + p.reconcile, 0);
    expect(firstMinute).toBeGreaterThan(150);
    expect(firstMinute).toBeLessThan(250);

    // Ten minutes: every store reconciled twice, exactly five minutes apart; polled five times.
    const reconciles = await jobsPerStore(t.db, 't.reconcile');
    expect(reconciles.size).toBe(1_000);
    for (const runs of reconciles.values()) {
      expect(runs).toHaveLength(2);
      expect(runs[1]! - runs[0]!).toBe(FIVE_MIN);
    }
    const polls = await jobsPerStore(t.db, 't.poll');
    expect([...polls.values()].every((runs) => runs.length === 5)).toBe(true);
  });

  it('a store installed meanwhile joins at its phase; one that drops out (revoked, uninstalled) is no longer queued', async () => {
    let stores = storeHashes(10);
    const s = instance(t.db, clock, [fakeTask('t.reconcile', FIVE_MIN, () => stores)], 'solo', { tickMs: TICK });
    await s.scheduler.tick();
    clock.advance(FIVE_MIN);
    await s.scheduler.tick();
    await runAll(t.db);
    const joinedAt = clock.now();
    stores = [...stores.slice(1), 'newstore'];
    for (let i = 0; i < FIVE_MIN / TICK; i++) {
      clock.advance(TICK);
      await s.scheduler.tick();
      await runAll(t.db);
    }
    const runs = await jobsPerStore(t.db, 't.reconcile');
    expect(runs.get('store0000')).toHaveLength(1);
    expect(runs.get('newstore')).toHaveLength(1);
    expect(runs.get('newstore')![0]! - joinedAt).toBeLessThanOrEqual(FIVE_MIN);
    expect(runs.get('store0001')).toHaveLength(2);
  });

  it('after a stop longer than an interval every store is queued once, not once per missed interval (in chunks)', async () => {
    const stores = storeHashes(1_200);
    const s = instance(
      t.db,
      clock,
      [
        fakeTask('t.reconcile', FIVE_MIN, () => stores),
        fakeTask('t.hooks', FIVE_MIN, () => stores),
        fakeTask('t.poll', FIVE_MIN, () => stores),
        fakeTask('t.notify', FIVE_MIN, () => stores),
      ],
      'solo',
    );
    await s.scheduler.tick();
    clock.advance(5 * FIVE_MIN);
    // 4,800 jobs: in one statement they would need 38,400 parameters, more than SQLite allows.
    expect((await s.scheduler.tick()).enqueued).toBe(4_800);
    expect((await jobsPerStore(t.db, 't.poll')).size).toBe(1_200);
  });
});
