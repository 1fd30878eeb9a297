import { BigCommerceApiError, getOrderWithConsignments, parseBcDate, setOrderStatus, type BcOrder } from '../../bigcommerce/index.js';
import { FulfillmentRejectedError, FulfillmentUnavailableError, fulfillmentIdempotencyKey } from '../../fulfillment/index.js';
import { PermanentJobError } from '../../jobs/types.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import { JOB } from '../../webhooks/topics.js';
import { toJobError } from '../job-errors.js';
import { buildFulfillmentOrder, mappingKeys } from './build-order.js';
import { cancelAtWarehouse } from '../fulfillment/cancellations.js';

export interface OrderSyncPayload {
  orderId: number;
}

type Outcome = 'processed' | 'ignored';

/** Is there an unsettled statusUpdated event for this order that names a cancellation status? */
async function mayBeCancelled(s: Services, storeHash: string, orderId: number, cancelIds: number[]): Promise<boolean> {
  if (cancelIds.length === 0) return false;
  const statuses = await s.webhookEvents.pendingNewStatuses(storeHash, orderId);
  return statuses.some((id) => id === undefined || cancelIds.includes(id));
}

function customerOf(order: BcOrder): string {
  const b = order.billing_address;
  return [b?.first_name, b?.last_name].filter(Boolean).join(' ').trim() || b?.email || '';
}

/**
 * The import step for one order: re-read it (events may be stale or out of order), and send it
 * exactly once when its *current* status is the store's import status. An order already sent is
 * not fetched again.
 */
export async function syncOrder(s: Services, job: JobRecord): Promise<void> {
  const { orderId } = job.payload as OrderSyncPayload;
  const storeHash = job.storeHash;
  const startedAt = s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const settle = (outcome: Outcome | 'failed', error: string | null = null) =>
    s.webhookEvents.settleForResource(storeHash, 'bigcommerce', String(orderId), outcome, error, startedAt, s.clock.now());

  const known = await s.orders.get(storeHash, orderId);
  const settings = await s.settings.get(storeHash, s.clock.now());
  if (known?.backendOrderId) {
    // Already sent: the only thing left to do is pass a cancellation on. Re-read the order only
    // when an unsettled status event says it may have moved into a cancellation status.
    if (settings.flows.cancellations && (await mayBeCancelled(s, storeHash, orderId, settings.cancellationStatusIds))) {
      const client = await s.bigcommerce.forStore(storeHash);
      if (client) {
        let current: BcOrder;
        try {
          current = await getOrderWithConsignments(client, orderId);
        } catch (err) {
          throw toJobError(err);
        }
        if (settings.cancellationStatusIds.includes(current.status_id)) {
          await cancelAtWarehouse(s, storeHash, known, current.custom_status ?? current.status ?? String(current.status_id));
        }
      }
    }
    await settle('processed');
    return;
  }
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');

  let order: BcOrder;
  try {
    order = await getOrderWithConsignments(client, orderId);
  } catch (err) {
    if (err instanceof BigCommerceApiError && err.status === 404) {
      await log('warn', 'BigCommerce has no such order (deleted?); nothing to import.');
      await settle('ignored');
      return;
    }
    throw toJobError(err);
  }

  const shippingMethod = order.consignments?.shipping?.[0]?.shipping_method ?? null;
  const seen = {
    bcStatusId: order.status_id,
    bcStatus: order.custom_status ?? order.status ?? null,
    customer: customerOf(order),
    orderDate: parseBcDate(order.date_created),
    shippingMethod,
  };
  const row = await s.orders.upsertSeen(storeHash, orderId, seen, 'waiting', s.clock.now());

  if (settings.cancellationStatusIds.includes(order.status_id)) {
    // Cancelled before it was sent: it is never sent.
    if (row.state !== 'cancelled') {
      await s.orders.setCancellation(storeHash, orderId, { source: 'bigcommerce', outcome: 'cancelled', message: 'Cancelled in BigCommerce before it was sent.', state: 'cancelled', alert: null }, s.clock.now());
      await log('info', `Cancelled in BigCommerce ("${seen.bcStatus ?? order.status_id}") before it was sent: not sent.`);
    }
    await settle('processed');
    return;
  }

  if (!settings.flows.orders) {
    if (!known || known.bcStatusId !== order.status_id) await log('info', 'The Orders flow is off: not sent.');
    await settle('ignored');
    return;
  }

  if (order.status_id !== settings.importStatusId) {
    if (!known || known.bcStatusId !== order.status_id) {
      await log('info', `Status is "${seen.bcStatus ?? order.status_id}", not the import status: not sent.`);
    }
    await settle('ignored');
    return;
  }

  const { skus, methods } = mappingKeys(order);
  const shipping = new Map<string, string>();
  for (const m of methods) {
    const code = await s.mappings.shippingCode(storeHash, m);
    if (code) shipping.set(m, code);
  }
  const built = buildFulfillmentOrder(storeHash, order, { sku: await s.mappings.skuMap(storeHash, skus), shipping });
  if (!built.ok) {
    if (row.state !== 'needs_attention' || row.attentionReason !== built.reason) await log('warn', 'Needs attention', built.reason);
    await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: built.reason, lastError: built.reason }, s.clock.now());
    await settle('processed');
    return;
  }

  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) {
    const reason = 'Connect your fulfillment backend in Settings; the order is sent as soon as it is connected.';
    if (row.attentionReason !== reason) await log('warn', 'Needs attention', reason);
    await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason }, s.clock.now());
    await settle('processed');
    return;
  }

  try {
    const created = await backend.createOrder(built.input, fulfillmentIdempotencyKey(storeHash, orderId));
    await s.orders.markSent(storeHash, orderId, created.id, built.input, s.clock.now());
    await log('info', created.created ? `Sent to the warehouse as ${created.id}.` : `The warehouse already had this order (${created.id}).`);
  } catch (err) {
    if (err instanceof FulfillmentRejectedError) {
      await log('error', 'The warehouse rejected the order', err.message);
      await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: `The warehouse rejected the order: ${err.message}`, lastError: err.message }, s.clock.now());
      await settle('processed');
      return;
    }
    if (err instanceof FulfillmentUnavailableError) {
      await log('warn', 'The warehouse is unavailable; will retry.', err.message);
      await s.orders.setState(storeHash, orderId, { state: row.state === 'needs_attention' ? 'waiting' : row.state, lastError: err.message }, s.clock.now());
    }
    throw toJobError(err);
  }
  await settle('processed');

  if (settings.statusAfterAcceptId !== null && settings.statusAfterAcceptId !== order.status_id) {
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSetStatus, payload: { orderId, statusId: settings.statusAfterAcceptId } });
  }
}

/** After the warehouse accepted an order: the merchant's chosen BigCommerce status, status only. */
export async function setStatusAfterAccept(s: Services, job: JobRecord): Promise<void> {
  const { orderId, statusId } = job.payload as { orderId: number; statusId: number };
  const client = await s.bigcommerce.forStore(job.storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');
  try {
    await setOrderStatus(client, orderId, statusId);
  } catch (err) {
    throw toJobError(err);
  }
  await s.syncLog.append({ storeHash: job.storeHash, orderId, flow: 'orders', message: `Status set to #${statusId} in BigCommerce.` }, s.clock.now());
}
