import { describe, expect, it } from 'vitest';
import { BusyRetry } from '../../server/storage/busy-retry.js';
import { DatabaseBusyError } from '../../server/storage/db-errors.js';
import { FakeClock } from '../helpers/harness.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A BusyRetry on a fake clock whose sleeps advance the clock at once. */
function setup(budgetMs = 1_000) {
  const clock = new FakeClock(0);
  const sleeps: number[] = [];
  const retry = new BusyRetry({
    budgetMs,
    now: () => clock.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  });
  return { clock, sleeps, retry };
}

/** An attempt that fails with SQLITE_BUSY while `locked()` says so. */
function lockedAttempt(locked: () => boolean) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fn: () => {
      calls++;
      if (locked()) throw busy();
      return 'done';
    },
  };
}

describe('BusyRetry (waiting out SQLITE_BUSY on timers)', () => {
  it('retries with a backoff until the lock goes away', async () => {
    const { clock, sleeps, retry } = setup();
    const a = lockedAttempt(() => clock.now() < 300);
    await expect(retry.run(a.fn)).resolves.toBe('done');
    expect(clock.now()).toBeGreaterThanOrEqual(300);
    expect(clock.now()).toBeLessThan(360); // backoff capped at 50 ms
    expect(sleeps.slice(0, 4)).toEqual([2, 4, 8, 16]);
    expect(Math.max(...sleeps)).toBe(50);
  });

  it('gives up with DatabaseBusyError (a 503) once the budget is spent', async () => {
    const { clock, retry } = setup(1_000);
    const err = await retry.run(lockedAttempt(() => true).fn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect((err as DatabaseBusyError).status).toBe(503);
    expect(clock.now()).toBe(1_000);
  });

  it('shares one budget per lock episode: statements queued behind a timed-out one fail at once', async () => {
    const { clock, retry } = setup(1_000);
    await expect(retry.run(lockedAttempt(() => true).fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    const second = lockedAttempt(() => true);
    const before = clock.now();
    await expect(retry.run(second.fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(clock.now()).toBe(before); // no second budget
    expect(second.calls).toBe(1);
  });

  it('starts a fresh budget after a write went through, or after a quiet period', async () => {
    const { clock, retry } = setup(1_000);
    let locked = true;
    await expect(retry.run(lockedAttempt(() => locked).fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    // The lock is released, a write goes through, the lock is re-taken: a full budget again.
    locked = false;
    clock.advance(10);
    await expect(retry.run(() => 'written', { write: true })).resolves.toBe('written');
    const releaseAt = clock.now() + 500;
    const next = lockedAttempt(() => clock.now() < releaseAt);
    await expect(retry.run(next.fn)).resolves.toBe('done');
    // A read under the lock proves nothing: the episode that timed out stays timed out...
    await expect(retry.run(lockedAttempt(() => true).fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(retry.run(() => 'read')).resolves.toBe('read');
    const after = lockedAttempt(() => true);
    await expect(retry.run(after.fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(after.calls).toBe(1);
    // ...until nothing has met the lock for longer than the budget: a new episode.
    clock.advance(1_001);
    const start = clock.now();
    await expect(retry.run(lockedAttempt(() => true).fn)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(clock.now() - start).toBe(1_000);
  });

  it('does not retry a stale snapshot, other errors, or when the caller says it cannot', async () => {
    const { retry } = setup();
    const snapshot = Object.assign(new Error('snapshot'), { code: 'SQLITE_BUSY_SNAPSHOT' });
    let calls = 0;
    await expect(
      retry.run(() => {
        calls++;
        throw snapshot;
      }),
    ).rejects.toBe(snapshot);
    const unique = Object.assign(new Error('unique'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(
      retry.run(() => {
        calls++;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(calls).toBe(2);
    const a = lockedAttempt(() => true);
    await expect(retry.run(a.fn, { canRetry: () => false })).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(a.calls).toBe(1);
  });
});
