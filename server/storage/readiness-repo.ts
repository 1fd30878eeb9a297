// The latest readiness scan of each store (migrations/019_readiness.ts): its state, counted
// progress, findings per check and where it is, so it survives reloads and restarts. Every write of
// a running scan names its run: a scan replaced by a newer one stops writing.
import type { Knex } from 'knex';
import type { ReadinessCheck } from '../domain/readiness.js';

export type ScanState = 'queued' | 'running' | 'done' | 'failed';

/** Where a scan is: the next phase and, while reading products, the next page. */
export interface ScanCursor {
  phase: 'shipping' | 'products' | 'finish';
  /** The next catalog page to read (1-based). */
  page: number;
  productsRead: number;
  productsTotal: number | null;
  /** SKUs looked up at the warehouse so far. */
  skusChecked: number;
  /** The catalog was larger than the scan reads. */
  capped: boolean;
}

export interface ScanRow {
  storeHash: string;
  run: number;
  state: ScanState;
  step: string;
  done: number;
  total: number | null;
  checks: ReadinessCheck[];
  cursor: ScanCursor | null;
  error: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
}

export interface ScanProgress {
  step: string;
  done: number;
  total: number | null;
  checks: ReadinessCheck[];
  cursor: ScanCursor | null;
}

/**
 * A queued or running scan that has not moved for this long lost its job (a database restored, a
 * job deleted): asking for a scan then starts a new one instead of waiting for ever.
 */
export const STALE_SCAN_MS = 15 * 60_000;

const TABLE = 'readiness_scans';
const num = (v: unknown) => (v == null ? null : Number(v));

function parseJson<T>(text: unknown, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(String(text)) as T;
  } catch {
    return fallback;
  }
}

function toRow(r: Record<string, unknown>): ScanRow {
  return {
    storeHash: String(r.store_hash),
    run: Number(r.run),
    state: String(r.state) as ScanState,
    step: String(r.step),
    done: Number(r.done),
    total: num(r.total),
    checks: parseJson<ReadinessCheck[]>(r.checks_json, []),
    cursor: parseJson<ScanCursor | null>(r.cursor_json, null),
    error: r.error == null ? null : String(r.error),
    queuedAt: Number(r.queued_at),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
    updatedAt: Number(r.updated_at),
  };
}

const isActive = (state: unknown) => state === 'queued' || state === 'running';

/** SQLite names a primary-key clash apart from a unique index clash; PostgreSQL does not. */
function isKeyClash(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export class ReadinessRepo {
  constructor(private readonly db: Knex) {}

  async get(storeHash: string): Promise<ScanRow | undefined> {
    const r = await this.db(TABLE).where({ store_hash: storeHash }).first();
    return r ? toRow(r) : undefined;
  }

  /**
   * Queues a new scan (a new run, its checks pending) unless one is already queued or running.
   * `started` says which: a second click never starts a second scan.
   */
  async queue(storeHash: string, checks: ReadinessCheck[], now: number): Promise<{ row: ScanRow; started: boolean }> {
    const current = await this.db(TABLE).where({ store_hash: storeHash }).first();
    if (current && isActive(current.state) && now - Number(current.updated_at) < STALE_SCAN_MS) return { row: toRow(current), started: false };
    const values = {
      run: current ? Number(current.run) + 1 : 1,
      state: 'queued',
      step: 'Waiting to start',
      done: 0,
      total: null,
      checks_json: JSON.stringify(checks),
      cursor_json: null,
      error: null,
      queued_at: now,
      started_at: null,
      finished_at: null,
      updated_at: now,
    };
    try {
      if (current) {
        // Guarded by the run read: of two requests at once, one moves it on and the other sees that.
        const n = await this.db(TABLE).where({ store_hash: storeHash, run: current.run }).update(values);
        if (n === 0) return { row: (await this.get(storeHash))!, started: false };
      } else {
        await this.db(TABLE).insert({ store_hash: storeHash, ...values });
      }
    } catch (err) {
      if (!isKeyClash(err)) throw err;
      return { row: (await this.get(storeHash))!, started: false };
    }
    return { row: (await this.get(storeHash))!, started: true };
  }

  /** The run starts (or continues after a retry): false when a newer scan replaced it or it ended. */
  async begin(storeHash: string, run: number, now: number): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ store_hash: storeHash, run })
      .whereIn('state', ['queued', 'running'])
      .update({ state: 'running', started_at: this.db.raw('COALESCE(started_at, ?)', [now]), updated_at: now });
    return n > 0;
  }

  /** Progress of a running scan; false when it is no longer the current run (stop working). */
  async save(storeHash: string, run: number, p: ScanProgress, now: number): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ store_hash: storeHash, run, state: 'running' })
      .update({ step: p.step, done: p.done, total: p.total, checks_json: JSON.stringify(p.checks), cursor_json: p.cursor ? JSON.stringify(p.cursor) : null, updated_at: now });
    return n > 0;
  }

  async finish(storeHash: string, run: number, checks: ReadinessCheck[], now: number): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ store_hash: storeHash, run, state: 'running' })
      .update({ state: 'done', step: 'Finished', checks_json: JSON.stringify(checks), cursor_json: null, error: null, finished_at: now, updated_at: now });
    return n > 0;
  }

  /** The findings of a scan changed outside it (a fix done from the app); only while `run` is current. */
  async updateChecks(storeHash: string, run: number, checks: ReadinessCheck[], now: number): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ store_hash: storeHash, run })
      .update({ checks_json: JSON.stringify(checks), updated_at: now });
    return n > 0;
  }

  /** The scan stopped: `error` says why in merchant words; checks not finished show as failed. */
  async fail(storeHash: string, run: number | null, error: string, now: number): Promise<boolean> {
    const current = await this.get(storeHash);
    if (!current || !isActive(current.state) || (run !== null && current.run !== run)) return false;
    const checks = current.checks.map((c): ReadinessCheck =>
      c.state === 'pending' || c.state === 'running' ? { ...c, state: 'failed', summary: 'Not checked: the scan stopped before it.' } : c,
    );
    const n = await this.db(TABLE)
      .where({ store_hash: storeHash, run: current.run })
      .whereIn('state', ['queued', 'running'])
      .update({ state: 'failed', error, checks_json: JSON.stringify(checks), cursor_json: null, finished_at: now, updated_at: now });
    return n > 0;
  }
}
