import { setTimeout as sleepReal } from 'node:timers/promises';
import { DatabaseBusyError, isRetryableBusy } from './db-errors.js';

export interface BusyRetryOptions {
  /** How long one lock episode may be waited out, in total, before callers get DatabaseBusyError. */
  budgetMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
}

const FIRST_DELAY_MS = 2;
const MAX_DELAY_MS = 50;

/**
 * Waits out SQLITE_BUSY without blocking the event loop. The connection runs with
 * `busy_timeout = 0`, so a locked database answers SQLITE_BUSY at once (better-sqlite3's own busy
 * wait would freeze the whole process, /healthz included); this retries with a short backoff on
 * timers instead.
 *
 * The budget belongs to a lock *episode*, not to each statement: there is one connection, so
 * statements queue behind the one that is waiting. If each had its own budget, the tenth in the
 * queue would wait ten budgets. Once an episode has used its budget, every statement that meets
 * the lock fails at once, until a write goes through (the lock is gone) or nothing has met the
 * lock for a whole budget; the next lock then starts a new episode.
 */
export class BusyRetry {
  private episodeStart: number | null = null;
  private lastBusyAt = -Infinity;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<unknown>;

  constructor(private readonly o: BusyRetryOptions) {
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => sleepReal(ms));
  }

  get budgetMs(): number {
    return this.o.budgetMs;
  }

  /**
   * Runs `attempt` until it does not fail with SQLITE_BUSY or the episode's budget is spent.
   * `canRetry` is asked after each busy failure (e.g. "is the transaction still open?"). `write`
   * says the statement needs the write lock, so its success proves the lock is free (a read
   * succeeds under another process's write lock in WAL mode, and proves nothing; the Knex client
   * judges raw statements by their SQL, statement-kind.ts).
   */
  async run<T>(attempt: () => Promise<T> | T, opts: { canRetry?: () => boolean; write?: boolean } = {}): Promise<T> {
    const canRetry = opts.canRetry ?? (() => true);
    let delay = FIRST_DELAY_MS;
    let metBusy = false;
    for (;;) {
      try {
        const result = await attempt();
        if (metBusy || opts.write) this.episodeStart = null; // the lock is free
        return result;
      } catch (err) {
        if (!isRetryableBusy(err)) throw err;
        metBusy = true;
        const now = this.now();
        if (this.episodeStart === null || now - this.lastBusyAt > this.o.budgetMs) this.episodeStart = now;
        this.lastBusyAt = now;
        const left = this.episodeStart + this.o.budgetMs - now;
        if (left <= 0 || !canRetry()) throw new DatabaseBusyError(now - this.episodeStart, { cause: err });
        await this.sleep(Math.min(delay, left));
        delay = Math.min(delay * 2, MAX_DELAY_MS);
      }
    }
  }
}
