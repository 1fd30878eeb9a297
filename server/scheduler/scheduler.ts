// Exactly one scheduler across instances, its work spread over each interval (issue 10 points 1, 2).
//
// Every instance runs a Scheduler; each tick (every few seconds) it takes or renews the leader
// lease (lease.ts), and only the holder queues work. A task's stores each have a fixed phase in
// the task's interval (phase.ts); a tick queues the stores whose phase fell since the task's
// watermark (watermarks.ts), so 1,000 stores cost a few jobs per tick instead of 1,000 at once,
// and each store still runs once per interval. Stores are looked up every tick, so a revoked store
// drops out and a new install joins at its next phase.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import type { EnqueueInput } from '../jobs/types.js';
import { releaseLease, takeLease } from './lease.js';
import { dueBetween, phaseOf } from './phase.js';
import { advanceWatermark, readWatermarks } from './watermarks.js';

export interface PeriodicTask {
  /** Names the watermark and salts the phases (renaming a task re-spreads its stores). */
  name: string;
  everyMs: number;
  /** The stores the task runs for now (installed, token not revoked, …). */
  stores(now: number): Promise<string[]>;
  job(storeHash: string): EnqueueInput;
  /** With no watermark yet (first start on this database): queue every store at once instead of from now on. */
  catchUpAtFirstStart?: boolean;
}

export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  db: Knex;
  clock: Clock;
  logger: SchedulerLogger;
  /**
   * Queues the tick's jobs in one statement inside its transaction (pending twins deduplicated).
   * The queue wakes this instance's worker once the transaction has committed (onEnqueued).
   */
  enqueueMany(inputs: EnqueueInput[], trx: Knex): Promise<unknown>;
  tasks: readonly PeriodicTask[];
}

export interface SchedulerOptions {
  /** Names this instance in the lease (default: host, pid and a random suffix). */
  owner?: string;
  tickMs?: number;
  /** A leader that stops renewing (killed) is replaced after this long. */
  leaseMs?: number;
}

export interface TickReport {
  leader: boolean;
  enqueued: number;
  byTask: Record<string, number>;
  /** Another scheduler moved a watermark first: this tick queued nothing. */
  conflict: boolean;
}

export const DEFAULT_TICK_MS = 5_000;
export const DEFAULT_LEASE_MS = 20_000;
const LEASE_NAME = 'scheduler';
const ENQUEUE_CHUNK = 500;

class WatermarkMoved extends Error {}

export class Scheduler {
  readonly owner: string;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: SchedulerDeps,
    opts: SchedulerOptions = {},
  ) {
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.tickMs = opts.tickMs ?? DEFAULT_TICK_MS;
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    if (this.leaseMs <= this.tickMs) throw new Error('scheduler: leaseMs must be longer than tickMs, or the leader loses its lease between ticks');
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** One round: the lease, then each task's due slice in one transaction. */
  async tick(): Promise<TickReport> {
    const { db, clock, logger } = this.deps;
    const now = clock.now();
    const report: TickReport = { leader: false, enqueued: 0, byTask: {}, conflict: false };
    const leader = await takeLease(db, { name: LEASE_NAME, owner: this.owner, now, ttlMs: this.leaseMs });
    if (leader !== this.leader)
      logger.info({ owner: this.owner }, leader ? 'scheduler: this instance now queues the periodic work' : 'scheduler: another instance queues the periodic work now');
    this.leader = leader;
    if (!leader) return report;
    report.leader = true;

    const marks = await readWatermarks(db);
    const slices: Array<{ task: PeriodicTask; mark: number | null; due: string[] }> = [];
    for (const task of this.deps.tasks) {
      const mark = marks.get(task.name) ?? null;
      // After a long stop every store is due once, not once per missed interval.
      const from = Math.max(mark ?? (task.catchUpAtFirstStart ? now - task.everyMs : now), now - task.everyMs);
      if (mark !== null && now <= mark) continue;
      const due = (await task.stores(now)).filter((hash) => dueBetween(from, now, phaseOf(`${task.name}:${hash}`, task.everyMs), task.everyMs));
      slices.push({ task, mark, due });
    }
    try {
      await db.transaction(async (trx) => {
        const jobs = slices.flatMap(({ task, due }) => due.map((hash) => task.job(hash)));
        // After a long stop a tick may queue thousands: statements stay under SQLite's 32,766 parameters.
        for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) await this.deps.enqueueMany(jobs.slice(i, i + ENQUEUE_CHUNK), trx);
        for (const { task, mark } of slices) if (!(await advanceWatermark(trx, task.name, mark, now))) throw new WatermarkMoved();
      });
    } catch (err) {
      if (!(err instanceof WatermarkMoved)) throw err;
      logger.info({ owner: this.owner }, 'scheduler: another instance queued this slice first');
      return { ...report, conflict: true };
    }
    for (const { task, due } of slices) {
      report.byTask[task.name] = due.length;
      report.enqueued += due.length;
    }
    return report;
  }

  /** Ticks now and then every tickMs (never two at once) until stop(). */
  start(): void {
    const loop = async () => {
      this.timer = undefined;
      try {
        await (this.running = this.tick());
      } catch (err) {
        this.deps.logger.error({ err }, 'scheduler tick failed; retrying at the next tick');
      } finally {
        this.running = undefined;
      }
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.tickMs);
    };
    void loop();
  }

  /** Stops ticking and gives the lease up, so another instance takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    if (!this.leader) return;
    this.leader = false;
    try {
      await releaseLease(this.deps.db, LEASE_NAME, this.owner);
    } catch (err) {
      this.deps.logger.error({ err }, 'scheduler could not give its lease up; another instance takes over when it expires');
    }
  }
}
