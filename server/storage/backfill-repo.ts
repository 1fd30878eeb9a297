// The backfill runs (migrations/022_backfill.ts): their state, listing cursor and counts, and the
// orders each one queued, counted by where they are now.
import type { Knex } from 'knex';
import type { BackfillState } from '../domain/backfill.js';
import { isUniqueViolation } from '../jobs/rows.js';

export interface BackfillRow {
  id: number;
  storeHash: string;
  state: BackfillState;
  createdFrom: number | null;
  createdTo: number | null;
  statusId: number;
  total: number | null;
  listed: number;
  alreadySent: number;
  queued: number;
  cursor: number | null;
  listingDone: boolean;
  pages: number;
  activeMs: number;
  runningSince: number | null;
  startedBy: string | null;
  error: string | null;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** Where the orders a backfill queued are now. */
export interface QueuedCounts {
  sent: number;
  held: number;
  skipped: number;
  pending: number;
}

/** An unfinished backfill already exists for the store. */
export class BackfillRunningError extends Error {
  constructor(readonly existing: BackfillRow | undefined) {
    super('A backfill is already running for this store');
    this.name = 'BackfillRunningError';
  }
}

/** States in which an order is waiting for the merchant. */
const HELD_STATES = ['needs_attention', 'held', 'rejected', 'failed'];

const num = (v: unknown) => (v == null ? null : Number(v));

function toRow(r: Record<string, unknown>): BackfillRow {
  return {
    id: Number(r.id),
    storeHash: String(r.store_hash),
    state: String(r.state) as BackfillState,
    createdFrom: num(r.created_from),
    createdTo: num(r.created_to),
    statusId: Number(r.status_id),
    total: num(r.total),
    listed: Number(r.listed),
    alreadySent: Number(r.already_sent),
    queued: Number(r.queued),
    cursor: num(r.cursor),
    listingDone: Boolean(r.listing_done),
    pages: Number(r.pages),
    activeMs: Number(r.active_ms),
    runningSince: num(r.running_since),
    startedBy: r.started_by == null ? null : String(r.started_by),
    error: r.error == null ? null : String(r.error),
    startedAt: Number(r.started_at),
    updatedAt: Number(r.updated_at),
    finishedAt: num(r.finished_at),
  };
}

export interface NewBackfill {
  storeHash: string;
  createdFrom: number | null;
  createdTo: number | null;
  statusId: number;
  startedBy: string | null;
}

/** One page's worth of listed orders: queued with their job, or already at the warehouse. */
export interface ListedOrder {
  orderId: number;
  jobId: number | null;
  alreadySent: boolean;
}

export class BackfillRepo {
  constructor(private readonly db: Knex) {}

  /** Throws BackfillRunningError when the store has an unfinished one (a database guarantee). */
  async create(b: NewBackfill, now: number): Promise<BackfillRow> {
    try {
      const [row]: Array<{ id: number } | number> = await this.db('backfills')
        .insert({
          store_hash: b.storeHash,
          state: 'running',
          created_from: b.createdFrom,
          created_to: b.createdTo,
          status_id: b.statusId,
          started_by: b.startedBy,
          running_since: now,
          started_at: now,
          updated_at: now,
        })
        .returning('id');
      const id = typeof row === 'object' ? row.id : Number(row);
      return (await this.get(b.storeHash, id))!;
    } catch (err) {
      if (isUniqueViolation(err)) throw new BackfillRunningError(await this.unfinished(b.storeHash));
      throw err;
    }
  }

  async get(storeHash: string, id: number): Promise<BackfillRow | undefined> {
    const r = (await this.db('backfills').where({ store_hash: storeHash, id }).first()) as Record<string, unknown> | undefined;
    return r ? toRow(r) : undefined;
  }

  async unfinished(storeHash: string): Promise<BackfillRow | undefined> {
    const r = (await this.db('backfills').where({ store_hash: storeHash }).whereNull('finished_at').first()) as Record<string, unknown> | undefined;
    return r ? toRow(r) : undefined;
  }

  /** The unfinished backfill, else the latest one. */
  async current(storeHash: string): Promise<BackfillRow | undefined> {
    const open = await this.unfinished(storeHash);
    if (open) return open;
    const r = (await this.db('backfills').where({ store_hash: storeHash }).orderBy('id', 'desc').first()) as Record<string, unknown> | undefined;
    return r ? toRow(r) : undefined;
  }

  /**
   * Records one listed page and moves the cursor past it, in one transaction: a crash before it
   * lists the page again (its jobs are deduplicated), never skips it.
   */
  async recordPage(b: BackfillRow, orders: ListedOrder[], next: { cursor: number | null; listingDone: boolean; total?: number }, now: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      let fresh: ListedOrder[] = orders;
      if (orders.length > 0) {
        const known = new Set(
          (
            await trx('backfill_orders')
              .where({ backfill_id: b.id })
              .whereIn(
                'order_id',
                orders.map((o) => o.orderId),
              )
              .select('order_id')
          ).map((r) => Number(r.order_id)),
        );
        fresh = orders.filter((o) => !known.has(o.orderId));
      }
      for (let i = 0; i < fresh.length; i += 100) {
        await trx('backfill_orders').insert(
          fresh.slice(i, i + 100).map((o) => ({ backfill_id: b.id, store_hash: b.storeHash, order_id: o.orderId, job_id: o.jobId, already_sent: o.alreadySent })),
        );
      }
      const sent = fresh.filter((o) => o.alreadySent).length;
      await trx('backfills')
        .where({ id: b.id })
        .update({
          listed: trx.raw('listed + ?', [fresh.length]),
          already_sent: trx.raw('already_sent + ?', [sent]),
          queued: trx.raw('queued + ?', [fresh.length - sent]),
          pages: trx.raw('pages + 1'),
          cursor: next.cursor,
          listing_done: next.listingDone,
          ...(next.total !== undefined ? { total: next.total } : {}),
          updated_at: now,
        });
    });
  }

  async setTotal(id: number, total: number, now: number): Promise<void> {
    await this.db('backfills').where({ id }).update({ total, updated_at: now });
  }

  /**
   * Moves a backfill between states, only from the states named (so two clicks or a click racing
   * the job settle once). Keeps the running time: a stretch of running ends with it.
   */
  async transition(b: Pick<BackfillRow, 'id'>, from: BackfillState[], to: BackfillState, now: number, extra: { error?: string } = {}): Promise<BackfillRow | undefined> {
    const finished = to === 'done' || to === 'cancelled' || to === 'failed';
    const changed = await this.db('backfills')
      .where({ id: b.id })
      .whereIn('state', from)
      .update({
        state: to,
        active_ms: this.db.raw('active_ms + (CASE WHEN running_since IS NULL THEN 0 ELSE ? - running_since END)', [now]),
        running_since: to === 'running' ? now : null,
        ...(finished ? { finished_at: now } : {}),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
        updated_at: now,
      });
    if (changed === 0) return undefined;
    const r = (await this.db('backfills').where({ id: b.id }).first()) as Record<string, unknown>;
    return toRow(r);
  }

  /** Where the queued orders are: their job still pending/running, else the order's state. */
  async queuedCounts(backfillId: number): Promise<QueuedCounts> {
    const rows: Array<{ bucket: string; n: number | string }> = await this.db('backfill_orders as b')
      .leftJoin('jobs as j', 'j.id', 'b.job_id')
      .leftJoin('orders as o', (on) => on.on('o.store_hash', '=', 'b.store_hash').andOn('o.order_id', '=', 'b.order_id'))
      .where('b.backfill_id', backfillId)
      .andWhere('b.already_sent', false)
      .select(
        this.db.raw(
          `CASE
             WHEN j.state IN ('pending', 'running') THEN 'pending'
             WHEN o.backend_order_id IS NOT NULL THEN 'sent'
             WHEN o.state IN (${HELD_STATES.map(() => '?').join(', ')}) THEN 'held'
             WHEN o.state IN ('queued', 'retrying') THEN 'pending'
             ELSE 'skipped'
           END AS bucket`,
          HELD_STATES,
        ),
      )
      .count({ n: '*' })
      .groupBy('bucket');
    const out: QueuedCounts = { sent: 0, held: 0, skipped: 0, pending: 0 };
    for (const r of rows) if (r.bucket in out) out[r.bucket as keyof QueuedCounts] = Number(r.n);
    return out;
  }

  /** The pending order.sync jobs a backfill queued (to hold or drop them on pause and cancel). */
  async pendingJobIds(backfillId: number): Promise<number[]> {
    const rows = await this.db('backfill_orders as b').join('jobs as j', 'j.id', 'b.job_id').where('b.backfill_id', backfillId).andWhere('j.state', 'pending').select('j.id');
    return rows.map((r) => Number(r.id));
  }

  /** Orders whose job was dropped (cancel): their job id is forgotten. */
  async forgetJobs(backfillId: number, jobIds: number[]): Promise<number[]> {
    if (jobIds.length === 0) return [];
    const orderIds: number[] = [];
    for (let i = 0; i < jobIds.length; i += 500) {
      const ids = jobIds.slice(i, i + 500);
      const rows = await this.db('backfill_orders').where({ backfill_id: backfillId }).whereIn('job_id', ids).select('order_id');
      orderIds.push(...rows.map((r) => Number(r.order_id)));
      await this.db('backfill_orders').where({ backfill_id: backfillId }).whereIn('job_id', ids).update({ job_id: null });
    }
    return orderIds;
  }
}
