// Cancellations no webhook reported. During a webhook gap (the hook secret replaced, the hook
// deactivated by BigCommerce after 48 h of failures, our downtime) a merchant may cancel an order
// the warehouse already has; BigCommerce gives up on the event and the order would ship. The
// reconciliation lists each cancellation status (one status per v2 request) modified since its
// watermark and queues a sync for the orders the app knows and has not settled a cancellation
// for. A sent order is marked "cancellation pending" first: the sync then re-reads it even with
// no stored statusUpdated event (sent-order.ts), and the mark survives a restart or a job that
// was merged into one already pending. Orders the app never saw are left alone (no rows, no calls).
// With the Cancellations flow off the listing still runs (hooks may be gone too): a sent order is
// marked pending with an alert instead of being synced, and turning the flow on passes it on
// (flow-catch-up.ts), like a cancellation whose webhook arrived while the flow was off.
import type { BcOrderListItem, BigCommerceClient } from '../../bigcommerce/index.js';
import type { Collaborators } from '../../collaborators.js';
import type { StoreSettings } from '../../storage/settings-repo.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { statusLabel } from '../status-label.js';
import { listStatusSince, type Listed } from './list-since.js';
import { cancellationsOffPending } from './sent-order.js';

export async function findMissedCancellations(
  s: Pick<Collaborators, 'orders' | 'jobs' | 'syncLog' | 'clock' | 'orderStatuses'>,
  client: BigCommerceClient,
  storeHash: string,
  settings: Pick<StoreSettings, 'cancellationStatusIds' | 'importStatusId' | 'flows'>,
  since: number,
): Promise<{ found: number; listings: Listed[] }> {
  let found = 0;
  const listings: Listed[] = [];
  const statuses = [...new Set(settings.cancellationStatusIds)].filter((id) => id !== settings.importStatusId);
  for (const statusId of statuses) {
    const label = await statusLabel(s, storeHash, statusId);
    listings.push(
      await listStatusSince(client, statusId, since, async (orders: BcOrderListItem[]) => {
        const candidates = await s.orders.cancellationCandidates(
          storeHash,
          orders.map((o) => o.id),
        );
        for (const row of candidates) {
          const on = settings.flows.cancellations;
          if (row.backendOrderId && row.cancellation === null) {
            await s.orders.setCancellation(
              storeHash,
              row.orderId,
              on
                ? { source: 'bigcommerce', outcome: 'pending', message: 'Found cancelled in BigCommerce by the reconciliation (no webhook reported it).' }
                : cancellationsOffPending(),
              s.clock.now(),
            );
            await s.syncLog.append(
              {
                storeHash,
                orderId: row.orderId,
                flow: 'cancellations',
                level: 'warn',
                message: on
                  ? `Cancelled in BigCommerce ("${label}") without a webhook reaching the app: passing the cancellation on to the warehouse.`
                  : `Cancelled in BigCommerce ("${label}") while the Cancellations flow is off: not passed on to the warehouse. It is when Cancellations is turned on.`,
              },
              s.clock.now(),
            );
            found++;
          }
          // A sent order waits for the flow; one not sent is settled by the sync whatever the flow.
          if (row.backendOrderId && !on) continue;
          await enqueueJob(s.jobs.queue, JOB.orderSync, { storeHash, payload: { orderId: row.orderId } });
        }
      }),
    );
  }
  return { found, listings };
}
