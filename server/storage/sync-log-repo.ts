import type { Knex } from 'knex';
import type { ActivityEntry, TimelineEntry } from '../domain/activity.js';
import { cappedPage } from './capped-list.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogInput {
  storeHash: string;
  orderId?: number | null;
  flow: string;
  level?: LogLevel;
  message: string;
  detail?: string | null;
}

export interface ActivityFilter {
  level?: LogLevel;
  orderId?: number;
  from?: number;
  to?: number;
}

const toEntry = (r: Record<string, unknown>): ActivityEntry => ({
  id: Number(r.id),
  at: new Date(Number(r.at)).toISOString(),
  level: r.level as LogLevel,
  flow: String(r.flow),
  orderId: r.order_id == null ? null : Number(r.order_id),
  message: String(r.message),
  detail: r.detail == null ? null : String(r.detail),
});

/** The sync log: one chronological feed per store, which is also each order's timeline. */
export class SyncLogRepo {
  constructor(private readonly db: Knex) {}

  async append(e: LogInput, now: number, trx: Knex = this.db): Promise<void> {
    await trx('sync_log').insert({
      store_hash: e.storeHash,
      order_id: e.orderId ?? null,
      flow: e.flow,
      level: e.level ?? 'info',
      message: e.message,
      detail: e.detail ? e.detail.slice(0, 4000) : null,
      at: now,
    });
  }

  /**
   * The order's entries, oldest first, with consecutive repeats (same level, message and detail)
   * folded into the first one: "failed 7 times since 10:40" instead of seven rows.
   */
  async timeline(storeHash: string, orderId: number): Promise<TimelineEntry[]> {
    const rows = await this.db('sync_log')
      .where({ store_hash: storeHash, order_id: orderId })
      .orderBy([{ column: 'at' }, { column: 'id' }]);
    return foldRepeats(rows.map(toEntry));
  }

  async list(storeHash: string, f: ActivityFilter, page: number, limit: number): Promise<{ items: ActivityEntry[]; total: number; totalCapped: boolean }> {
    const q = this.db('sync_log').where({ store_hash: storeHash });
    if (f.level) q.andWhere({ level: f.level });
    if (f.orderId !== undefined) q.andWhere({ order_id: f.orderId });
    if (f.from !== undefined) q.andWhere('at', '>=', f.from);
    if (f.to !== undefined) q.andWhere('at', '<=', f.to);
    // Indexes (store_hash[, level|order_id], at) serve each filter in this order (migration 006).
    const newestFirst = (x: Knex.QueryBuilder) =>
      x.orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    const { rows, total, totalCapped } = await cappedPage<Record<string, unknown>>(this.db, q, newestFirst, page, limit);
    return { items: rows.map(toEntry), total, totalCapped };
  }
}

/** Folds runs of identical entries (level, message, detail) into one with `count` and `lastAt`. */
export function foldRepeats(entries: readonly ActivityEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const { id, at, level, message, detail } of entries) {
    const last = out.at(-1);
    if (last && last.level === level && last.message === message && last.detail === detail) {
      last.count += 1;
      last.lastAt = at;
    } else {
      out.push({ id, at, level, message, detail, count: 1, lastAt: at });
    }
  }
  return out;
}
