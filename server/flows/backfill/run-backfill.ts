// The orders.backfill job: one step of a backfill. Each step lists the next page of waiting orders
// (when few of the run's orders are still on their way), hands them to the normal order import
// (order.sync, deduplicated per order, orders the warehouse already has are not queued) and
// queues the next step; the last step, once everything listed has gone through, closes the run.
//
// Listing only while the queue is low keeps a store's own new orders from waiting behind
// thousands of old ones: at most one page plus a window's worth is ever queued ahead of them.
// Everything a step needs is in the backfills row (cursor, counts), so after a restart the next
// step continues where the last one stopped; a step cut short lists its page again, which queues
// nothing twice.
import { BigCommerceApiError, type BigCommerceClient } from '../../bigcommerce/index.js';
import { PermanentJobError, type JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { BackfillRepo, type BackfillRow, type ListedOrder } from '../../storage/backfill-repo.js';
import { enqueueJob, JOB, payloadOf, type JobOfKind } from '../job-catalogue.js';
import { toJobError } from '../job-errors.js';
import { BACKFILL_PAGE_SIZE, countCreated, listCreatedPage, type CreatedRange } from './list-created.js';
import { countsOf } from './progress.js';

/** How often a running backfill looks at its queue. */
export const BACKFILL_STEP_MS = 2_000;
/** List the next page when fewer of the run's orders than this are on their way (at least a window's share). */
export const LOW_WATER = 100;

// The payload ({ backfillId }) and the key (one pending step per store: `backfill:<store>`) are in the job catalogue.

export type BackfillDeps = Pick<Collaborators, 'db' | 'clock' | 'bigcommerce' | 'orders' | 'jobs' | 'syncLog' | 'settings' | 'logger'>;

/** Queues the next step of the run (deduplicated: one pending step per store). */
export async function queueBackfillStep(s: Pick<Collaborators, 'jobs' | 'clock'>, storeHash: string, backfillId: number, delayMs = 0): Promise<void> {
  await enqueueJob(s.jobs.queue, JOB.ordersBackfill, { storeHash, payload: { backfillId }, runAt: s.clock.now() + delayMs });
}

const rangeOf = (b: BackfillRow): CreatedRange => ({ statusId: b.statusId, from: b.createdFrom, to: b.createdTo });

export async function runBackfillStep(s: BackfillDeps, job: JobOfKind<typeof JOB.ordersBackfill>): Promise<void> {
  const { backfillId } = job.payload;
  const repo = new BackfillRepo(s.db);
  const b = await repo.get(job.storeHash, backfillId);
  // Paused, cancelled or finished meanwhile: resume queues a new step.
  if (!b || b.state !== 'running') return;
  try {
    const finished = await step(s, repo, b);
    if (!finished) await queueBackfillStep(s, b.storeHash, b.id, BACKFILL_STEP_MS);
  } catch (err) {
    const error = toJobError(err);
    if (!(error instanceof PermanentJobError)) throw error; // quota waits, outages: the step comes back
    await failBackfill(s, b, error.message);
  }
}

/** One step; true when the run is over. */
async function step(s: BackfillDeps, repo: BackfillRepo, b: BackfillRow): Promise<boolean> {
  const client = await s.bigcommerce.forStore(b.storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');
  if (b.total === null && b.pages === 0) {
    const total = await countOrNull(client, rangeOf(b));
    if (total !== null) await repo.setTotal(b.id, total, s.clock.now());
  }
  let queued = await repo.queuedCounts(b.id);
  const lowWater = Math.max(LOW_WATER, s.bigcommerce.quota(b.storeHash).budget ?? 0);
  if (!b.listingDone && queued.pending < lowWater) {
    const ids = await listCreatedPage(client, rangeOf(b), b.cursor);
    const listed = await queueOrders(s, b.storeHash, ids);
    const done = ids.length < BACKFILL_PAGE_SIZE;
    await repo.recordPage(b, listed, { cursor: ids.length > 0 ? ids[ids.length - 1]! : b.cursor, listingDone: done }, s.clock.now());
    return false; // the orders just queued are on their way
  }
  if (!b.listingDone) return false;
  queued = await repo.queuedCounts(b.id);
  if (queued.pending > 0) return false;
  const closed = await repo.transition(b, ['running'], 'done', s.clock.now());
  if (closed) await s.syncLog.append({ storeHash: b.storeHash, flow: 'reconcile', message: doneMessage(countsOf(closed, queued)) }, s.clock.now());
  return true;
}

/** The total is a nicety: a count BigCommerce refuses leaves it unknown until the listing ends. */
async function countOrNull(client: BigCommerceClient, range: CreatedRange): Promise<number | null> {
  try {
    return await countCreated(client, range);
  } catch (err) {
    const refused = err instanceof BigCommerceApiError && err.status !== null && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 429;
    if (refused) return null;
    throw err;
  }
}

/** Hands the page's orders to the order import, except those the warehouse already has. */
async function queueOrders(s: BackfillDeps, storeHash: string, ids: number[]): Promise<ListedOrder[]> {
  const sent = await s.orders.sentIds(storeHash, ids);
  const toQueue = ids.filter((id) => !sent.has(id));
  // Known orders seen earlier outside the import status (or failed) are on their way again, as in
  // the reconciliation (reconcile-orders.ts).
  await s.orders.markQueued(storeHash, toQueue, s.clock.now(), ['waiting', 'failed']);
  const out: ListedOrder[] = ids.filter((id) => sent.has(id)).map((orderId) => ({ orderId, jobId: null, alreadySent: true }));
  // The page's jobs in one transaction: one commit (one fsync on SQLite) instead of one per order.
  // 250 commits in a row held SQLite's connection and, better-sqlite3 being synchronous, the event
  // loop for seconds, and another store's new order waited that long (bench/fairness-scale.ts).
  await s.db.transaction(async (trx) => {
    for (const orderId of toQueue) {
      const res = await enqueueJob(s.jobs.queue, JOB.orderSync, { storeHash, payload: { orderId } }, trx);
      out.push({ orderId, jobId: res.id, alreadySent: false });
    }
  });
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function doneMessage(c: ReturnType<typeof countsOf>): string {
  const parts = [`${plural(c.sent, 'order')} sent`];
  if (c.alreadySent > 0) parts.push(`${plural(c.alreadySent, 'order')} already at the warehouse`);
  if (c.held > 0) parts.push(`${plural(c.held, 'order')} need${c.held === 1 ? 's' : ''} attention`);
  if (c.skipped > 0) parts.push(`${plural(c.skipped, 'order')} no longer waiting`);
  return `Import of waiting orders finished: ${parts.join(', ')}.`;
}

export async function failBackfill(s: Pick<Collaborators, 'db' | 'clock' | 'syncLog'>, b: Pick<BackfillRow, 'id' | 'storeHash'>, reason: string): Promise<void> {
  const failed = await new BackfillRepo(s.db).transition(b, ['running', 'paused'], 'failed', s.clock.now(), { error: reason });
  if (failed)
    await s.syncLog.append({ storeHash: b.storeHash, flow: 'reconcile', level: 'error', message: 'The import of waiting orders stopped.', detail: reason }, s.clock.now());
}

/** A step that used its last attempt (BigCommerce down for hours): the run says so instead of hanging. */
export async function failDeadBackfill(s: Pick<Collaborators, 'db' | 'clock' | 'syncLog'>, job: JobRecord, error: Error): Promise<boolean> {
  const backfillId = payloadOf(JOB.ordersBackfill, job)?.backfillId;
  if (backfillId === undefined) return false;
  await failBackfill(
    s,
    { id: backfillId, storeHash: job.storeHash },
    `It could not continue: ${error.message} Start it again to continue; orders already sent are not sent twice.`,
  );
  return true;
}
