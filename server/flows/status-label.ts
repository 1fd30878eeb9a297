// Timeline and Activity lines name an order status the way the merchant sees it: the store's own
// label (the copy the background refresh keeps, storage/order-statuses-repo.ts), else BigCommerce's
// default name, never a bare "#9". No BigCommerce call: log lines must not wait on the store's quota.
import { defaultStatusName } from '../bigcommerce/default-statuses.js';
import type { Collaborators } from '../collaborators.js';

export async function statusLabel(s: Pick<Collaborators, 'orderStatuses'>, storeHash: string, statusId: number): Promise<string> {
  let label: string | null = null;
  try {
    label = await s.orderStatuses.label(storeHash, statusId);
  } catch {
    // Only a name for a log line: the default name does.
  }
  return label ?? defaultStatusName(statusId) ?? `status ${statusId}`;
}

/** The label BigCommerce gave with an order it answered (custom_status is the merchant's own). */
export function labelOf(order: { custom_status?: string | null; status?: string | null }): string | null {
  return order.custom_status || order.status || null;
}
