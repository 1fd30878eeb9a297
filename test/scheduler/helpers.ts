import type { Knex } from 'knex';
import { KnexJobQueue } from '../../server/jobs/queue.js';
import { Scheduler, type PeriodicTask, type SchedulerOptions } from '../../server/scheduler/index.js';
import { FakeClock } from '../jobs/helpers.js';
import { LogCapture } from '../helpers/log-capture.js';

export const TICK_MS = 5_000;
export const LEASE_MS = 20_000;

export const storeHashes = (n: number) => Array.from({ length: n }, (_, i) => `store${String(i).padStart(4, '0')}`);

/** A task over a fixed list of stores (jobs keyed per store, as the app's are). */
export function fakeTask(name: string, everyMs: number, stores: () => string[] | Promise<string[]>): PeriodicTask {
  return { name, everyMs, stores: async () => stores(), job: (storeHash) => ({ storeHash, kind: name, dedupeKey: `${name}:${storeHash}` }) };
}

/** One "instance": a scheduler with its own owner on the shared database and clock. */
export function instance(db: Knex, clock: FakeClock, tasks: PeriodicTask[], owner: string, opts: SchedulerOptions = {}) {
  const queue = new KnexJobQueue({ db, clock });
  const logs = new LogCapture();
  const scheduler = new Scheduler(
    { db, clock, logger: logs.logger, enqueueMany: (inputs, trx) => queue.enqueueMany(inputs, trx), tasks },
    { owner, tickMs: TICK_MS, leaseMs: LEASE_MS, ...opts },
  );
  return { scheduler, logs };
}

/** What a worker would do between ticks: the queued jobs run (so the next queueing is a new row). */
export async function runAll(db: Knex): Promise<void> {
  await db('jobs').where({ state: 'pending' }).update({ state: 'done' });
}

/** Jobs ever queued, per store, for one kind. */
export async function jobsPerStore(db: Knex, kind: string): Promise<Map<string, number[]>> {
  const rows = (await db('jobs').where({ kind }).select('store_hash', 'created_at').orderBy('id')) as Array<{ store_hash: string; created_at: number | string }>;
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.store_hash, [...(out.get(r.store_hash) ?? []), Number(r.created_at)]);
  return out;
}
