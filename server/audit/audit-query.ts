import type { Knex } from 'knex';
import type { AuditActor, AuditEntry } from '../domain/audit.js';
import { rawRows } from '../jobs/rows.js';
import { cappedPage, type CappedWindow } from '../storage/capped-list.js';

export interface AuditFilter {
  action?: string;
  userId?: number;
  /** ms epoch, inclusive */
  from?: number;
  to?: number;
}

/** An `audit_log` row as the drivers return it (PostgreSQL gives bigint columns as strings). */
interface AuditRow {
  id: number | string;
  at: number | string;
  user_id: number | string | null;
  user_email: string | null;
  action: string;
  subject: string | null;
  before_json: string | null;
  after_json: string | null;
}

/** A stored value back to what was recorded; a row written by hand must not break the page. */
function parsed(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: new Date(Number(r.at)).toISOString(),
  actor: r.user_id == null ? null : { userId: Number(r.user_id), email: r.user_email ?? '' },
  action: r.action,
  subject: r.subject,
  before: parsed(r.before_json),
  after: parsed(r.after_json),
});

/**
 * The Audit log's reads. Each filter is served by an index of migration 018 — (store_hash, at),
 * (store_hash, action, at), (store_hash, user_id, at) — in newest-first order, so a page never
 * sorts the store's whole log; counts stop at LIST_CAP like the other lists.
 */
export class AuditQuery {
  constructor(private readonly db: Knex) {}

  async list(storeHash: string, f: AuditFilter, page: number, limit: number): Promise<CappedWindow<AuditEntry>> {
    const q = this.db('audit_log').where({ store_hash: storeHash });
    if (f.action !== undefined) q.andWhere({ action: f.action });
    if (f.userId !== undefined) q.andWhere({ user_id: f.userId });
    if (f.from !== undefined) q.andWhere('at', '>=', f.from);
    if (f.to !== undefined) q.andWhere('at', '<=', f.to);
    const newestFirst = (x: Knex.QueryBuilder) =>
      x.orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    const { rows, total, totalCapped } = await cappedPage<AuditRow>(this.db, q, newestFirst, page, limit);
    return { rows: rows.map(toEntry), total, totalCapped };
  }

  /** The actions in this store's log, for the filter: a skip scan (one seek per action) instead of DISTINCT. */
  async actions(storeHash: string): Promise<string[]> {
    const rows = rawRows<{ action: string }>(
      await this.db.raw(
        `WITH RECURSIVE t(action) AS (
           SELECT min(action) FROM audit_log WHERE store_hash = ?
           UNION ALL
           SELECT (SELECT min(action) FROM audit_log WHERE store_hash = ? AND action > t.action) FROM t WHERE t.action IS NOT NULL
         )
         SELECT action FROM t WHERE action IS NOT NULL`,
        [storeHash, storeHash],
      ),
    );
    return rows.map((r) => String(r.action));
  }

  /** The people in this store's log, each with the e-mail they had most recently, sorted by e-mail. */
  async people(storeHash: string): Promise<AuditActor[]> {
    const rows = rawRows<{ user_id: number | string; email: string | null }>(
      await this.db.raw(
        `WITH RECURSIVE t(user_id) AS (
           SELECT min(user_id) FROM audit_log WHERE store_hash = ? AND user_id IS NOT NULL
           UNION ALL
           SELECT (SELECT min(user_id) FROM audit_log WHERE store_hash = ? AND user_id > t.user_id) FROM t WHERE t.user_id IS NOT NULL
         )
         SELECT t.user_id AS user_id,
                (SELECT a.user_email FROM audit_log a WHERE a.store_hash = ? AND a.user_id = t.user_id ORDER BY a.at DESC LIMIT 1) AS email
         FROM t WHERE t.user_id IS NOT NULL`,
        [storeHash, storeHash, storeHash],
      ),
    );
    return rows.map((r) => ({ userId: Number(r.user_id), email: r.email ?? `User #${r.user_id}` })).sort((a, b) => a.email.localeCompare(b.email) || a.userId - b.userId);
  }
}
