// Orders held for something the merchant fixes in the app (a mapping, the warehouse connection)
// go out by themselves once it is fixed: every save that may fix one queues the held orders again
// (Settings › mappings, backend, import status). The ones whose fix is now in place become
// "queued" and their timeline says why they are sent now; the others are re-checked by the sync
// and keep their state (a mapping of another method must not make them look "on their way").
import type { Collaborators } from '../../collaborators.js';
import { methodLabel } from '../../../shared/mapping-keys.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { RuleOrdersRepo } from '../../storage/rule-orders-repo.js';
import { RulesRepo } from '../../storage/rules-repo.js';
import { enqueueShipmentRetries } from '../fulfillment/retry-shipment.js';
import { requeueOrderSyncs } from './requeue-syncs.js';

type Held = Pick<OrderRow, 'attentionCode' | 'attentionSubject'>;

/**
 * The timeline line for an order whose in-app fix landed (null: its reason has no such fix).
 * `fallback`: the fallback shipping code, when that (not a mapping) is what sends an unmapped method.
 */
export function fixLandedMessage(o: Held, fallback: string | null = null): string | null {
  switch (o.attentionCode) {
    case 'unmapped_shipping_method':
      return fallback
        ? `Fallback shipping method "${fallback}" saved: sending the order with it for "${methodLabel(o.attentionSubject ?? '')}".`
        : `Shipping method "${methodLabel(o.attentionSubject ?? '')}" mapped: sending the order.`;
    case 'unmapped_sku':
      return `SKU "${o.attentionSubject ?? ''}" mapped: sending the order again.`;
    case 'backend_not_connected':
      return 'Warehouse connected: sending the order.';
    default:
      return null;
  }
}

type Deps = Pick<Collaborators, 'db' | 'orders' | 'shipments' | 'jobs' | 'mappings' | 'fulfillment' | 'syncLog' | 'clock'>;

/**
 * Whether the in-app fix of each held order is now in place (mapping saved, warehouse connected);
 * `viaFallback`: the unmapped methods the fallback shipping code now sends.
 */
async function fixedNow(s: Deps, storeHash: string, held: Array<Held & { orderId: number }>, fallback: string | null): Promise<{ fixed: Set<number>; viaFallback: Set<number> }> {
  const fixed = new Set<number>();
  const viaFallback = new Set<number>();
  const methods = new Map<string, boolean>();
  const skus = new Set(held.filter((o) => o.attentionCode === 'unmapped_sku' && o.attentionSubject).map((o) => o.attentionSubject!));
  const mappedSkus = await s.mappings.skuMap(storeHash, [...skus]);
  let connected: boolean | undefined;
  for (const o of held) {
    if (o.attentionCode === 'unmapped_shipping_method') {
      const method = o.attentionSubject ?? '';
      if (!methods.has(method)) methods.set(method, (await s.mappings.shippingCode(storeHash, method)) !== undefined);
      if (methods.get(method)) fixed.add(o.orderId);
      else if (fallback) {
        fixed.add(o.orderId);
        viaFallback.add(o.orderId);
      }
    } else if (o.attentionCode === 'unmapped_sku') {
      if (o.attentionSubject && mappedSkus.has(o.attentionSubject)) fixed.add(o.orderId);
    } else if (o.attentionCode === 'backend_not_connected') {
      connected ??= (await s.fulfillment.forStore(storeHash)) !== undefined;
      if (connected) fixed.add(o.orderId);
    }
  }
  return { fixed, viaFallback };
}

/**
 * Re-checks the held orders after the merchant changed something that may fix them, and writes
 * their failed shipments to BigCommerce again (a SKU or carrier mapping may fix those).
 */
export async function requeueHeldOrders(s: Deps, storeHash: string): Promise<number> {
  const held = await s.orders.heldForFix(storeHash);
  const fallback = await new RulesRepo(s.db).fallbackCode(storeHash);
  const { fixed, viaFallback } = await fixedNow(s, storeHash, held, fallback);
  if (fixed.size > 0) {
    const now = s.clock.now();
    const queued = new Set(await s.orders.markQueued(storeHash, [...fixed], now, ['needs_attention', 'rejected']));
    for (const o of held) {
      const message = queued.has(o.orderId) ? fixLandedMessage(o, viaFallback.has(o.orderId) ? fallback : null) : null;
      if (message) await s.syncLog.append({ storeHash, orderId: o.orderId, flow: 'orders', message }, now);
    }
  }
  const ids = held.map((o) => o.orderId);
  await requeueOrderSyncs(s, storeHash, ids);
  await enqueueShipmentRetries(s, storeHash, await s.shipments.failedForOrders(storeHash, ids));
  return ids.length;
}

/**
 * A rule changed (saved, turned off, deleted, moved): the orders it held or skipped (every rule's:
 * 'all') are queued and decided again, and their timeline says why.
 */
export async function requeueRuleOrders(
  s: Pick<Collaborators, 'db' | 'jobs' | 'syncLog' | 'clock'>,
  storeHash: string,
  ruleIds: readonly number[] | 'all',
  why: string,
): Promise<number> {
  const now = s.clock.now();
  const ids = await new RuleOrdersRepo(s.db).requeue(storeHash, ruleIds, now);
  for (const orderId of ids) await s.syncLog.append({ storeHash, orderId, flow: 'orders', message: why }, now);
  return requeueOrderSyncs(s, storeHash, ids);
}
