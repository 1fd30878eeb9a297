// Words and badges for the Overview's health: flows, warehouse, BigCommerce, backlog. Pure (no DOM,
// no React) so they can be unit-tested.
import type { ApiQuotaView, BacklogView, BigCommerceHealth, FlowHealth, FlowHealthState, WarehouseHealth, WebhookSubscriptionHealth } from '../../../../server/api/contract.js';
import type { BadgeDescriptor } from '../../lib/badges.js';
import { humanize } from '../../lib/badges.js';
import { plural } from '../../lib/text.js';

/** The Overview asks again this often (the alerts banner has its own poll). */
export const OVERVIEW_POLL_MS = 10_000;

const FLOW_BADGES: Record<FlowHealthState, BadgeDescriptor> = {
  healthy: { label: 'Healthy', variant: 'success' },
  degraded: { label: 'Degraded', variant: 'warning' },
  failing: { label: 'Failing', variant: 'danger' },
  off: { label: 'Off', variant: 'secondary' },
};

export function flowHealthBadge(state: string): BadgeDescriptor {
  return FLOW_BADGES[state as FlowHealthState] ?? { label: humanize(state), variant: 'secondary' };
}

/** Singular and plural of what each flow counts ("1 order sent", "2 orders sent"). */
const COUNT_WORDS: Record<string, [string, string]> = {
  orders: ['order sent', 'orders sent'],
  fulfillment: ['shipment written', 'shipments written'],
  inventory: ['stock update', 'stock updates'],
  cancellations: ['cancellation', 'cancellations'],
};

export function flowCountText(flow: Pick<FlowHealth, 'flow' | 'countLabel'>, count: number): string {
  const [one, many] = COUNT_WORDS[flow.flow] ?? [flow.countLabel, flow.countLabel];
  return plural(count, one, many);
}

const WAREHOUSE_BADGES: Record<WarehouseHealth['state'], BadgeDescriptor> = {
  ok: { label: 'Connected', variant: 'success' },
  unreachable: { label: 'Unreachable', variant: 'danger' },
  refused: { label: 'Key refused', variant: 'danger' },
  not_connected: { label: 'Not connected', variant: 'secondary' },
};

export function warehouseBadge(state: string): BadgeDescriptor {
  return WAREHOUSE_BADGES[state as WarehouseHealth['state']] ?? { label: humanize(state), variant: 'secondary' };
}

/** What the state means, in a sentence. */
export function warehouseSummary(w: WarehouseHealth): string {
  switch (w.state) {
    case 'ok':
      return w.lastOkAt ? 'The warehouse answered the app’s last call.' : 'Connected; the app has not called the warehouse yet.';
    case 'unreachable':
      return 'The app’s calls to the warehouse are failing. Orders wait and are sent again by themselves once it answers.';
    case 'refused':
      return 'The warehouse refuses the saved account id and API key. Orders wait until they are corrected in Settings.';
    case 'not_connected':
      return 'No warehouse account is connected yet: orders cannot be sent. Connect one in Settings.';
    default:
      return humanize(String(w.state));
  }
}

const SCOPE_NAMES: Record<string, string> = {
  'store/order/created': 'Order created',
  'store/order/statusUpdated': 'Order status changed',
  'store/order/updated': 'Order updated',
};

export function scopeName(scope: string): string {
  return SCOPE_NAMES[scope] ?? scope;
}

export function webhookBadge(w: Pick<WebhookSubscriptionHealth, 'present' | 'active'>): BadgeDescriptor {
  if (!w.present) return { label: 'Missing', variant: 'danger' };
  return w.active ? { label: 'Active', variant: 'success' } : { label: 'Deactivated', variant: 'danger' };
}

/** Whether "Repair webhooks" has something to repair (it is offered all the same). */
export function webhooksNeedRepair(bc: Pick<BigCommerceHealth, 'webhooks' | 'webhooksError'>): boolean {
  return bc.webhooksError !== null || bc.webhooks.some((w) => !w.present || !w.active);
}

/** "less than a minute", "about 1 minute", "about 3 minutes", "about 2 hours". */
export function aboutDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 90) return `about ${plural(minutes, 'minute')}`;
  return `about ${plural(Math.round(minutes / 60), 'hour')}`;
}

/** "142 jobs waiting (120 orders to send), done in about 3 minutes". */
export function backlogText(b: BacklogView, now: number): string {
  if (b.jobsWaiting === 0) return 'Nothing waiting: every job is done.';
  const orders = b.ordersQueued > 0 ? ` (${plural(b.ordersQueued, 'order')} to send)` : '';
  const doneAt = b.estimatedDoneAt ? Date.parse(b.estimatedDoneAt) : NaN;
  const eta = Number.isNaN(doneAt) ? '' : `, done in ${aboutDuration(Math.max(0, doneAt - now))}`;
  return `${plural(b.jobsWaiting, 'job')} waiting${orders}${eta}.`;
}

/** "API use: 120 of 150 requests in the last 30 s" (null: no BigCommerce answer seen yet). */
export function quotaText(q: ApiQuotaView | null): string | null {
  if (!q || q.quota === null || q.left === null) return null;
  const used = Math.max(0, q.quota - q.left);
  const window = q.windowMs ? ` in the last ${Math.round(q.windowMs / 1000)} s` : '';
  return `API use: ${used.toLocaleString('en-US')} of ${plural(q.quota, 'request')}${window}`;
}
