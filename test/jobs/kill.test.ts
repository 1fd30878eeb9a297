import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock.js';
import { JobWorker, KnexJobQueue } from '../../server/jobs/index.js';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { LogCapture } from '../helpers/log-capture.js';
import { appendingHandler, KILL_TEST } from './fixtures/kill-handler.js';
import { waitFor } from './helpers.js';

// A real crash: a child process runs a worker over a database two processes share (a SQLite file,
// or a PostgreSQL schema in the pg project) and is SIGKILLed while it holds leases. A second
// worker must finish every job: at-least-once, nothing lost.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const JOBS = 24;

let dir: string | undefined;
let child: ChildProcess | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = database = dir = undefined;
});

interface LogLine {
  event: 'start' | 'done';
  id: number;
  pid: number;
}

function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^(start|done) \d+ pid=\d+$/.test(l)) // a torn last line is ignored
    .map((l) => {
      const [event, id, pid] = l.split(/ pid=| /);
      return { event: event as LogLine['event'], id: Number(id), pid: Number(pid) };
    });
}

/** A database the child process can open too (SQLite in memory cannot be shared). */
async function sharedDatabase(file: string): Promise<TestDatabase> {
  if (onPostgres()) return openTestDatabase();
  const url = `sqlite:${file}`;
  const db = openDatabase(url);
  await migrateToLatest(db);
  return { db, url, close: () => db.destroy() };
}

describe('kill -9 of a worker process', () => {
  it('every job leased by the killed worker is taken over and finished', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jobs-kill-'));
    const dbFile = join(dir, 'jobs.sqlite');
    const logFile = join(dir, 'handler.log');
    database = await sharedDatabase(dbFile);
    const { db } = database;
    const queue = new KnexJobQueue({ db, clock: systemClock });
    const ids: number[] = [];
    for (let i = 0; i < JOBS; i++) ids.push((await queue.enqueue({ storeHash: 's', kind: KILL_TEST.kind, payload: { i } })).id);

    let stderr = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/fixtures/kill-worker.ts', database.url, logFile], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    const childPid = child.pid!;

    // Kill mid-run: some jobs finished, and some started but not finished.
    await waitFor(
      () => {
        if (child?.exitCode !== null) throw new Error(`child exited early (${child?.exitCode}): ${stderr}`);
        const log = readLog(logFile);
        const done = new Set(log.filter((l) => l.event === 'done').map((l) => l.id));
        return done.size >= KILL_TEST.concurrency && log.some((l) => l.event === 'start' && !done.has(l.id));
      },
      'child worker mid-run',
      10_000,
    );
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(child.signalCode).toBe('SIGKILL');

    const orphans: { id: number; lease_owner: string }[] = await db('jobs').where({ state: 'running' }).select('id', 'lease_owner');
    expect(orphans.length).toBeGreaterThan(0);
    for (const o of orphans) expect(o.lease_owner).toMatch(new RegExp(`^child-${childPid}#`));
    const doneByChild = (await queue.counts()).done;
    expect(doneByChild).toBeLessThan(JOBS);

    // A fresh worker in this process; it must wait out the dead worker's leases, then take over.
    const logs = new LogCapture('warn');
    const worker = new JobWorker({
      db,
      queue,
      handlers: { [KILL_TEST.kind]: appendingHandler(logFile, 10) },
      logger: logs.logger,
      clock: systemClock,
      concurrency: 4,
      pollMs: 20,
      // Its own leases: long enough that a loaded machine's event-loop stall never expires one
      // mid-job (which would make it a third attempt); the dead worker's leases are the child's.
      leaseMs: 2_000,
      workerId: 'survivor',
    });
    worker.start();
    try {
      await waitFor(async () => (await queue.counts()).done === JOBS, 'all jobs done after takeover', 10_000);
    } finally {
      await worker.stop({ graceMs: 1_000 });
    }

    expect(await queue.counts()).toEqual({ pending: 0, running: 0, done: JOBS, dead: 0 });
    const log = readLog(logFile);
    for (const id of ids) {
      expect(
        log.some((l) => l.event === 'done' && l.id === id),
        `job ${id} has a "done" line`,
      ).toBe(true);
    }
    expect(new Set(log.map((l) => l.id))).toEqual(new Set(ids)); // no phantom ids
    // The orphans ran again in this process, as a second attempt.
    for (const o of orphans) {
      expect(
        log.some((l) => l.event === 'done' && l.id === o.id && l.pid === process.pid),
        `orphan ${o.id} redone`,
      ).toBe(true);
      expect((await queue.get(o.id))!.attempts).toBe(2);
    }
    expect(worker.getStats()).toMatchObject({ lost: 0, error: 0, dead: 0 });
  });
});
