// A shipment job that used its last attempt (BigCommerce down for hours, an answer the app cannot
// read) must not leave the shipment "pending" for ever: it becomes failed, the order "needs
// attention" with the last error, and Retry on the order page sends it again.
import { parseFulfillmentEvent } from '../../fulfillment/index.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { JOB, payloadOf } from '../job-catalogue.js';
import { markShipmentFailed } from './shipment-failure.js';

type Deps = Pick<Collaborators, 'shipments' | 'orders' | 'syncLog' | 'clock' | 'webhookEvents'>;

async function shipmentIdOf(s: Deps, job: JobRecord, error: Error): Promise<string | undefined> {
  if (job.kind === JOB.shipmentRetry) return payloadOf(JOB.shipmentRetry, job)?.backendShipmentId;
  const eventRowId = payloadOf(JOB.fulfillmentEvent, job)?.eventRowId;
  if (eventRowId === undefined) return undefined;
  const stored = await s.webhookEvents.get(job.storeHash, eventRowId);
  const parsed = stored ? parseFulfillmentEvent(stored.payload) : undefined;
  if (parsed?.kind !== 'event' || parsed.event.type !== 'shipment.created') return undefined;
  await s.webhookEvents.setStatus(eventRowId, 'failed', error.message, s.clock.now());
  return parsed.event.data.shipment_id;
}

/** true when the dead job was a shipment's and the shipment is now marked failed on its order. */
export async function failDeadShipmentJob(s: Deps, job: JobRecord, error: Error): Promise<boolean> {
  const backendShipmentId = await shipmentIdOf(s, job, error);
  if (!backendShipmentId) return false;
  const row = await s.shipments.get(job.storeHash, backendShipmentId);
  if (!row || row.state === 'created') return false;
  const reason = `Shipment ${backendShipmentId} could not be written to BigCommerce after ${job.attempts} attempts: ${error.message}`;
  await markShipmentFailed(s, { storeHash: job.storeHash, orderId: row.orderId, backendShipmentId }, 'Shipment could not be written to BigCommerce', reason);
  return true;
}
