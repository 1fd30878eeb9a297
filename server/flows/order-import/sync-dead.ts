// An order.sync job that used its last attempt. The order shows as failed (Retry on its page), its
// events are failed, and a cancellation still waiting for the warehouse becomes an alert: the
// warehouse may ship the order, and only the merchant can stop that now.
import { cancellationPending } from './sent-order.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { mayBeAtWarehouseAlert } from './cancel-unconfirmed.js';
import { JOB, payloadOf } from '../job-catalogue.js';
import { merchantWordsOf } from '../job-errors.js';

export async function failDeadOrderSync(s: Pick<Collaborators, 'orders' | 'webhookEvents' | 'syncLog' | 'clock'>, job: JobRecord, error: Error): Promise<boolean> {
  const now = s.clock.now();
  // A payload that does not read as an order sync's names no order: the caller logs the job itself.
  const orderId = payloadOf(JOB.orderSync, job)?.orderId;
  if (orderId === undefined) return false;
  const storeHash = job.storeHash;
  const order = await s.orders.get(storeHash, orderId);
  if (order && !order.backendOrderId) {
    // Out of retries (a passing failure that did not pass) or refused for good (a permanent error):
    // the attempts made are kept, and the last error is said in the merchant's words.
    const words = merchantWordsOf(error);
    const outOfRetries = job.attempts >= job.maxAttempts;
    await s.orders.setState(
      storeHash,
      orderId,
      { state: 'failed', lastError: words, attentionReason: words, attempts: job.attempts, attention: { code: outOfRetries ? 'out_of_retries' : 'other' } },
      now,
    );
  }
  if (order && cancellationPending(order)) {
    const alert = order.backendOrderId
      ? 'Cancelled in BigCommerce, but the warehouse did not answer the cancellation after all retries. Cancel the order at the warehouse.'
      : mayBeAtWarehouseAlert('Cancelled', 'the warehouse did not answer after all retries');
    await s.orders.setCancellation(storeHash, orderId, { source: 'bigcommerce', outcome: 'failed', message: error.message, alert }, now);
  }
  await s.webhookEvents.settleForResource(storeHash, 'bigcommerce', String(orderId), 'failed', error.message, now, now);
  await s.syncLog.append({ storeHash, orderId, flow: 'orders', level: 'error', message: 'Import failed after all retries', detail: error.message }, now);
  return true;
}
