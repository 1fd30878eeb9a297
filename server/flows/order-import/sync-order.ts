import { BigCommerceApiError, getOrderWithConsignments, parseBcDate, type BcOrder } from '../../bigcommerce/index.js';
import type { FulfillmentOrderInput } from '../../fulfillment/index.js';
import { PermanentJobError } from '../../jobs/types.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import { JOB } from '../../webhooks/topics.js';
import { toJobError } from '../job-errors.js';
import { buildFulfillmentOrder, mappingKeys } from './build-order.js';
import { cancelUnconfirmedSend, mayBeAtWarehouseAlert } from './cancel-unconfirmed.js';
import { frozenBody, sendOrder } from './send-order.js';
import { syncSentOrder } from './sent-order.js';
import type { SetStatusPayload } from './status-after-accept.js';

export interface OrderSyncPayload {
  orderId: number;
  /** Re-read the status of an order already sent (Retry on the order page). */
  recheck?: boolean;
}

type Outcome = 'processed' | 'ignored';

function customerOf(order: BcOrder): string {
  const b = order.billing_address;
  return [b?.first_name, b?.last_name].filter(Boolean).join(' ').trim() || b?.email || '';
}

/**
 * The import step for one order: re-read it (events may be stale or out of order), and send it
 * exactly once when its *current* status is the store's import status. An order already sent is
 * fetched again only to pass a cancellation on (sent-order.ts). An order whose create may have
 * reached the warehouse (sendStartedAt without a warehouse id) is never reported as "not sent":
 * see send-order.ts and cancel-unconfirmed.ts.
 */
export async function syncOrder(s: Services, job: JobRecord): Promise<void> {
  const { orderId, recheck } = job.payload as OrderSyncPayload;
  const storeHash = job.storeHash;
  const startedAt = s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const settle = (outcome: Outcome | 'failed', error: string | null = null) =>
    s.webhookEvents.settleForResource(storeHash, 'bigcommerce', String(orderId), outcome, error, startedAt, s.clock.now());

  const known = await s.orders.get(storeHash, orderId);
  const settings = await s.settings.get(storeHash, s.clock.now());
  if (known?.backendOrderId) {
    const done = await syncSentOrder(s, { ...known, backendOrderId: known.backendOrderId }, settings, recheck === true);
    await settle(done.outcome, done.reason ?? null);
    return;
  }
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');

  let order: BcOrder;
  try {
    order = await getOrderWithConsignments(client, orderId);
  } catch (err) {
    if (err instanceof BigCommerceApiError && err.status === 404) {
      if (known?.sendStartedAt != null) {
        const alert = mayBeAtWarehouseAlert('Deleted');
        if (known.alert !== alert) {
          await s.orders.setCancellation(storeHash, orderId, { source: 'bigcommerce', outcome: 'failed', message: 'The order no longer exists in BigCommerce.', alert }, s.clock.now());
          await log('error', 'BigCommerce has no such order (deleted?); it may be at the warehouse', alert);
        }
        await settle('processed');
        return;
      }
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
    // Every consignment's method, so Settings lists each one an order can be held for.
    shippingMethods: mappingKeys(order).methods,
  };
  const row = await s.orders.upsertSeen(storeHash, orderId, seen, 'waiting', s.clock.now());

  if (settings.cancellationStatusIds.includes(order.status_id)) {
    if (row.sendStartedAt !== null) {
      // Cancelled after a create that may have reached the warehouse: find out, and cancel it there.
      await cancelUnconfirmedSend(s, row, seen.bcStatus ?? String(order.status_id), settings.flows.cancellations);
      await settle('processed');
      return;
    }
    // Cancelled before it was sent: it is never sent.
    if (row.state !== 'cancelled') {
      await s.orders.setCancellation(storeHash, orderId, { source: 'bigcommerce', outcome: 'cancelled', message: 'Cancelled in BigCommerce before it was sent.', state: 'cancelled', alert: null }, s.clock.now());
      await log('info', `Cancelled in BigCommerce ("${seen.bcStatus ?? order.status_id}") before it was sent: not sent.`);
    }
    await settle('processed');
    return;
  }

  if (!settings.flows.orders) {
    if (!known || known.bcStatusId !== order.status_id) {
      await log('info', row.sendStartedAt === null ? 'The Orders flow is off: not sent (it is when Orders is turned on).' : 'The Orders flow is off: not sent again (an earlier attempt may have reached the warehouse).');
    }
    await settle('ignored', 'The Orders flow is off.');
    return;
  }

  if (order.status_id !== settings.importStatusId) {
    if (!known || known.bcStatusId !== order.status_id) {
      await log(
        row.sendStartedAt === null ? 'info' : 'warn',
        row.sendStartedAt === null
          ? `Status is "${seen.bcStatus ?? order.status_id}", not the import status: not sent.`
          : `Status is "${seen.bcStatus ?? order.status_id}", not the import status: not sent again. An earlier attempt may have reached the warehouse; it is completed if the order returns to the import status, and cancelled there if the order is cancelled.`,
      );
    }
    await settle('ignored');
    return;
  }

  // Once a create may have reached the warehouse, its body is frozen and resent unchanged.
  let body: FulfillmentOrderInput | null = frozenBody(row);
  if (!body) {
    const built = await buildFromMappings(s, storeHash, order);
    if (!built.ok) {
      if (row.state !== 'needs_attention' || row.attentionReason !== built.reason) await log('warn', 'Needs attention', built.reason);
      await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: built.reason, lastError: built.reason }, s.clock.now());
      await settle('processed');
      return;
    }
    body = built.input;
  }

  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) {
    const reason = 'Connect your fulfillment backend in Settings; the order is sent as soon as it is connected.';
    if (row.attentionReason !== reason) await log('warn', 'Needs attention', reason);
    await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason }, s.clock.now());
    await settle('processed');
    return;
  }

  const sent = await sendOrder(s, backend, row, body);
  await settle('processed');

  if (sent.kind === 'sent' && settings.statusAfterAcceptId !== null && settings.statusAfterAcceptId !== order.status_id) {
    // Only while the order still has the status it was sent in (status-after-accept.ts).
    const payload: SetStatusPayload = { orderId, statusId: settings.statusAfterAcceptId, ifStatusId: order.status_id };
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSetStatus, payload });
  }
}

async function buildFromMappings(s: Services, storeHash: string, order: BcOrder) {
  const { skus, methods } = mappingKeys(order);
  const shipping = new Map<string, string>();
  for (const m of methods) {
    const code = await s.mappings.shippingCode(storeHash, m);
    if (code) shipping.set(m, code);
  }
  return buildFulfillmentOrder(storeHash, order, { sku: await s.mappings.skuMap(storeHash, skus), shipping });
}
