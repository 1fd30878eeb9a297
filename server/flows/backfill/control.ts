// Starting, pausing, resuming and cancelling a backfill (the routes' side; the job is
// run-backfill.ts). Each change is a guarded state transition, so two clicks, or a click racing
// the job, settle once.
//
// Pausing holds the order syncs the run already queued (their run_at moves to the far future)
// rather than deleting them: a webhook or the reconciliation asking for one of those orders
// meanwhile pulls its job forward (enqueue keeps the earlier run_at), so nothing asked for by
// anyone else waits for the resume. Cancelling drops the ones still held.
import type { Knex } from 'knex';
import { AppError } from '../../errors.js';
import type { Collaborators } from '../../collaborators.js';
import { BackfillRepo, BackfillRunningError, type BackfillRow } from '../../storage/backfill-repo.js';
import { JOB } from '../job-catalogue.js';
import { queueBackfillStep } from './run-backfill.js';

/** A run_at no clock reaches: the job stays pending but is never due (the largest Date). */
export const HELD_RUN_AT = 8_640_000_000_000_000;

export type ControlDeps = Pick<Collaborators, 'db' | 'clock' | 'jobs' | 'settings' | 'syncLog' | 'orders'>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function rangeWords(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'all orders waiting in the import status';
  if (from !== null && to !== null) return `orders created ${day(from)} to ${day(to)}`;
  return from !== null ? `orders created since ${day(from)}` : `orders created until ${day(to!)}`;
}

export async function startBackfill(s: ControlDeps, storeHash: string, range: { from: number | null; to: number | null }, who: string | null): Promise<BackfillRow> {
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  let b: BackfillRow;
  try {
    b = await new BackfillRepo(s.db).create({ storeHash, createdFrom: range.from, createdTo: range.to, statusId: settings.importStatusId, startedBy: who }, now);
  } catch (err) {
    if (err instanceof BackfillRunningError) {
      const what = err.existing?.state === 'paused' ? 'is paused' : 'is still running';
      throw new AppError(409, 'backfill_running', `An import of waiting orders ${what}. Resume or cancel it before starting another one.`);
    }
    throw err;
  }
  await queueBackfillStep(s, storeHash, b.id);
  await s.syncLog.append({ storeHash, flow: 'reconcile', message: `Import of waiting orders started: ${rangeWords(range.from, range.to)}${who ? ` (by ${who})` : ''}.` }, now);
  return b;
}

async function unfinishedOr409(repo: BackfillRepo, storeHash: string, verb: string): Promise<BackfillRow> {
  const b = await repo.unfinished(storeHash);
  if (!b) throw new AppError(409, 'no_backfill', `There is no import of waiting orders to ${verb}.`);
  return b;
}

const notNow = (verb: string, b: BackfillRow) =>
  new AppError(409, 'backfill_state', `The import of waiting orders cannot be ${verb}: it is ${b.state === 'running' ? 'running' : b.state}.`);

export async function pauseBackfill(s: ControlDeps, storeHash: string): Promise<BackfillRow> {
  const repo = new BackfillRepo(s.db);
  const b = await unfinishedOr409(repo, storeHash, 'pause');
  const now = s.clock.now();
  const paused = await repo.transition(b, ['running'], 'paused', now);
  if (!paused) throw notNow('paused', b);
  await holdJobs(s.db, await repo.pendingJobIds(b.id), now);
  return paused;
}

export async function resumeBackfill(s: ControlDeps, storeHash: string): Promise<BackfillRow> {
  const repo = new BackfillRepo(s.db);
  const b = await unfinishedOr409(repo, storeHash, 'resume');
  const now = s.clock.now();
  const running = await repo.transition(b, ['paused'], 'running', now);
  if (!running) throw notNow('resumed', b);
  await releaseJobs(s.db, await repo.pendingJobIds(b.id), now);
  await queueBackfillStep(s, storeHash, b.id);
  return running;
}

export async function cancelBackfill(s: ControlDeps, storeHash: string): Promise<BackfillRow> {
  const repo = new BackfillRepo(s.db);
  const b = await unfinishedOr409(repo, storeHash, 'cancel');
  const now = s.clock.now();
  const cancelled = await repo.transition(b, ['running', 'paused'], 'cancelled', now);
  if (!cancelled) throw notNow('cancelled', b);
  const pending = await repo.pendingJobIds(b.id);
  await holdJobs(s.db, pending, now);
  const dropped = await dropHeldJobs(s.db, pending);
  const orderIds = await repo.forgetJobs(b.id, dropped);
  // Orders the run had marked "queued" are waiting again (the reconciliation or a later import takes them).
  for (const orderId of orderIds) {
    const o = await s.orders.get(storeHash, orderId);
    if (o?.state === 'queued') await s.orders.setState(storeHash, orderId, { state: 'waiting' }, now);
  }
  return cancelled;
}

const inChunks = async (ids: number[], fn: (chunk: number[]) => Promise<unknown>) => {
  for (let i = 0; i < ids.length; i += 500) await fn(ids.slice(i, i + 500));
};

async function holdJobs(db: Knex, ids: number[], now: number): Promise<void> {
  await inChunks(ids, (chunk) => db('jobs').whereIn('id', chunk).where({ state: 'pending', kind: JOB.orderSync }).update({ run_at: HELD_RUN_AT, updated_at: now }));
}

async function releaseJobs(db: Knex, ids: number[], now: number): Promise<void> {
  await inChunks(ids, (chunk) => db('jobs').whereIn('id', chunk).where({ state: 'pending', kind: JOB.orderSync, run_at: HELD_RUN_AT }).update({ run_at: now, updated_at: now }));
}

/** Deletes the jobs still held (one pulled forward by someone else's request stays). */
async function dropHeldJobs(db: Knex, ids: number[]): Promise<number[]> {
  const dropped: number[] = [];
  await inChunks(ids, async (chunk) => {
    const q = () => db('jobs').whereIn('id', chunk).where({ state: 'pending', kind: JOB.orderSync, run_at: HELD_RUN_AT });
    const rows: Array<{ id: number | string }> = await q().select('id');
    dropped.push(...rows.map((r) => Number(r.id)));
    await q().delete();
  });
  return dropped;
}
