// Retrying a failed shipment (job JOB.shipmentRetry, `fulfillment.shipment-retry`): the order
// page's Retry, and the re-check after the merchant changed a mapping, send the stored shipment to
// BigCommerce again.
// The stored row holds everything the warehouse reported, so no event or feed is needed.
import { z } from 'zod';
import type { JobRecord } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import type { ShipmentRow } from '../../storage/shipments-repo.js';
import { JOB } from '../../webhooks/topics.js';
import { applyShipment, type ShipmentToApply } from './create-shipment.js';

export const shipmentRetryKey = (storeHash: string, backendShipmentId: string) => `shipment:${storeHash}:${backendShipmentId}`;

const payloadSchema = z.object({ backendShipmentId: z.string().min(1) });
export type ShipmentRetryPayload = z.infer<typeof payloadSchema>;

export const shipmentRetryPayload = (job: Pick<JobRecord, 'payload'>): ShipmentRetryPayload | undefined => {
  const parsed = payloadSchema.safeParse(job.payload);
  return parsed.success ? parsed.data : undefined;
};

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
export async function enqueueShipmentRetries(s: Pick<Services, 'jobs'>, storeHash: string, rows: readonly ShipmentRow[]): Promise<number> {
  for (const row of rows) {
    const payload: ShipmentRetryPayload = { backendShipmentId: row.backendShipmentId };
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.shipmentRetry, payload, dedupeKey: shipmentRetryKey(storeHash, row.backendShipmentId) });
  }
  if (rows.length > 0) s.jobs.wake();
  return rows.length;
}

export async function retryShipment(s: Services, job: JobRecord): Promise<void> {
  const payload = shipmentRetryPayload(job);
  if (!payload) return;
  const row = await s.shipments.get(job.storeHash, payload.backendShipmentId);
  if (!row || row.state === 'created') return;
  // applyShipment adopts the BigCommerce shipments an earlier attempt created before it failed.
  await applyShipment(s, job.storeHash, fromRow(row));
}
