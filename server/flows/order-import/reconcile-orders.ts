import type { Collaborators } from '../../collaborators.js';
import { enqueueJob, JOB, type ReconcilePayload } from '../job-catalogue.js';
import { listStatusSince, type Listed } from './list-since.js';
import { findMissedCancellations } from './reconcile-cancellations.js';

/** BigCommerce dates have second resolution and clocks drift: re-check a little behind the mark. */
const OVERLAP_MS = 2 * 60_000;

// The job's payload (job catalogue): null from the scheduler, or { all: true } to list everything
// waiting in the import status, ignoring the watermark. The merchant's "Import waiting orders" is
// a backfill now (flows/backfill: date range, progress, pause); `all` stays for a one-off sweep from code.

export type ReconcileOrdersDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'jobs' | 'orderStatuses' | 'orders' | 'settings' | 'stores' | 'syncLog'>;

/**
 * The safety net: lists orders in the import status modified since the stored watermark and
 * enqueues any not yet sent. Also lists the orders modified since then in each cancellation status
 * and passes on the cancellations no webhook told the app about (reconcile-cancellations.ts). Heals missed webhooks, deactivated hooks and our own downtime.
 */
export async function reconcileOrders(s: ReconcileOrdersDeps, storeHash: string, { all }: ReconcilePayload = {}): Promise<number> {
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) return 0;
  const now = s.clock.now();
  const settings = await s.settings.get(storeHash, now);
  // First run without "all": start from the install, so history is imported only on request.
  const store = await s.stores.get(storeHash);
  const mark = settings.reconcileWatermark ?? store?.installedAt ?? now;
  const since = mark - OVERLAP_MS;

  let enqueued = 0;
  const listings: Listed[] = [];
  listings.push(
    await listStatusSince(client, settings.importStatusId, all ? undefined : since, async (orders) => {
      const sent = await s.orders.sentIds(
        storeHash,
        orders.map((o) => o.id),
      );
      const toQueue = orders.filter((o) => !sent.has(o.id)).map((o) => o.id);
      // Known orders seen outside the import status (or failed) are on their way again. One held
      // for a fix keeps its state: the sync re-checks it, and it must not flap every 5 minutes.
      await s.orders.markQueued(storeHash, toQueue, s.clock.now(), ['waiting', 'failed']);
      for (const orderId of toQueue) {
        const res = await enqueueJob(s.jobs.queue, JOB.orderSync, { storeHash, payload: { orderId } });
        if (!res.deduped) enqueued++;
      }
    }),
  );
  const cancelled = await findMissedCancellations(s, client, storeHash, settings, since);
  listings.push(...cancelled.listings);

  await s.settings.saveWatermark(storeHash, nextWatermark(mark, listings, now), s.clock.now());
  if (enqueued > 0) {
    await s.syncLog.append(
      {
        storeHash,
        flow: 'reconcile',
        message: all ? `Queued ${enqueued} waiting order(s) for import.` : `Reconciliation found ${enqueued} order(s) not yet sent (missed webhooks?) and queued them.`,
      },
      s.clock.now(),
    );
  }
  if (cancelled.found > 0) {
    await s.syncLog.append(
      {
        storeHash,
        flow: 'reconcile',
        level: 'warn',
        message: settings.flows.cancellations
          ? `Reconciliation found ${cancelled.found} order(s) cancelled in BigCommerce that no webhook reported, and queued their cancellation at the warehouse.`
          : `Reconciliation found ${cancelled.found} order(s) cancelled in BigCommerce while the Cancellations flow is off: the warehouse was not told (it is when Cancellations is turned on).`,
      },
      s.clock.now(),
    );
  }
  return enqueued;
}

/**
 * The newest modification any listing saw, but never past what a listing cut short by MAX_PAGES
 * reached (the next run continues from there), never back, and never in the future.
 */
export function nextWatermark(mark: number, listings: Listed[], now: number): number {
  let next = mark;
  let cap = now;
  for (const l of listings) {
    if (l.newest !== null) next = Math.max(next, l.newest);
    if (!l.complete) cap = Math.min(cap, l.newest ?? mark);
  }
  return Math.min(Math.max(mark, Math.min(next, cap)), now);
}
