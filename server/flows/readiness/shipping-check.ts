// Check (a): the shipping methods of recent orders, and which have no warehouse service. Reads at
// most MAX_RECENT_ORDERS orders of the last 30 days in one BigCommerce call, plus every method the
// app already saw on imported orders (orders.shipping_methods, migration 011) and the mappings.
import type { ReadinessCheck, ReadinessFinding } from '../../domain/readiness.js';
import type { BigCommerceClient } from '../../bigcommerce/index.js';
import { listRecentOrders } from '../../bigcommerce/recent-orders.js';
import type { MappingsRepo } from '../../storage/mappings-repo.js';
import { methodLabel, normaliseMappingKey } from '../../../shared/mapping-keys.js';
import { mapMethodPath } from '../order-import/remedy.js';
import { CHECK_TITLES, MAX_FINDINGS, count } from './checks.js';

export const RECENT_DAYS = 30;
/** One page of v2 orders: the scan's cost in calls stays one, whatever the store's volume. */
export const MAX_RECENT_ORDERS = 250;
const DAY_MS = 86_400_000;

export interface ShippingCheckDeps {
  client: BigCommerceClient;
  mappings: Pick<MappingsRepo, 'listShipping'>;
  /** The fallback service (issue 9 point 5): unmapped methods use it instead of holding orders. */
  fallbackCode(): Promise<string | null>;
}

export async function checkShippingMethods(d: ShippingCheckDeps, storeHash: string, now: number): Promise<ReadinessCheck> {
  const recent = await listRecentOrders(d.client, now - RECENT_DAYS * DAY_MS, MAX_RECENT_ORDERS);
  const recentUse = new Map<string, number>();
  for (const order of recent) {
    for (const method of new Set(order.methods.map(normaliseMappingKey))) recentUse.set(method, (recentUse.get(method) ?? 0) + 1);
  }
  const known = await d.mappings.listShipping(storeHash);
  const mapped = new Set(known.filter((m) => m.backendCode).map((m) => m.method));
  const seen = new Map(known.filter((m) => m.ordersSeen > 0).map((m) => [m.method, m.ordersSeen] as const));
  const methods = new Set([...recentUse.keys(), ...seen.keys()]);
  const base = { check: 'shipping_methods' as const, title: CHECK_TITLES.shipping_methods };
  if (methods.size === 0) {
    return {
      ...base,
      state: 'skipped',
      summary: `No orders in the last ${RECENT_DAYS} days and none imported yet, so there is no shipping method to check. An order whose method has no warehouse service is held until it is mapped.`,
      findings: [],
      findingsTotal: 0,
    };
  }
  const fallback = await d.fallbackCode();
  const unmapped = [...methods].filter((m) => !mapped.has(m)).sort((a, b) => (recentUse.get(b) ?? 0) - (recentUse.get(a) ?? 0) || a.localeCompare(b));
  const findings = unmapped.map((method): ReadinessFinding => {
    const label = methodLabel(method);
    const used = recentUse.get(method);
    const usage = used ? `Used by ${count(used, 'order')} in the last ${RECENT_DAYS} days.` : `Seen on ${count(seen.get(method) ?? 0, 'order')} the app imported.`;
    const effect = fallback
      ? `Orders with it are sent with the fallback service "${fallback}"; map it to choose its own.`
      : 'Orders with it are held until it is mapped to a warehouse service.';
    return {
      check: 'shipping_methods',
      severity: fallback ? 'warning' : 'blocker',
      subject: label,
      message: `${usage} ${effect}`,
      fix: { kind: 'link', label: `Map "${label}"`, path: mapMethodPath(method) },
    };
  });
  const capped = recent.length >= MAX_RECENT_ORDERS ? ` (the ${MAX_RECENT_ORDERS} most recent orders were read)` : '';
  const summary =
    unmapped.length === 0
      ? `${methods.size === 1 ? 'The shipping method' : `All ${count(methods.size, 'shipping method')}`} of recent orders ${methods.size === 1 ? 'has' : 'have'} a warehouse service${capped}.`
      : `${unmapped.length} of ${count(methods.size, 'shipping method')} ${unmapped.length === 1 ? 'has' : 'have'} no warehouse service${capped}.`;
  return { ...base, state: unmapped.length ? 'problems' : 'ok', summary, findings: findings.slice(0, MAX_FINDINGS), findingsTotal: findings.length };
}
