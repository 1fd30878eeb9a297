// GET /v2/orders and /v2/orders/count over the in-memory FakeStore (order-sync-fakes.ts) with
// the filters both the backfill (status_id, min_id, min/max_date_created, sort=id) and the
// reconciliation (min_date_modified, sort=date_modified) use, plus a runner for due jobs that
// honours run_at, as the worker does (held jobs stay held).
import type { BigCommerceClient } from '../../server/bigcommerce/index.js';
import { jobHandlers } from '../../server/flows/runtime.js';
import type { JobHandler } from '../../server/jobs/types.js';
import type { Collaborators } from '../../server/collaborators.js';
import type { FakeClock } from './harness.js';
import { bcOrder, jobOf, type FakeStore, type FakeWarehouse } from './order-sync-fakes.js';
import { JOB } from '../../server/flows/job-catalogue.js';

type Query = Record<string, unknown>;

export class OrderRangeFake {
  private readonly created = new Map<number, number>();
  readonly lists: Query[] = [];
  counts = 0;
  /** Throws on the next list calls (a BigCommerce outage). */
  failLists = 0;
  readonly client: BigCommerceClient;

  constructor(private readonly store: FakeStore) {
    const inner = store.client;
    this.client = {
      ...inner,
      get: async <T>(v: Parameters<BigCommerceClient['get']>[0], path: string, options?: Parameters<BigCommerceClient['get']>[2]) => {
        const q = (options?.query ?? {}) as Query;
        if (path === '/orders/count') {
          this.counts++;
          return { count: this.matching(q).length } as T;
        }
        if (path !== '/orders') return inner.get<T>(v, path, options);
        this.lists.push(q);
        if (this.failLists > 0) {
          this.failLists--;
          throw new Error('BigCommerce is down');
        }
        return this.list(q) as T | null;
      },
    };
  }

  /** Adds orders `from`..`to` in `statusId`, created at `createdAt` (and modified then). */
  add(from: number, to: number, statusId: number, createdAt: number): void {
    for (let id = from; id <= to; id++) {
      this.store.orders.set(id, bcOrder(id, statusId));
      this.created.set(id, createdAt);
    }
  }

  private matching(q: Query) {
    const n = (k: string) => (q[k] === undefined ? undefined : Number(q[k]));
    const d = (k: string) => (q[k] === undefined ? undefined : Math.floor(Date.parse(String(q[k])) / 1000));
    const minId = n('min_id');
    const [minC, maxC, minM] = [d('min_date_created'), d('max_date_created'), d('min_date_modified')];
    return [...this.store.orders.values()].filter((o) => {
      const c = Math.floor((this.created.get(o.id) ?? 0) / 1000);
      return (
        o.status_id === Number(q.status_id) &&
        (minId === undefined || o.id >= minId) &&
        (minC === undefined || c >= minC) &&
        (maxC === undefined || c <= maxC) &&
        (minM === undefined || c >= minM)
      );
    });
  }

  private list(q: Query) {
    const limit = Number(q.limit ?? 50);
    const page = Number(q.page ?? 1);
    const byId = String(q.sort ?? 'id').startsWith('id');
    const rows = this.matching(q)
      .sort((a, b) => (byId ? a.id - b.id : (this.created.get(a.id) ?? 0) - (this.created.get(b.id) ?? 0) || a.id - b.id))
      .slice((page - 1) * limit, page * limit)
      .map((o) => ({ id: o.id, status_id: o.status_id, date_modified: new Date(this.created.get(o.id) ?? 0).toUTCString() }));
    return rows.length === 0 ? null : rows;
  }
}

/**
 * Runs due jobs one at a time through the app's real handlers, oldest due first, as the worker
 * claims them: running while handled, done after, back to pending (due in 1 s) when it threw.
 * Stops after `max` jobs or when none is due.
 */
export async function runDue(s: Collaborators, clock: FakeClock, max = Infinity, override: Record<string, JobHandler> = {}): Promise<number> {
  const handlers = { ...jobHandlers(s), ...override };
  let ran = 0;
  while (ran < max) {
    const row = await s
      .db('jobs')
      .where({ state: 'pending' })
      .andWhere('run_at', '<=', clock.now())
      .orderBy([{ column: 'run_at' }, { column: 'id' }])
      .first();
    if (!row) break;
    await s.db('jobs').where({ id: row.id }).update({ state: 'running' });
    const job = jobOf(String(row.store_hash), String(row.kind), JSON.parse(String(row.payload)), { id: Number(row.id), dedupeKey: row.dedupe_key ?? null });
    try {
      await handlers[job.kind]!(job, { signal: new AbortController().signal });
      await s.db('jobs').where({ id: row.id }).update({ state: 'done', finished_at: clock.now() });
    } catch {
      await s
        .db('jobs')
        .where({ id: row.id })
        .update({ state: 'pending', run_at: clock.now() + 1_000 });
    }
    ran++;
  }
  return ran;
}

/** Runs due jobs, moving the clock on by `stepMs` whenever none is due, until nothing is left to run before `untilMs` more. */
export async function drain(s: Collaborators, clock: FakeClock, opts: { stepMs?: number; forMs?: number; handlers?: Record<string, JobHandler> } = {}): Promise<void> {
  const end = clock.now() + (opts.forMs ?? 10 * 60_000);
  while (clock.now() < end) {
    await runDue(s, clock, Infinity, opts.handlers);
    const next = await s.db('jobs').where({ state: 'pending' }).min({ at: 'run_at' }).first();
    if (next?.at == null || Number(next.at) > end) return;
    clock.advance(Math.max(opts.stepMs ?? 0, Number(next.at) - clock.now()));
  }
}

/**
 * A stand-in for the order import (order.sync) in tests of the backfill's own bookkeeping (paging,
 * low water, pause, cancel, restart), where running every order through the real import costs
 * most of the time: each run records one create at the warehouse and marks the order sent, as a
 * successful import does. It never skips an order already sent, so an order the backfill queued
 * twice shows up as two creates. Exactly once through the real import is tested with the real handler.
 */
export function quickOrderImport(s: Collaborators, clock: FakeClock, warehouse: FakeWarehouse): Record<string, JobHandler> {
  return {
    [JOB.orderSync]: async (job) => {
      const { orderId } = job.payload as { orderId: number };
      const key = `bigcommerce:${job.storeHash}:${orderId}`;
      warehouse.calls.push({ op: 'create', key });
      await s.orders.upsertSeen(
        job.storeHash,
        orderId,
        { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: '', orderDate: null, shippingMethod: null },
        'queued',
        clock.now(),
      );
      await s.orders.markSent(job.storeHash, orderId, `WH-${orderId}`, { orderId }, clock.now());
    },
  };
}
