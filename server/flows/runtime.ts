import { confirmShippedStatus } from './fulfillment/confirm-shipped-status.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/index.js';
import type { JobHandler, JobRecord } from '../jobs/types.js';
import type { Collaborators } from '../collaborators.js';
import { catalogueHandlers } from '../jobs/catalogue.js';
import { enqueueJob, JOB, JOBS } from './job-catalogue.js';
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
import { runRetention } from './retention/job.js';
import { DEFAULT_LIMITS } from './retention/purge.js';
import { refreshStore } from './store-refresh.js';
import { runNotifyJob } from '../notifications/job.js';
import { failDeadBackfill, runBackfillStep } from './backfill/run-backfill.js';
import { runReadinessScan } from './readiness/run-scan.js';
import { BACKGROUND_KINDS } from './job-priority.js';
import { failDeadReadinessScan } from './readiness/start.js';

/**
 * What each job kind does, against the job catalogue: a kind without a handler does not compile,
 * and each handler gets its payload parsed (one that does not parse fails the job for good, with
 * the reason). createWorker wraps them once (limitQuotaWaits), which translates their errors.
 */
export function jobHandlers(s: Collaborators): Record<string, JobHandler> {
  return catalogueHandlers(JOBS, {
    [JOB.orderSync]: (job) => syncOrder(s, job),
    [JOB.orderSetStatus]: (job) => setStatusAfterAccept(s, job),
    [JOB.orderShippedStatus]: (job) => confirmShippedStatus(s, job),
    [JOB.ordersReconcile]: async (job) => {
      await reconcileOrders(s, job.storeHash, job.payload ?? {});
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
  });
}

/** An order whose job used its last attempt is "failed": visible, and retryable from the UI. */
async function onDead(s: Pick<Collaborators, 'clock' | 'db' | 'orderStatuses' | 'orders' | 'shipments' | 'syncLog' | 'webhookEvents'>, job: JobRecord, error: Error) {
  const now = s.clock.now();
  // An order's import: the order shows failed (flows/order-import/sync-dead.ts).
  if (job.kind === JOB.orderSync && (await failDeadOrderSync(s, job, error))) return;
  // A status change: said on its order (flows/order-import/status-after-accept.ts).
  if (job.kind === JOB.orderSetStatus && (await failDeadStatusJob(s, job, error))) return;
  // A shipment's job: the shipment is failed and its order needs attention (and says why).
  if (await failDeadShipmentJob(s, job, error)) return;
  // A backfill step: the run is marked failed with the reason (flows/backfill/run-backfill.ts).
  if (await failDeadBackfill(s, job, error)) return;
  // A readiness scan: it says it stopped and why (flows/readiness/start.ts).
  if (await failDeadReadinessScan(s, job, error)) return;
  await s.syncLog.append(
    { storeHash: job.storeHash, flow: job.kind.split('.')[0] ?? 'jobs', level: 'error', message: `Background task ${job.kind} failed`, detail: error.message },
    now,
  );
}

export function createWorker(s: Collaborators, opts: Partial<Omit<JobWorkerOptions, 'db' | 'queue' | 'handlers' | 'logger' | 'clock'>> = {}): JobWorker {
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
    // The scheduler's work yields to orders, events and status changes (flows/job-priority.ts).
    backgroundKinds: BACKGROUND_KINDS,
    ...opts,
  });
  s.jobs.attach(worker);
  return worker;
}

// The periodic safety nets moved to server/scheduler (one scheduler across instances, work spread
// over each interval); re-exported for the callers that start it from here.
export { startScheduler } from '../scheduler/index.js';

/** Asks for a webhook reconciliation of one store soon (after install, load, settings change). */
export async function requestWebhookReconcile(s: Pick<Collaborators, 'jobs'>, storeHash: string): Promise<void> {
  await enqueueJob(s.jobs.queue, JOB.webhooksReconcile, { storeHash });
}
