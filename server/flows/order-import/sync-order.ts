import type { Knex } from 'knex';
import { BigCommerceApiError, getOrderWithConsignments, parseBcDate, type BcOrder } from '../../bigcommerce/index.js';
import { PermanentJobError } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { PassingFailureJobError, toJobError } from '../job-errors.js';
import { labelOf, statusLabel } from '../status-label.js';
import { RuleOrdersRepo } from '../../storage/rule-orders-repo.js';
import { RulesRepo } from '../../storage/rules-repo.js';
import { customerGroupOf } from '../rules/customer-group.js';
import { mappingKeys } from './build-order.js';
import { cancelUnconfirmedSend, mayBeAtWarehouseAlert } from './cancel-unconfirmed.js';
import { decideOrder, fallbackSentMessage, NOT_CONNECTED_REASON, savedMappings, type DecisionResult } from './decide-order.js';
import { orderDetailsOf } from './order-details.js';
import { fixLandedMessage } from './requeue-held.js';
import { sendOrder } from './send-order.js';
import { syncSentOrder } from './sent-order.js';
import { enqueueJob, JOB, type JobOfKind } from '../job-catalogue.js';

type Outcome = 'processed' | 'ignored';

function customerOf(order: BcOrder): string {
  const b = order.billing_address;
  return [b?.first_name, b?.last_name].filter(Boolean).join(' ').trim() || b?.email || '';
}

export type SyncOrderDeps = Pick<
  Collaborators,
  'bigcommerce' | 'clock' | 'db' | 'fulfillment' | 'jobs' | 'mappings' | 'orderStatuses' | 'orders' | 'settings' | 'syncLog' | 'webhookEvents'
>;

/**
 * The import step for one order: re-read it (events may be stale or out of order), and send it
 * exactly once when its *current* status is the store's import status. An order already sent is
 * fetched again only to pass a cancellation on (sent-order.ts). An order whose create may have
 * reached the warehouse (sendStartedAt without a warehouse id) is never reported as "not sent":
 * see send-order.ts and cancel-unconfirmed.ts.
 */
export async function syncOrder(s: SyncOrderDeps, job: JobOfKind<typeof JOB.orderSync>): Promise<void> {
  const { orderId, recheck } = job.payload;
  const storeHash = job.storeHash;
  const startedAt = s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'orders', level, message, detail }, s.clock.now());
  const settle = (outcome: Outcome | 'failed', error: string | null = null) =>
    s.webhookEvents.settleForResource(storeHash, 'bigcommerce', String(orderId), outcome, error, startedAt, s.clock.now());

  const known = await s.orders.get(storeHash, orderId);
  const settings = await s.settings.get(storeHash, s.clock.now());
  if (known?.backendOrderId) {
    // No BigCommerce read for a sent order unless a cancellation is hinted; the status its
    // statusUpdated events name is recorded instead (no extra call).
    await recordHeardStatus(s, known);
    const done = await syncSentOrder(s, { ...known, backendOrderId: known.backendOrderId }, settings, recheck === true);
    await settle(done.outcome, done.reason ?? null);
    return;
  }
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new PermanentJobError('The store is not installed.');

  // A passing failure while the order is on its way shows it as retrying; the job runs again.
  const passing = async (err: unknown): Promise<never> => {
    const error = toJobError(err);
    if (error instanceof PassingFailureJobError && known && (known.state === 'queued' || known.state === 'retrying')) {
      await log('warn', 'BigCommerce is unavailable; will retry.', err instanceof Error ? err.message : String(err));
      await s.orders.setState(storeHash, orderId, { state: 'retrying', lastError: error.merchantMessage, attempts: job.attempts }, s.clock.now());
    }
    throw error;
  };

  let order: BcOrder;
  try {
    order = await getOrderWithConsignments(client, orderId);
  } catch (err) {
    if (err instanceof BigCommerceApiError && err.status === 404) {
      if (known?.sendStartedAt != null) {
        const alert = mayBeAtWarehouseAlert('Deleted');
        if (known.alert !== alert) {
          await s.orders.setCancellation(
            storeHash,
            orderId,
            { source: 'bigcommerce', outcome: 'failed', message: 'The order no longer exists in BigCommerce.', alert },
            s.clock.now(),
          );
          await log('error', 'BigCommerce has no such order (deleted?); it may be at the warehouse', alert);
        }
        await settle('processed');
        return;
      }
      await log('warn', 'BigCommerce has no such order (deleted?); nothing to import.');
      await settle('ignored');
      return;
    }
    return passing(err);
  }

  // One decision, shared with the dry run (decide-order.ts): cancelled, flow off, not in the
  // import status, held or skipped by a rule, cannot be built, or the body to send. The mappings
  // it looked up (fallback included) also give the lines the order page shows.
  const rules = new RulesRepo(s.db);
  let decided: DecisionResult;
  try {
    decided = await decideOrder({
      storeHash,
      order,
      known,
      settings,
      rules: () => rules.forEvaluation(storeHash, s.clock.now()),
      customerGroup: (customerId) => customerGroupOf(s, client, customerId),
      mappings: (o) => savedMappings(s, storeHash, o),
      fallbackCode: () => rules.fallbackCode(storeHash),
    });
  } catch (err) {
    return passing(err);
  }
  const { decision, mappings, frozen } = decided;
  const { details, skuSearch } = orderDetailsOf(order, mappings, frozen);

  const shippingMethod = order.consignments?.shipping?.[0]?.shipping_method ?? null;
  const seen = {
    bcStatusId: order.status_id,
    bcStatus: labelOf(order) ?? (await statusLabel(s, storeHash, order.status_id)),
    customer: customerOf(order),
    orderDate: parseBcDate(order.date_created),
    shippingMethod,
    // Every consignment's method, so Settings lists each one an order can be held for.
    shippingMethods: mappingKeys(order).methods,
    email: order.billing_address?.email?.trim().slice(0, 255) || null, // the column's width
    details,
    skuSearch,
  };
  let row = await s.orders.upsertSeen(storeHash, orderId, seen, 'waiting', s.clock.now());

  const ruleOrders = new RuleOrdersRepo(s.db);
  if (row.ruleId !== null && decision.kind !== 'rule') {
    // What a rule decided before no longer applies: the order is on its way again, and the
    // branches below take it from there.
    if (row.state === 'held' || row.state === 'skipped') await log('info', 'No order rule holds it any more.');
    await ruleOrders.clear(storeHash, orderId, s.clock.now());
    row = (await s.orders.get(storeHash, orderId))!;
  }

  if (decision.kind === 'cancelled') {
    if (row.sendStartedAt !== null) {
      // Cancelled after a create that may have reached the warehouse: find out, and cancel it there.
      await cancelUnconfirmedSend(s, row, seen.bcStatus, settings.flows.cancellations);
      await settle('processed');
      return;
    }
    // Cancelled before it was sent: it is never sent.
    if (row.state !== 'cancelled') {
      await s.orders.setCancellation(
        storeHash,
        orderId,
        { source: 'bigcommerce', outcome: 'cancelled', message: 'Cancelled in BigCommerce before it was sent.', state: 'cancelled', alert: null },
        s.clock.now(),
      );
      await log('info', `Cancelled in BigCommerce ("${seen.bcStatus}") before it was sent: not sent.`);
    }
    await settle('processed');
    return;
  }

  if (decision.kind === 'flow_off') {
    if (!known || known.bcStatusId !== order.status_id) {
      await log(
        'info',
        row.sendStartedAt === null
          ? 'The Orders flow is off: not sent (it is when Orders is turned on).'
          : 'The Orders flow is off: not sent again (an earlier attempt may have reached the warehouse).',
      );
    }
    // Held until Orders is turned on (flow-catch-up.ts queues it then), not "on its way".
    if (row.state === 'queued' || row.state === 'retrying') await s.orders.setState(storeHash, orderId, { state: 'waiting' }, s.clock.now());
    await settle('ignored', 'The Orders flow is off.');
    return;
  }

  if (decision.kind === 'not_in_import_status') {
    // Out of the import status it is not sent: whatever held it or was retrying no longer applies.
    if (row.state !== 'waiting' && row.state !== 'cancelled') {
      await s.orders.setState(storeHash, orderId, { state: 'waiting', attentionReason: null, lastError: null }, s.clock.now());
    }
    if (!known || known.bcStatusId !== order.status_id) {
      await log(
        row.sendStartedAt === null ? 'info' : 'warn',
        row.sendStartedAt === null
          ? `Status is "${seen.bcStatus}", not the import status: not sent.`
          : `Status is "${seen.bcStatus}", not the import status: not sent again. An earlier attempt may have reached the warehouse; it is completed if the order returns to the import status, and cancelled there if the order is cancelled.`,
      );
    }
    await settle('ignored');
    return;
  }

  if (decision.kind === 'rule') {
    const { rule } = decision;
    if (rule.id === null) throw new Error('The import evaluated a rule that is not saved.');
    const state = rule.action === 'hold' ? 'held' : 'skipped';
    if (row.state !== state || row.ruleId !== rule.id) {
      await ruleOrders.apply(storeHash, orderId, rule.action, { id: rule.id, name: rule.name }, s.clock.now());
      await log('info', rule.action === 'hold' ? `Held by rule "${rule.name}".` : `Skipped by rule "${rule.name}": not sent.`);
    }
    await settle(rule.action === 'hold' ? 'processed' : 'ignored', rule.action === 'skip' ? `Skipped by rule "${rule.name}".` : null);
    return;
  }

  if (decision.kind === 'rules_unreadable' || decision.kind === 'cannot_build') {
    const reason = decision.reason;
    const attention = decision.kind === 'cannot_build' ? { code: decision.code, subject: decision.subject } : { code: 'other' as const };
    if (row.state !== 'needs_attention' || row.attentionReason !== reason) await log('warn', 'Needs attention', reason);
    await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason, attention }, s.clock.now());
    await settle('processed');
    return;
  }

  const body = decision.body;
  const backend = await s.fulfillment.forStore(storeHash);
  if (!backend) {
    const reason = NOT_CONNECTED_REASON;
    if (row.attentionReason !== reason) await log('warn', 'Needs attention', reason);
    await s.orders.setState(
      storeHash,
      orderId,
      { state: 'needs_attention', attentionReason: reason, lastError: reason, attention: { code: 'backend_not_connected' } },
      s.clock.now(),
    );
    await settle('processed');
    return;
  }

  // Held for something fixed in the app and found fixed by this sync (not by the requeue that
  // already said so, requeue-held.ts): the order page says why it goes out now.
  // A method now sent with the fallback code says so instead (once: the body is frozen at the send).
  const viaFallback = row.attentionCode === 'unmapped_shipping_method' && decision.fallback.some((u) => u.method === row.attentionSubject);
  const landed = row.state === 'needs_attention' && !viaFallback ? fixLandedMessage(row) : null;
  if (landed) await log('info', landed);
  for (const u of decision.fallback) await log('info', fallbackSentMessage(u));

  const afterAccept = settings.statusAfterAcceptId;
  const whenSent =
    afterAccept !== null && afterAccept !== order.status_id
      ? async (trx: Knex) => {
          // Only while the order still has the status it was sent in (status-after-accept.ts).
          await enqueueJob(s.jobs.queue, JOB.orderSetStatus, { storeHash, payload: { orderId, statusId: afterAccept, ifStatusId: order.status_id } }, trx);
        }
      : undefined;
  await sendOrder(s, backend, row, body, { attempt: job.attempts, whenSent });
  await settle('processed');
}

/**
 * The newest status the order's statusUpdated events named since it was last read or heard
 * (BigCommerce sends data.status.new_status_id), recorded with the store's label when it differs
 * from the one kept. "Seen at" is the event's arrival, so a later-arriving event still counts.
 */
async function recordHeardStatus(s: Pick<Collaborators, 'clock' | 'orderStatuses' | 'orders' | 'webhookEvents'>, o: OrderRow): Promise<void> {
  const heard = await s.webhookEvents.newestStatusHeard(o.storeHash, o.orderId, o.bcStatusSeenAt);
  if (!heard || heard.statusId === o.bcStatusId) return;
  await s.orders.recordStatus(o.storeHash, o.orderId, heard.statusId, await statusLabel(s, o.storeHash, heard.statusId), s.clock.now(), heard.receivedAt);
}
