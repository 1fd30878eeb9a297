import type { RetentionRepo } from '../../storage/retention-repo.js';
import { STORE_TABLES } from '../../storage/retention-repo.js';
import type { RetentionCutoffs } from './policy.js';

export interface PurgeLimits {
  /** Rows per DELETE statement: each statement blocks the event loop while SQLite runs it. */
  batchSize: number;
  /** Statements per run; what is left waits for the next run. */
  maxBatches: number;
  /** Between statements, so queued requests and jobs get the connection and the event loop. */
  pause(): Promise<void>;
  /** Stops the run between statements (the worker is shutting down or lost the lease). */
  signal?: AbortSignal;
}

export interface PurgeReport {
  webhookEvents: number;
  activity: number;
  closedOrders: number;
  /** Uninstalled stores whose data is now entirely gone. */
  storesDeleted: number;
  /** Rows of expired stores deleted, all tables together. */
  storeRows: number;
  batches: number;
  /** False when the batch budget ran out with rows still due. */
  complete: boolean;
}

/**
 * A short rest on a timer (a macrotask): requests that arrived during the statement run first, and
 * even a large backlog uses the database at most about half the time.
 */
export const restBetweenBatches = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * A statement of 200 rows took p95 24 ms, p99 44 ms on the 1M-row benchmark (bench/history-at-scale.ts,
 * on a busy 2-core machine); below 100 rows the fixed cost per statement dominates. 1,000
 * statements (200,000 rows) per run, the rest in follow-up runs.
 */
export const DEFAULT_LIMITS: PurgeLimits = { batchSize: 200, maxBatches: 1_000, pause: restBetweenBatches };

type Repo = Pick<
  RetentionRepo,
  'deleteWebhookEventsBefore' | 'deleteActivityBefore' | 'storesWithOrders' | 'deleteClosedOrdersBefore' | 'expiredStores' | 'deleteStoreRows' | 'deleteStore'
>;

/**
 * One retention run: expired stores first (their data must go, whatever its age), then old webhook
 * events, activity and closed orders. Small batches with a pause between them, at most
 * `maxBatches` statements in all.
 */
export async function purgeExpired(repo: Repo, cutoffs: RetentionCutoffs, limits: PurgeLimits = DEFAULT_LIMITS): Promise<PurgeReport> {
  const report: PurgeReport = { webhookEvents: 0, activity: 0, closedOrders: 0, storesDeleted: 0, storeRows: 0, batches: 0, complete: true };

  /** Runs `step` until it deletes less than a batch; false when the budget ran out first. */
  const drain = async (step: () => Promise<number>, add: (n: number) => void): Promise<boolean> => {
    for (;;) {
      if (report.batches >= limits.maxBatches || limits.signal?.aborted) return (report.complete = false);
      report.batches += 1;
      const n = await step();
      add(n);
      await limits.pause();
      if (n < limits.batchSize) return true;
    }
  };

  for (const hash of await repo.expiredStores(cutoffs.uninstalledStores)) {
    for (const table of STORE_TABLES) {
      const done = await drain(
        () => repo.deleteStoreRows(table, hash, cutoffs.uninstalledStores, limits.batchSize),
        (n) => (report.storeRows += n),
      );
      if (!done) return report;
    }
    if (await repo.deleteStore(hash, cutoffs.uninstalledStores)) report.storesDeleted += 1;
  }
  if (
    !(await drain(
      () => repo.deleteWebhookEventsBefore(cutoffs.webhookEvents, limits.batchSize),
      (n) => (report.webhookEvents += n),
    ))
  )
    return report;
  if (
    !(await drain(
      () => repo.deleteActivityBefore(cutoffs.activity, limits.batchSize),
      (n) => (report.activity += n),
    ))
  )
    return report;
  const closedCutoff = cutoffs.closedOrders;
  if (closedCutoff !== null) {
    for (const hash of await repo.storesWithOrders()) {
      if (
        !(await drain(
          () => repo.deleteClosedOrdersBefore(hash, closedCutoff, limits.batchSize),
          (n) => (report.closedOrders += n),
        ))
      )
        return report;
    }
  }
  return report;
}
