import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { busyRetryOf } from './busy-retry-client.js';
import { describeDatabaseProblem } from './db-errors.js';

export type ProbeResult = { ok: true; ms: number } | { ok: false; ms: number; reason: string };

export interface DatabaseProbeDeps {
  db: Knex;
  now: () => number;
  /** Answer "not ready" after this long even if the write is still pending (pool queue, lock). */
  timeoutMs: number;
}

/**
 * Readiness: proves the database takes a write right now, by upserting the one row of
 * `db_health_probe` with a fresh token and reading it back. A locked, full, read-only or corrupt
 * database fails here with a reason, while /healthz (liveness) keeps answering.
 *
 * Concurrent checks share one probe in flight, so a burst of readiness requests costs one write.
 */
export class DatabaseProbe {
  private inFlight: Promise<ProbeResult> | undefined;

  constructor(private readonly d: DatabaseProbeDeps) {}

  check(): Promise<ProbeResult> {
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async probe(): Promise<ProbeResult> {
    const started = this.d.now();
    const elapsed = () => this.d.now() - started;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, ms: elapsed(), reason: `database did not answer within ${this.d.timeoutMs} ms` }), this.d.timeoutMs);
    });
    const write = this.writeAndRead().then(
      (): ProbeResult => ({ ok: true, ms: elapsed() }),
      (err: unknown): ProbeResult => ({ ok: false, ms: elapsed(), reason: describeDatabaseProblem(err) }),
    );
    try {
      return await Promise.race([write, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async writeAndRead(): Promise<void> {
    const token = randomUUID();
    await this.d.db('db_health_probe').insert({ id: 1, token, checked_at: this.d.now() }).onConflict('id').merge();
    const row = await this.d.db('db_health_probe').where({ id: 1 }).first('token');
    if (row?.token !== token) throw new Error('probe row read back differs from what was written');
  }
}

/**
 * The probe /readyz uses: its timeout leaves the database's busy budget room to report a lock as
 * a lock (a clearer reason than a timeout), and still answers within about a second and a half.
 */
export function readinessProbe(db: Knex, now: () => number): DatabaseProbe {
  return new DatabaseProbe({ db, now, timeoutMs: (busyRetryOf(db)?.budgetMs ?? 1_000) + 250 });
}
