import { JobWorker, type JobWorkerOptions } from '../jobs/index.js';
import type { JobHandler, JobRecord } from '../jobs/types.js';
import type { Services } from '../services.js';
import { JOB } from '../webhooks/topics.js';
import { reconcileOrders } from './order-import/reconcile-orders.js';
import { setStatusAfterAccept, syncOrder, type OrderSyncPayload } from './order-import/sync-order.js';
import { reconcileWebhooks } from './webhooks-reconcile.js';
import { handleFulfillmentEvent } from './fulfillment/events.js';
import { pollBackend } from './fulfillment/poll.js';
import { pushInventory } from './inventory/push-levels.js';

export function jobHandlers(s: Services): Record<string, JobHandler> {
  return {
    [JOB.orderSync]: (job) => syncOrder(s, job),
    [JOB.orderSetStatus]: (job) => setStatusAfterAccept(s, job),
    [JOB.ordersReconcile]: async (job) => {
      await reconcileOrders(s, job.storeHash, (job.payload ?? {}) as { all?: boolean });
    },
    [JOB.webhooksReconcile]: (job) => reconcileWebhooks(s, job),
    [JOB.fulfillmentEvent]: (job) => handleFulfillmentEvent(s, job),
    [JOB.fulfillmentPoll]: (job) => pollBackend(s, job.storeHash),
    [JOB.inventoryPush]: (job) => pushInventory(s, job.storeHash),
  };
}

/** An order whose job used its last attempt is "failed": visible, and retryable from the UI. */
async function onDead(s: Services, job: JobRecord, error: Error) {
  const now = s.clock.now();
  if (job.kind === JOB.orderSync) {
    const { orderId } = job.payload as OrderSyncPayload;
    const order = await s.orders.get(job.storeHash, orderId);
    if (order && !order.backendOrderId) {
      await s.orders.setState(job.storeHash, orderId, { state: 'failed', lastError: error.message }, now);
    }
    await s.webhookEvents.settleForResource(job.storeHash, 'bigcommerce', String(orderId), 'failed', error.message, now, now);
    await s.syncLog.append({ storeHash: job.storeHash, orderId, flow: 'orders', level: 'error', message: 'Import failed after all retries', detail: error.message }, now);
    return;
  }
  await s.syncLog.append({ storeHash: job.storeHash, flow: job.kind.split('.')[0] ?? 'jobs', level: 'error', message: `Background task ${job.kind} failed`, detail: error.message }, now);
}

export function createWorker(s: Services, opts: Partial<Omit<JobWorkerOptions, 'db' | 'queue' | 'handlers' | 'logger' | 'clock'>> = {}): JobWorker {
  const worker = new JobWorker({
    db: s.db,
    queue: s.jobs.queue,
    handlers: jobHandlers(s),
    events: {
      onDead: (job, error) => onDead(s, job, error),
      onRetry: async (job, error) => {
        s.logger.warn({ jobId: job.id, kind: job.kind, storeHash: job.storeHash, err: error.message }, 'job will be retried');
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

/** Periodic safety nets for every installed store: order reconciliation and webhook upkeep. */
export function startScheduler(s: Services, opts: { ordersEveryMs?: number; webhooksEveryMs?: number; pollEveryMs?: number } = {}): () => void {
  const enqueueAll = async (kind: string, prefix: string, onlyPolling = false) => {
    try {
      const stores = await s.stores.installedHashes({ syncMode: onlyPolling ? 'poll' : undefined });
      for (const hash of stores) {
        await s.jobs.queue.enqueue({ storeHash: String(hash), kind, dedupeKey: `${prefix}:${hash}` });
      }
      s.jobs.wake();
    } catch (err) {
      s.logger.error({ err, kind }, 'scheduler could not enqueue');
    }
  };
  const timers = [
    setInterval(() => void enqueueAll(JOB.ordersReconcile, 'reconcile'), opts.ordersEveryMs ?? 5 * 60_000),
    setInterval(() => void enqueueAll(JOB.webhooksReconcile, 'hooks'), opts.webhooksEveryMs ?? 60 * 60_000),
    // Only stores in polling mode read the backend's feeds.
    setInterval(() => void enqueueAll(JOB.fulfillmentPoll, 'poll', true), opts.pollEveryMs ?? 2 * 60_000),
  ];
  void enqueueAll(JOB.webhooksReconcile, 'hooks');
  void enqueueAll(JOB.ordersReconcile, 'reconcile');
  return () => timers.forEach(clearInterval);
}

/** Asks for a webhook reconciliation of one store soon (after install, load, settings change). */
export async function requestWebhookReconcile(s: Services, storeHash: string): Promise<void> {
  await s.jobs.queue.enqueue({ storeHash, kind: JOB.webhooksReconcile, dedupeKey: `hooks:${storeHash}` });
  s.jobs.wake();
}
