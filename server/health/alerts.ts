import type { Alert } from '../domain/alerts.js';
import type { Collaborators } from '../collaborators.js';
import { TOKEN_UNREADABLE_REASON } from '../storage/secret-health.js';
import { readHealthFacts, type HealthFacts } from './facts.js';
import { clockTime, count, iso } from './time-words.js';
import { warehouseHealth } from './warehouse.js';
import { subscriptionProblems } from './webhook-subscriptions.js';

// The problems the banner on every page shows and the e-mails report (issue 8 point 8): one entry
// per open problem, with a key that stays the same while the problem lasts.

/** A quota that ran out this recently is still worth saying. */
export const QUOTA_ALERT_MS = 5 * 60_000;
/** How long "Webhooks deactivated — repaired" stays up after a repair. */
export const REPAIRED_NOTICE_MS = 24 * 60 * 60_000;

export const ORDERS_ATTENTION_PATH = '/orders?state=attention';

/** Where orders with a cancellation alert are: the order itself when there is one, else the list of them. */
export function alertOrdersPath(a: HealthFacts['alertOrders']): string {
  return a.count === 1 && a.orderId !== null ? `/orders/${a.orderId}` : '/orders?alert=1';
}

const SEVERITY_ORDER: Record<Alert['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** The store's open problems, most severe first. Reads the database only (a few indexed queries). */
export async function listAlerts(s: Pick<Collaborators, 'db' | 'settings'>, storeHash: string, now: number): Promise<Alert[]> {
  return alertsFrom(await readHealthFacts(s, storeHash, now));
}

export function alertsFrom(f: HealthFacts): Alert[] {
  const out: Alert[] = [];
  const at = (ms: number) => clockTime(ms, f.now);

  if (f.store?.needsReauth) {
    out.push({
      kind: 'token_invalid',
      key: 'token_invalid',
      severity: 'critical',
      message:
        f.store.reauthReason === 'token_unreadable'
          ? `${TOKEN_UNREADABLE_REASON} The store owner must reinstall the app.`
          : 'BigCommerce no longer accepts the app’s access — the store owner must reinstall the app.',
      since: null,
      action: null,
    });
  }

  const warehouse = warehouseHealth(f.settings, f.calls);
  const waiting = f.orders.queued.count + f.orders.retrying.count;
  const waitingText = waiting > 0 ? ` — ${count(waiting, 'order', 'orders')} waiting` : '';
  if ((warehouse.state === 'unreachable' || warehouse.state === 'refused') && f.calls.failingSince !== null) {
    const unreachable = warehouse.state === 'unreachable';
    out.push({
      kind: unreachable ? 'warehouse_unreachable' : 'warehouse_refused',
      key: unreachable ? 'warehouse_unreachable' : 'warehouse_refused',
      severity: 'critical',
      message: unreachable
        ? `Warehouse unreachable since ${at(f.calls.failingSince)}${waitingText}`
        : `Warehouse refused the saved API key since ${at(f.calls.failingSince)}${waitingText}`,
      since: iso(f.calls.failingSince),
      action: { label: unreachable ? 'Check the warehouse connection' : 'Update the API key', path: '/settings' },
    });
  }

  const { failed } = f.orders;
  if (failed.count > 0) {
    out.push({
      kind: 'orders_failed',
      key: 'orders_failed',
      severity: 'critical',
      message: `${count(failed.count, 'order', 'orders')} failed after every retry`,
      since: iso(failed.since),
      action: { label: 'Review failed orders', path: '/orders?state=failed' },
    });
  }

  // Orders an order rule holds are counted too: each waits for a person to release it.
  const held = f.orders.needs_attention.count + f.orders.held.count + f.orders.rejected.count;
  if (held > 0) {
    out.push({
      kind: 'orders_need_attention',
      key: 'orders_need_attention',
      severity: 'warning',
      message: `${count(held, 'order needs', 'orders need')} attention`,
      since: iso(minOf(minOf(f.orders.needs_attention.since, f.orders.held.since), f.orders.rejected.since)),
      action: { label: 'Review orders', path: ORDERS_ATTENTION_PATH },
    });
  }

  if (f.failedShipments.count > 0) {
    out.push({
      kind: 'shipments_failed',
      key: 'shipments_failed',
      severity: 'warning',
      message: `${count(f.failedShipments.count, 'shipment', 'shipments')} could not be written to BigCommerce`,
      since: iso(f.failedShipments.since),
      action: { label: 'Review orders', path: ORDERS_ATTENTION_PATH },
    });
  }

  if (f.alertOrders.count > 0) {
    out.push({
      kind: 'cancellation_alerts',
      key: 'cancellation_alerts',
      severity: 'warning',
      message: `${count(f.alertOrders.count, 'order has', 'orders have')} a cancellation problem`,
      since: iso(f.alertOrders.since),
      action: { label: f.alertOrders.count === 1 ? `Open order #${f.alertOrders.orderId}` : 'Review orders', path: alertOrdersPath(f.alertOrders) },
    });
  }

  const hooks = subscriptionProblems(f.settings.flows, f.subscriptions);
  if (hooks.broken.length > 0 && !f.store?.needsReauth) {
    out.push({
      kind: 'webhooks_deactivated',
      key: 'webhooks_deactivated',
      severity: 'warning',
      message: `${hooks.inactive > 0 ? 'Webhooks deactivated' : 'Webhooks missing'} — new orders reach the app late until they are repaired`,
      since: iso(hooks.checkedAt),
      action: { label: 'Repair webhooks', path: '/' },
    });
  } else if (hooks.repairedAt !== null && f.now - hooks.repairedAt < REPAIRED_NOTICE_MS) {
    out.push({
      kind: 'webhooks_deactivated',
      key: 'webhooks_repaired',
      severity: 'info',
      message: `Webhooks deactivated — repaired at ${at(hooks.repairedAt)}`,
      since: iso(hooks.repairedAt),
      action: null,
    });
  }

  if (f.quota?.exhaustedAt != null && f.now - f.quota.exhaustedAt < QUOTA_ALERT_MS) {
    out.push({
      kind: 'quota_exhausted',
      key: 'quota_exhausted',
      severity: 'warning',
      message: `BigCommerce API limit reached at ${at(f.quota.exhaustedAt)} — updates wait for the next window`,
      since: iso(f.quota.exhaustedAt),
      action: null,
    });
  }

  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
