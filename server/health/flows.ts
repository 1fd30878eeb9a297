import type { FlowName } from '../domain/flows.js';
import type { FlowHealth, FlowHealthState, ProblemLink, WarehouseHealth } from '../domain/health.js';
import { alertOrdersPath, ORDERS_ATTENTION_PATH } from './alerts.js';
import type { HealthFacts } from './facts.js';
import type { FlowCounts } from './flow-counts.js';
import { clockTime, count, iso } from './time-words.js';
import type { SubscriptionProblems } from './webhook-subscriptions.js';

// One row per flow: on/off, healthy / degraded / failing with the reason in merchant words, the
// last success, counts, and links to the lists that show the open problems. Pure: the facts are read
// elsewhere (facts.ts, flow-counts.ts).

export interface FlowInputs {
  facts: HealthFacts;
  warehouse: WarehouseHealth;
  counts: Record<FlowName, FlowCounts>;
  skippedLevels: number;
  hooks: SubscriptionProblems;
}

const TITLES: Record<FlowName, { title: string; countLabel: string }> = {
  orders: { title: 'Orders', countLabel: 'orders sent' },
  fulfillment: { title: 'Shipments and tracking', countLabel: 'shipments written' },
  inventory: { title: 'Inventory', countLabel: 'stock updates' },
  cancellations: { title: 'Cancellations', countLabel: 'cancellations' },
};

export const FLOW_ORDER: readonly FlowName[] = ['orders', 'fulfillment', 'inventory', 'cancellations'];

/** Why nothing can work right now, for a flow that needs the warehouse (null: it can). */
function warehouseBlocker(w: WarehouseHealth, now: number): string | null {
  const since = w.failingSince ? clockTime(Date.parse(w.failingSince), now) : null;
  switch (w.state) {
    case 'not_connected':
      return 'No warehouse is connected: connect it in Settings';
    case 'unreachable':
      return since ? `The warehouse has not answered since ${since}` : 'The warehouse is not answering';
    case 'refused':
      return since ? `The warehouse has refused the saved API key since ${since}` : 'The warehouse refuses the saved API key';
    case 'ok':
      return null;
  }
}

export function flowHealths(x: FlowInputs): FlowHealth[] {
  return FLOW_ORDER.map((flow) => flowHealth(flow, x));
}

function flowHealth(flow: FlowName, x: FlowInputs): FlowHealth {
  const { facts } = x;
  const enabled = facts.settings.flows[flow];
  const problems = problemsOf(flow, x);
  const counts = x.counts[flow];
  let health: FlowHealthState = 'healthy';
  let reason: string | null = null;
  if (!enabled) {
    health = 'off';
  } else {
    const failing = failingReason(flow, x);
    if (failing) {
      health = 'failing';
      reason = failing;
    } else {
      const degraded = degradedReasons(flow, x, problems);
      if (degraded.length > 0) {
        health = 'degraded';
        reason = degraded.join('; ');
      }
    }
  }
  return {
    flow,
    ...TITLES[flow],
    enabled,
    health,
    reason,
    lastSuccessAt: iso(counts.lastSuccessAt),
    today: counts.today,
    last7Days: counts.last7Days,
    problems,
  };
}

function failingReason(flow: FlowName, x: FlowInputs): string | null {
  if (x.facts.store?.needsReauth) return 'BigCommerce no longer accepts the app’s access: the store owner must reinstall the app';
  const blocker = warehouseBlocker(x.warehouse, x.facts.now);
  // Orders and cancellations call the warehouse; shipments and stock levels do only when polled
  // (pushed, they arrive from the warehouse by themselves).
  const callsWarehouse = flow === 'orders' || flow === 'cancellations' || x.facts.settings.syncMode === 'poll' || x.warehouse.state === 'not_connected';
  return callsWarehouse ? blocker : null;
}

function degradedReasons(flow: FlowName, x: FlowInputs, problems: ProblemLink[]): string[] {
  const reasons = problems.map((p) => p.label);
  // Order events arrive late (the reconciliation every few minutes) while their webhooks are down.
  const needsHooks = flow === 'orders' || flow === 'cancellations';
  if (needsHooks && x.hooks.broken.length > 0) reasons.push(x.hooks.inactive > 0 ? 'Order webhooks deactivated: repair them below' : 'Order webhooks missing: repair them below');
  return reasons;
}

function problemsOf(flow: FlowName, x: FlowInputs): ProblemLink[] {
  const { orders, failedShipments, alertOrders } = x.facts;
  const links: ProblemLink[] = [];
  const add = (n: number, label: string, path: string) => {
    if (n > 0) links.push({ label, count: n, path });
  };
  switch (flow) {
    case 'orders': {
      const attention = orders.needs_attention.count + orders.held.count + orders.rejected.count + orders.failed.count;
      add(attention, `${count(attention, 'order needs', 'orders need')} attention`, ORDERS_ATTENTION_PATH);
      add(orders.retrying.count, `${count(orders.retrying.count, 'order', 'orders')} retrying`, '/orders?state=retrying');
      break;
    }
    case 'fulfillment':
      add(failedShipments.count, `${count(failedShipments.count, 'shipment', 'shipments')} not written to BigCommerce`, ORDERS_ATTENTION_PATH);
      break;
    case 'inventory':
      add(x.skippedLevels, `${count(x.skippedLevels, 'stock level', 'stock levels')} skipped`, '/inventory?status=skipped');
      break;
    case 'cancellations': {
      add(alertOrders.count, `${count(alertOrders.count, 'order has', 'orders have')} a cancellation problem`, alertOrdersPath(alertOrders));
      break;
    }
  }
  return links;
}
