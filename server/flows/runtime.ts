import { confirmShippedStatus } from './fulfillment/confirm-shipped-status.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/index.js';
import type { JobHandler, JobRecord } from '../jobs/types.js';
import type { Services } from '../services.js';
import { JOB } from '../webhooks/topics.js';
import { reconcileOrders } from './order-import/reconcile-orders.js';
import { syncOrder } from './order-import/sync-order.js';
import { failDeadStatusJob, setStatusAfterAccept } from './order-import/status-after-accept.js';
import { failDeadOrderSync } from './order-import/sync-dead.js';
import { recordOrderRetry } from './order-import/sync-retry.js';
import { reconcileWebhooks } from './webhooks-reconcile.js';
import { limitQuotaWaits, QuotaWaitNotice } from './quota-wait.js';
import { handleFulfillmentEvent } from './fulfillment/events.js';
import { pollBackend } from './fulfillment/poll.js';
import { retryShipment } from './fulfillment/retry-shipment.js';
import { failDeadShipmentJob } from './fulfillment/shipment-dead.js';
import { pushInventory } from './inventory/push-levels.js';
import { requestRetention, runRetention } from './retention/job.js';
import { DEFAULT_LIMITS } from './retention/purge.js';
import { queueDueStoreRefreshes, refreshStore } from './store-refresh.js';
import { enqueueNotificationChecks, runNotifyJob } from '../notifications/job.js';
import { failDeadBackfill, runBackfillStep } from './backfill/run-backfill.js';
import { runReadinessScan } from './readiness/run-scan.js';
import { failDeadReadinessScan } from './readiness/start.js';

/** What each job kind does. createWorker wraps them once (limitQuotaWaits), which translates their errors. */
export function jobHandlers(s: Services): Record<string, JobHandler> {
  return {
    [JOB.orderSync]: (job) => syncOrder(s, job),
    [JOB.orderSetStatus]: (job) => setStatusAfterAccept(s, job),
    [JOB.orderShippedStatus]: (job) => confirmShippedStatus(s, job),
    [JOB.ordersReconcile]: async (job) => {
      await reconcileOrders(s, job.storeHash, (job.payload ?? {}) as { all?: boolean });
    },
    [JOB.webhooksReconcile]: (job) => reconcileWebhooks(s, job),
    [JOB.fulfillmentEvent]: (job) => handleFulfillmentEvent(s, job),
    [JOB.fulfillmentPoll]: (job) => pollBackend(s, job.storeHash),
    [JOB.shipmentRetry]: (job) => retryShipment(s, job),
    [JOB.inventoryPush]: (job) => pushInventory(s, job.storeHash),
    [JOB.retention]: async (_job, ctx) => {
      await runRetention(s, { ...DEFAULT_LIMITS, signal: ctx.signal });
    },
    [JOB.storeRefresh]: (job) => refreshStore(s, job),
    [JOB.notify]: async (job) => {
      await runNotifyJob(s, job.storeHash);
    },
    [JOB.ordersBackfill]: (job) => runBackfillStep(s, job),
    [JOB.readinessScan]: (job) => runReadinessScan(s, job),
  };
}

/** An order whose job used its last attempt is "failed": visible, and retryable from the UI. */
async function onDead(s: Services, job: JobRecord, error: Error) {
  const now = s.clock.now();
  if (job.kind === JOB.orderSync) return failDeadOrderSync(s, job, error);
  // A status change: said on its order (flows/order-import/status-after-accept.ts).
  if (job.kind === JOB.orderSetStatus && (await failDeadStatusJob(s, job, error))) return;
  // A shipment's job: the shipment is failed and its order needs attention (and says why).
  if (await failDeadShipmentJob(s, job, error)) return;
  // A backfill step: the run is marked failed with the reason (flows/backfill/run-backfill.ts).
  if (await failDeadBackfill(s, job, error)) return;
  // A readiness scan: it says it stopped and why (flows/readiness/start.ts).
  if (await failDeadReadinessScan(s, job, error)) return;
  await s.syncLog.append({ storeHash: job.storeHash, flow: job.kind.split('.')[0] ?? 'jobs', level: 'error', message: `Background task ${job.kind} failed`, detail: error.message }, now);
}

export function createWorker(s: Services, opts: Partial<Omit<JobWorkerOptions, 'db' | 'queue' | 'handlers' | 'logger' | 'clock'>> = {}): JobWorker {
  const worker = new JobWorker({
    db: s.db,
    queue: s.jobs.queue,
    // Errors translated for the queue, and a job never sits out a store's quota window in its
    // worker (flows/quota-wait.ts).
    handlers: limitQuotaWaits(jobHandlers(s), { notice: new QuotaWaitNotice(s), queue: s.jobs.queue, logger: s.logger }),
    events: {
      onDead: (job, error) => onDead(s, job, error),
      onRetry: async (job, error, retryAt) => {
        s.logger.warn({ jobId: job.id, kind: job.kind, storeHash: job.storeHash, err: error.message }, 'job will be retried');
        // An order on its way shows "retrying" with its attempts and the next attempt's time.
        await recordOrderRetry(s, job, error, retryAt);
      },
    },
    logger: s.logger,
    clock: s.clock,
    backoff: { capMs: 60 * 60_000 },
    ...opts,
  });
  s.jobs.attach(worker);
  return worker;
}

/**
 * Periodic safety nets for every installed store: order reconciliation, webhook upkeep and the
 * hourly store refresh (flows/store-refresh.ts). A store whose token BigCommerce revoked is
 * skipped: every run would be a 401, a dead job and an Activity error (~300 a day). The Overview
 * already says to reinstall, and the /auth that repairs it clears the flag (the timers include the
 * store again) and queues the webhook upkeep and the store refresh at once.
 */
export function startScheduler(
  s: Services,
  opts: { ordersEveryMs?: number; webhooksEveryMs?: number; pollEveryMs?: number; retentionEveryMs?: number; notifyEveryMs?: number; storeRefreshCheckEveryMs?: number } = {},
): () => void {
  const enqueueAll = async (kind: string, prefix: string, onlyPolling = false) => {
    try {
      const stores = await s.stores.installedHashes({ syncMode: onlyPolling ? 'poll' : undefined, skipRevoked: true });
      for (const hash of stores) {
        await s.jobs.queue.enqueue({ storeHash: String(hash), kind, dedupeKey: `${prefix}:${hash}` });
      }
      s.jobs.wake();
    } catch (err) {
      s.logger.error({ err, kind }, 'scheduler could not enqueue');
    }
  };
  const retention = async () => {
    try {
      await requestRetention(s);
      s.jobs.wake();
    } catch (err) {
      s.logger.error({ err, kind: JOB.retention }, 'scheduler could not enqueue');
    }
  };
  // Store details, statuses and locations (flows/store-refresh.ts): checked often, each store
  // refreshed only once its last refresh is an hour old, so a restart does not refresh them all.
  const storeRefresh = async () => {
    try {
      if ((await queueDueStoreRefreshes(s)) > 0) s.jobs.wake();
    } catch (err) {
      s.logger.error({ err, kind: JOB.storeRefresh }, 'scheduler could not enqueue');
    }
  };
  const timers = [
    setInterval(() => void enqueueAll(JOB.ordersReconcile, 'reconcile'), opts.ordersEveryMs ?? 5 * 60_000),
    setInterval(() => void enqueueAll(JOB.webhooksReconcile, 'hooks'), opts.webhooksEveryMs ?? 60 * 60_000),
    // Only stores in polling mode read the backend's feeds.
    setInterval(() => void enqueueAll(JOB.fulfillmentPoll, 'poll', true), opts.pollEveryMs ?? 2 * 60_000),
    // Deletes rows past their retention period, in small batches (flows/retention).
    setInterval(() => void retention(), opts.retentionEveryMs ?? 60 * 60_000),
    setInterval(() => void storeRefresh(), opts.storeRefreshCheckEveryMs ?? 5 * 60_000),
    // E-mail notifications (server/notifications): stores with them on, when SMTP is configured.
    setInterval(() => void enqueueNotificationChecks(s).catch((err: unknown) => s.logger.error({ err, kind: JOB.notify }, 'scheduler could not enqueue')), opts.notifyEveryMs ?? 60_000),
  ];
  void enqueueAll(JOB.webhooksReconcile, 'hooks');
  void enqueueAll(JOB.ordersReconcile, 'reconcile');
  void retention();
  void storeRefresh();
  return () => timers.forEach(clearInterval);
}

/** Asks for a webhook reconciliation of one store soon (after install, load, settings change). */
export async function requestWebhookReconcile(s: Services, storeHash: string): Promise<void> {
  await s.jobs.queue.enqueue({ storeHash, kind: JOB.webhooksReconcile, dedupeKey: `hooks:${storeHash}` });
  s.jobs.wake();
}
