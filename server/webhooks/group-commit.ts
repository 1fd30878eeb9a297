import type { Knex } from 'knex';
import type { Logger } from '../logging/logger.js';
import type { KnexJobQueue } from '../jobs/queue.js';
import { isDatabaseWide } from '../storage/db-errors.js';
import { recordEventsWithJobs, type EventWrite } from './intake.js';
import { sqliteBatchWriter } from './sqlite-writer.js';
import type { WebhookEventsRepo } from '../storage/webhook-events-repo.js';

export type { EventWrite } from './intake.js';

interface Pending {
  write: EventWrite;
  resolve: (r: { duplicate: boolean }) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * Group commit for webhook writes: every event that arrives while a commit is in flight is written
 * in the next single transaction, so one fsync acknowledges many webhooks. Each caller still
 * answers only after its own rows are durable (storage/db.ts sets synchronous=FULL, so "durable"
 * includes a power cut), and event + job stay atomic.
 *
 * SQLite takes the prepared-statement fast path (sqlite-writer.ts); PostgreSQL (and `portableOnly`)
 * writes the batch through intake.ts in one Knex transaction with multi-row inserts. Several
 * instances may commit at once on PostgreSQL: the unique indexes decide which delivery is the
 * first and which pending job holds a key.
 */
export class GroupCommitter {
  private pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  private readonly fast: ReturnType<typeof sqliteBatchWriter>;

  constructor(private readonly d: { db: Knex; events: WebhookEventsRepo; queue: KnexJobQueue; now: () => number; logger: Logger; portableOnly?: boolean }) {
    // portableOnly: the Knex path PostgreSQL uses, so tests cover it on SQLite too.
    this.fast = d.portableOnly ? null : sqliteBatchWriter(d.db, d.queue);
  }

  submit(write: EventWrite): Promise<{ duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async writeAll(batch: Pending[]): Promise<Array<{ duplicate: boolean }>> {
    if (this.fast) {
      const results = await this.fast(
        batch.map((p) => p.write),
        this.d.now(),
      );
      if (batch.some((p) => p.write.job)) this.d.queue.announceEnqueued();
      return results;
    }
    const writes = batch.map((p) => p.write);
    const recorded = await this.d.db.transaction((trx) => recordEventsWithJobs(this.d, trx, writes, this.d.now()));
    return recorded.map((r) => ({ duplicate: r.duplicate }));
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const batch = this.pending.splice(0, MAX_BATCH);
    try {
      const results = await this.writeAll(batch);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (isDatabaseWide(err)) {
        // Locked, full, read-only...: every write would fail the same way, and one by one it would
        // take a lock budget each while later webhooks queue behind. Fail the batch now (503:
        // BigCommerce and the backend retry).
        this.d.logger.warn({ err, size: batch.length }, 'webhook batch failed: database unavailable');
        for (const p of batch) p.reject(err);
        return;
      }
      // One bad write must not fail its neighbours: retry each on its own.
      this.d.logger.warn({ err, size: batch.length }, 'webhook batch failed; retrying one by one');
      for (const p of batch) {
        try {
          p.resolve((await this.writeAll([p]))[0]!);
        } catch (e) {
          p.reject(e);
        }
      }
    } finally {
      this.flushing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
