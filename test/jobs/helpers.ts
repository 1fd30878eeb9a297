import type { Knex } from 'knex';
import { openTestDatabase } from '../helpers/test-database.js';
import { KnexJobQueue } from '../../server/jobs/index.js';
import { LogCapture } from '../helpers/log-capture.js';

/** A clock that only moves when told to, so run_at and lease expiry are deterministic. */
export class FakeClock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestDb {
  db: Knex;
  clock: FakeClock;
  queue: KnexJobQueue;
  logs: LogCapture;
  /** Ends the connection (and drops the PostgreSQL schema). */
  close(): Promise<void>;
}

export async function openTestDb(opts: { maxAttempts?: number } = {}): Promise<TestDb> {
  const { db, close } = await openTestDatabase();
  const clock = new FakeClock();
  const queue = new KnexJobQueue({ db, clock, defaultMaxAttempts: opts.maxAttempts ?? 3 });
  return { db, clock, queue, logs: new LogCapture('debug'), close };
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `cond` until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await delay(10);
  }
}

export async function jobRow(db: Knex, id: number): Promise<Record<string, unknown>> {
  const row = (await db('jobs').where({ id }).first()) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`no job ${id}`);
  return row;
}
