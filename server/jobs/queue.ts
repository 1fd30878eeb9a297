import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { isUniqueViolation, rawRows, toRecord, type JobRow } from './rows.js';
import { afterCommit } from './after-commit.js';
import { dedupeKeyOf, type SerialKeys } from './serial-keys.js';
import type { EnqueueInput, JobQueue, JobRecord, JobState } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60_000;

export interface KnexJobQueueOptions {
  db: Knex;
  clock: Clock;
  /** For jobs enqueued without `maxAttempts`. */
  defaultMaxAttempts?: number;
  /**
   * Kinds that run one at a time per store on every instance (e.g. BigCommerce inventory writes):
   * kind → the store's serial key. Every job of such a kind gets that key as its dedupe key, so
   * the claim's "serial per key" rule and the jobs_running_dedupe unique index keep two workers,
   * in one process or in several, from running two of one store at once. See serial-keys.ts.
   */
  serialKeys?: SerialKeys;
  /** Called when jobs were stored (after the caller's transaction commits); see `onEnqueued`. */
  onEnqueued?: () => void;
}

// `ON CONFLICT ... WHERE <predicate>` names the partial unique index jobs_pending_dedupe by its
// predicate (PostgreSQL requires it to infer a partial index; SQLite ≥3.24 accepts it). A row
// without a dedupe key never conflicts. RETURNING is empty when the insert was skipped.
const INSERT_SQL = `
  INSERT INTO jobs (store_hash, kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)
  ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING
  RETURNING id`;

/** The producer side of the queue (plus admin operations). Workers lease jobs via claim.ts/lease.ts. */
export class KnexJobQueue implements JobQueue {
  private readonly db: Knex;
  private readonly clock: Clock;
  readonly defaultMaxAttempts: number;
  private readonly serialKeys: SerialKeys;

  constructor(opts: KnexJobQueueOptions) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.defaultMaxAttempts = positiveInt(opts.defaultMaxAttempts ?? DEFAULT_MAX_ATTEMPTS, 'defaultMaxAttempts');
    this.serialKeys = opts.serialKeys ?? {};
    this.onEnqueued = opts.onEnqueued;
  }

  /**
   * Told after every enqueue, once the job is visible to other connections (after the commit of
   * the caller's transaction): services point it at the worker's wake(), so a producer does not
   * wake the worker by hand. A listener that throws is not the producer's problem.
   */
  onEnqueued: (() => void) | undefined;

  /** Announces jobs written without enqueue/enqueueMany (the SQLite webhook fast path), after `trx` commits. */
  announceEnqueued(trx?: Knex): void {
    afterCommit(trx, () => {
      try {
        this.onEnqueued?.();
      } catch {
        // Waking is a latency nicety: the worker polls anyway.
      }
    });
  }

  /** The dedupe key a job is stored with: its serial key for a serial kind, else the one asked for. */
  dedupeKeyOf(input: EnqueueInput): string | null {
    return dedupeKeyOf(input, this.serialKeys);
  }

  /**
   * Dedupe: while a pending job holds the key, no second job is added and the existing payload and
   * attempt budget are kept. Its run_at becomes min(existing, requested): an earlier request pulls
   * it forward, a later one never postpones it, so a steady stream of events for one order cannot
   * starve the job (throttle, not trailing debounce: the first event's runAt bounds the wait).
   *
   * With `trx`, every statement runs in the caller's transaction (event row + job commit or roll
   * back together). Do not call without `trx` from inside an open transaction: with SQLite's single
   * pooled connection that waits for a connection the caller is holding.
   */
  async enqueue(input: EnqueueInput, trx?: Knex): Promise<{ id: number; deduped: boolean }> {
    const q = trx ?? this.db;
    if (!input.storeHash) throw new Error('enqueue: storeHash is required');
    if (!input.kind || input.kind.length > 64) throw new Error(`enqueue: invalid job kind "${input.kind}"`);
    const now = this.clock.now();
    const runAt = input.runAt ?? now;
    const maxAttempts = positiveInt(input.maxAttempts ?? this.defaultMaxAttempts, 'maxAttempts');
    const dedupeKey = this.dedupeKeyOf(input);
    const payload = JSON.stringify(input.payload ?? null) ?? 'null';
    const params = [input.storeHash, input.kind, payload, dedupeKey, maxAttempts, runAt, now, now];

    // The loop covers a race: between our skipped insert and the lookup, the pending twin may have
    // been claimed (it is running now), in which case a new job is allowed and the next insert wins.
    for (let tries = 0; tries < 3; tries++) {
      const inserted = rawRows<{ id: number | string }>(await q.raw(INSERT_SQL, params))[0];
      if (inserted) {
        this.announceEnqueued(trx);
        return { id: Number(inserted.id), deduped: false };
      }
      const twin: { id: number | string; run_at: number | string } | undefined = await q('jobs').where({ dedupe_key: dedupeKey, state: 'pending' }).first('id', 'run_at');
      if (!twin) continue;
      if (runAt < Number(twin.run_at)) {
        await q('jobs').where({ id: twin.id, state: 'pending' }).update({ run_at: runAt, updated_at: now });
        this.announceEnqueued(trx); // pulled forward: may be due now
      }
      return { id: Number(twin.id), deduped: true };
    }
    throw new Error(`enqueue: could not insert or find a pending job for dedupe key ${dedupeKey}`);
  }

  /**
   * Many enqueues in one multi-row statement (the webhook receiver's group commit). Same dedupe
   * rules as `enqueue`; within the batch the first job of a key wins. Must run inside `trx`.
   */
  async enqueueMany(inputs: EnqueueInput[], trx: Knex): Promise<Array<{ deduped: boolean }>> {
    if (inputs.length === 0) return [];
    const now = this.clock.now();
    const params: Knex.RawBinding[] = [];
    const dedupeKeys = inputs.map((input) => this.dedupeKeyOf(input));
    inputs.forEach((input, i) => {
      if (!input.storeHash || !input.kind || input.kind.length > 64) throw new Error('enqueueMany: storeHash and a valid kind are required');
      const maxAttempts = positiveInt(input.maxAttempts ?? this.defaultMaxAttempts, 'maxAttempts');
      params.push(input.storeHash, input.kind, JSON.stringify(input.payload ?? null) ?? 'null', dedupeKeys[i]!, maxAttempts, input.runAt ?? now, now, now);
    });
    const values = inputs.map(() => "(?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)").join(', ');
    const sql = `INSERT INTO jobs (store_hash, kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
      VALUES ${values}
      ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING
      RETURNING dedupe_key`;
    const inserted = new Set(rawRows<{ dedupe_key: string | null }>(await trx.raw(sql, params)).map((r) => r.dedupe_key));
    const claimed = new Set<string>();
    const out: Array<{ deduped: boolean }> = [];
    const pullForward = new Map<number, Set<string>>(); // runAt → keys whose pending twin may be later
    for (const [i, input] of inputs.entries()) {
      const key = dedupeKeys[i]!;
      if (key === null || (inserted.has(key) && !claimed.has(key))) {
        if (key !== null) claimed.add(key);
        out.push({ deduped: false });
        continue;
      }
      const runAt = input.runAt ?? now;
      pullForward.set(runAt, (pullForward.get(runAt) ?? new Set()).add(key));
      out.push({ deduped: true });
    }
    // A pending twin exists: pull it forward if this request is earlier (never postpone). One
    // statement per distinct runAt (a webhook batch shares one), not one per event.
    for (const [runAt, keys] of pullForward) {
      await trx('jobs')
        .where({ state: 'pending' })
        .whereIn('dedupe_key', [...keys])
        .andWhere('run_at', '>', runAt)
        .update({ run_at: runAt, updated_at: now });
    }
    this.announceEnqueued(trx);
    return out;
  }

  async get(id: number): Promise<JobRecord | undefined> {
    const row = (await this.db('jobs').where({ id }).first()) as JobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /**
   * A fresh attempt budget, due now. If a pending job already holds its dedupe key the revived job
   * drops the key rather than failing: an operator asked for this job to run, so it runs.
   */
  async retryDead(storeHash: string, id: number): Promise<boolean> {
    const now = this.clock.now();
    const revive = (extra: Record<string, unknown>) =>
      this.db('jobs')
        .where({ id, store_hash: storeHash, state: 'dead' })
        .update({
          state: 'pending',
          attempts: 0,
          run_at: now,
          lease_owner: null,
          lease_expires_at: null,
          finished_at: null,
          updated_at: now,
          ...extra,
        });
    let revived: boolean;
    try {
      revived = (await revive({})) > 0;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      revived = (await revive({ dedupe_key: null })) > 0;
    }
    // Nothing was enqueued, but a job is due now: the worker is told as for a new one.
    if (revived) this.announceEnqueued();
    return revived;
  }

  /** Jobs per state; `excludeKinds` leaves out scheduled follow-ups (a test waiting for the work to settle). */
  async counts(storeHash?: string, opts: { excludeKinds?: readonly string[] } = {}): Promise<Record<JobState, number>> {
    const q = this.db('jobs').select('state').count({ n: '*' }).groupBy('state');
    if (storeHash !== undefined) q.where({ store_hash: storeHash });
    if (opts.excludeKinds?.length) q.whereNotIn('kind', opts.excludeKinds);
    const rows = (await q) as { state: string; n: number | string }[];
    const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 };
    for (const r of rows) if (r.state in out) out[r.state as JobState] = Number(r.n);
    return out;
  }

  /**
   * Postpones the store's pending jobs that are due before `until` to `until` (its BigCommerce
   * quota is used up until then). Without it each of a backlog's jobs would be claimed, find the
   * quota spent and be put back, once per job and window: work for nothing that slows the worker
   * for every other store. Returns how many jobs moved.
   */
  async deferStore(storeHash: string, until: number): Promise<number> {
    return this.db('jobs').where({ store_hash: storeHash, state: 'pending' }).andWhere('run_at', '<', until).update({ run_at: until, updated_at: this.clock.now() });
  }

  /**
   * Running jobs are left alone: their handler is mid-flight and will settle them. Jobs of the
   * `keepKinds` are kept too (the caller decides which work must not be lost, see
   * callbacks/uninstall-jobs.ts).
   */
  async cancelPending(storeHash: string, opts: { keepKinds?: readonly string[] } = {}): Promise<number> {
    const q = this.db('jobs').where({ store_hash: storeHash, state: 'pending' });
    if (opts.keepKinds && opts.keepKinds.length > 0) q.whereNotIn('kind', opts.keepKinds);
    return q.delete();
  }

  /**
   * Deletes done jobs finished more than `olderThanMs` ago. Dead jobs are kept: they are the
   * dead-letter list an operator retries or inspects.
   */
  async purgeFinished(olderThanMs: number = DEFAULT_RETENTION_MS): Promise<number> {
    const cutoff = this.clock.now() - olderThanMs;
    return this.db('jobs').where({ state: 'done' }).andWhere('finished_at', '<', cutoff).delete();
  }
}

function positiveInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${n}`);
  return n;
}
