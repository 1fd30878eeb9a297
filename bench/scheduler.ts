// `npm run bench -- scheduler` (issue 10 point 4): the scheduler's cost with 1,000 installed
// stores, over one simulated hour at the app's 5 s tick (a fake clock: the hour takes seconds).
// Reports the database time per tick, the statements per tick, and the jobs queued per second
// over the interval (max against mean), against what the scheduler before issue 10 queued at
// once. SQLite (a file, as the app runs it) always; PostgreSQL too when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names one (a fresh schema, dropped afterwards; the URL is never printed).
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../server/config/env.js';
import { KnexJobQueue } from '../server/jobs/queue.js';
import { LogCapture } from '../test/helpers/log-capture.js';
import { DEFAULT_TICK_MS, periodicTasks, Scheduler } from '../server/scheduler/index.js';
import { migrateToLatest, openDatabase } from '../server/storage/db.js';
import { SettingsRepo } from '../server/storage/settings-repo.js';
import { StoresRepo } from '../server/storage/stores-repo.js';
import { TokenCipher } from '../server/storage/token-cipher.js';
import { isolatedDatabase } from './fixtures/isolated-database.js';

const STORES = 1_000;
const POLLING = 100; // stores in polling mode (read the warehouse's feed every 2 min)
const HOUR = 60 * 60_000;

export interface SchedulerBench {
  backend: 'sqlite' | 'postgres';
  stores: number;
  ticks: number;
  tickMs: { p50: number; p99: number; max: number; mean: number };
  statementsPerTick: { mean: number; max: number };
  jobsPerTick: { mean: number; max: number };
  jobsPerSecond: { mean: number; max: number };
  jobsInHour: number;
  /** The scheduler before issue 10: every store's job of a kind in one go. */
  before: { burstAtBoot: number; burstEvery5Min: number; enqueueBurstMs: number };
}

async function seed(db: Knex, now: number): Promise<void> {
  const cipher = new TokenCipher(randomBytes(32));
  const stores = new StoresRepo(db, cipher, { now: () => now });
  const settings = new SettingsRepo(db, cipher);
  const person = { id: 1, email: 'o@example.com' };
  for (let i = 0; i < STORES; i++) {
    const hash = `store${String(i).padStart(4, '0')}`;
    await db.transaction((trx) => stores.upsertInstalled({ hash, accessToken: `tok-${hash}`, scope: 's', accountUuid: 'a', owner: person, installer: person }, now, trx));
    await settings.get(hash, now);
  }
  const hashes = ((await db('stores').select('hash').orderBy('hash')) as Array<{ hash: string }>).map((r) => r.hash);
  const polling = hashes.slice(0, POLLING);
  await db('store_settings').whereIn('store_hash', polling).update({ sync_mode: 'poll' });
  // Refreshed at some point in the last hour (a running app), so the hourly refresh is due over the hour.
  let i = 0;
  for (const hash of hashes)
    await db('stores')
      .where({ hash })
      .update({ details_refreshed_at: now - ((i++ * 3_607) % HOUR) });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

async function benchOn(url: string, backend: SchedulerBench['backend']): Promise<SchedulerBench> {
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    let now = Date.UTC(2026, 10, 1);
    const clock = { now: () => now };
    await seed(db, now);
    const cipher = new TokenCipher(randomBytes(32));
    const sources = { db, config: { smtp: undefined } as unknown as Config, stores: new StoresRepo(db, cipher, { now: clock.now }) };
    const queue = new KnexJobQueue({ db, clock });
    const scheduler = new Scheduler(
      { db, clock, logger: new LogCapture('warn').logger, enqueueMany: (inputs, trx) => queue.enqueueMany(inputs, trx), tasks: periodicTasks(sources) },
      { owner: 'bench' },
    );
    let statements = 0;
    db.on('query', () => void (statements += 1));
    // The first start sets the watermarks (and queues the retention run), then one hour of ticks.
    await scheduler.tick();
    await db('jobs').update({ state: 'done' });
    const tickMs: number[] = [];
    const perTick: number[] = [];
    const stmts: number[] = [];
    for (let t = 0; t < HOUR / DEFAULT_TICK_MS; t++) {
      now += DEFAULT_TICK_MS;
      statements = 0;
      const started = performance.now();
      const r = await scheduler.tick();
      tickMs.push(performance.now() - started);
      stmts.push(statements);
      perTick.push(r.enqueued);
      // The worker's part, not measured: the jobs ran (a refresh records its time), so the next ones are new rows.
      const refreshed = db('jobs').where({ state: 'pending', kind: 'store.refresh' }).select('store_hash');
      await db('stores').whereIn('hash', refreshed).update({ details_refreshed_at: now });
      await db('jobs').where({ state: 'pending' }).update({ state: 'done' });
    }
    // Before issue 10: at boot and every 5 min, one enqueue per store, all at once.
    await db('jobs').delete();
    const started = performance.now();
    for (let i = 0; i < STORES; i++) await queue.enqueue({ storeHash: `store${String(i).padStart(4, '0')}`, kind: 'orders.reconcile', dedupeKey: `reconcile:x${i}` });
    const enqueueBurstMs = performance.now() - started;

    const sorted = [...tickMs].sort((a, b) => a - b);
    const total = perTick.reduce((a, b) => a + b, 0);
    return {
      backend,
      stores: STORES,
      ticks: perTick.length,
      tickMs: { p50: round(pct(sorted, 50)), p99: round(pct(sorted, 99)), max: round(sorted.at(-1) ?? 0), mean: round(tickMs.reduce((a, b) => a + b, 0) / tickMs.length) },
      statementsPerTick: { mean: round(stmts.reduce((a, b) => a + b, 0) / stmts.length), max: Math.max(...stmts) },
      jobsPerTick: { mean: round(total / perTick.length), max: Math.max(...perTick) },
      // Jobs are queued at the tick: per second, a tick's jobs over the tick's 5 s.
      jobsPerSecond: { mean: round(total / (HOUR / 1000)), max: round(Math.max(...perTick) / (DEFAULT_TICK_MS / 1000)) },
      jobsInHour: total,
      before: { burstAtBoot: 3 * STORES + 1, burstEvery5Min: STORES + POLLING, enqueueBurstMs: Math.round(enqueueBurstMs) },
    };
  } finally {
    await db.destroy();
  }
}

export async function benchScheduler(): Promise<SchedulerBench[]> {
  const out: SchedulerBench[] = [];
  const sqlite = await isolatedDatabase('sqlite::memory:'); // a temporary file
  try {
    out.push(await benchOn(sqlite.url, 'sqlite'));
  } finally {
    await sqlite.drop();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const pg = await isolatedDatabase(pgUrl);
    try {
      out.push(await benchOn(pg.url, 'postgres'));
    } finally {
      await pg.drop();
    }
  }
  return out;
}

export function printScheduler(results: SchedulerBench[]): void {
  for (const r of results) {
    console.log(`\nScheduler with ${r.stores.toLocaleString('en-US')} installed stores on ${r.backend} (one simulated hour, ${r.ticks} ticks of 5 s):`);
    console.log(`  DB time per tick  p50 ${r.tickMs.p50} ms, p99 ${r.tickMs.p99} ms, max ${r.tickMs.max} ms (mean ${r.tickMs.mean} ms)`);
    console.log(`  statements/tick   mean ${r.statementsPerTick.mean}, max ${r.statementsPerTick.max}`);
    console.log(
      `  jobs queued       ${r.jobsInHour} in the hour; per second mean ${r.jobsPerSecond.mean}, max ${r.jobsPerSecond.max} (per tick mean ${r.jobsPerTick.mean}, max ${r.jobsPerTick.max})`,
    );
    console.log(
      `  before issue 10   ${r.before.burstAtBoot} jobs at boot and ${r.before.burstEvery5Min} every 5 min in one go; 1,000 enqueues one by one took ${r.before.enqueueBurstMs} ms`,
    );
  }
}
