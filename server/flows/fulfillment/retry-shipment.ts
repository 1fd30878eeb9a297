// Retrying a failed shipment (job JOB.shipmentRetry, `fulfillment.shipment-retry`): the order
// page's Retry, and the re-check after the merchant changed a mapping, send the stored shipment to
// BigCommerce again.
// The stored row holds everything the warehouse reported, so no event or feed is needed.
import type { Collaborators } from '../../collaborators.js';
import type { ShipmentRow } from '../../storage/shipments-repo.js';
import { enqueueJob, JOB, type JobOfKind } from '../job-catalogue.js';
import { applyShipment, type ShipmentToApply } from './create-shipment.js';

// The payload ({ backendShipmentId }) and the key (one pending retry per shipment) are in the job catalogue.

const fromRow = (row: ShipmentRow): ShipmentToApply => ({
  shipment_id: row.backendShipmentId,
  external_ref: { order_id: row.orderId },
  tracking_number: row.trackingNumber,
  carrier: row.carrier,
  service: row.service,
  tracking_url: row.trackingUrl,
  items: row.items,
});

/** Queues a retry of each shipment (one pending job per shipment). */
export async function enqueueShipmentRetries(s: Pick<Collaborators, 'jobs'>, storeHash: string, rows: readonly ShipmentRow[]): Promise<number> {
  for (const row of rows) await enqueueJob(s.jobs.queue, JOB.shipmentRetry, { storeHash, payload: { backendShipmentId: row.backendShipmentId } });
  return rows.length;
}

export type RetryShipmentDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'jobs' | 'mappings' | 'orders' | 'shipments' | 'stores' | 'syncLog'>;

export async function retryShipment(s: RetryShipmentDeps, job: JobOfKind<typeof JOB.shipmentRetry>): Promise<void> {
  const row = await s.shipments.get(job.storeHash, job.payload.backendShipmentId);
  if (!row || row.state === 'created') return;
  // applyShipment adopts the BigCommerce shipments an earlier attempt created before it failed.
  await applyShipment(s, job.storeHash, fromRow(row));
}
