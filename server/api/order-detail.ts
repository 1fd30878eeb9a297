import { NotFoundError } from '../errors.js';
import { remedyOf, retryHelps } from '../flows/order-import/remedy.js';
import type { Collaborators } from '../collaborators.js';
import { toSummary, type OrderRow } from '../storage/orders-repo.js';
import { toShipmentView } from '../storage/shipments-repo.js';
import type { OrderDetail, OrderFulfillmentDetail } from './contract.js';

/**
 * The order in the BigCommerce control panel. The store's control panel lives at
 * `https://store-{store_hash}.mybigcommerce.com` (the `control_panel_base_url` of GET /v2/store,
 * ../shared/bigcommerce-api/bigcommerce-docs/reference/store_information.v2.yml) and shows an
 * order at `/manage/orders/{id}`, the path the control panel's own order pages use.
 */
export function controlPanelOrderUrl(storeHash: string, orderId: number): string {
  return `https://store-${encodeURIComponent(storeHash)}.mybigcommerce.com/manage/orders/${orderId}`;
}

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/**
 * Whether Retry can help: the order's own state says so (remedy.ts), or a shipment BigCommerce
 * refused can be written again.
 */
export const canRetryOrder = (o: OrderRow, failedShipments: number) => retryHelps(o) || failedShipments > 0;

/** GET /api/orders/:id: everything from the database, no BigCommerce call. */
export async function orderDetail(s: Pick<Collaborators, 'orders' | 'shipments' | 'syncLog'>, storeHash: string, orderId: number): Promise<OrderDetail & OrderFulfillmentDetail> {
  const o = await s.orders.get(storeHash, orderId);
  if (!o) throw new NotFoundError(`Order #${orderId} has not been seen by the app.`);
  const shipments = (await s.shipments.forOrder(storeHash, orderId)).map(toShipmentView);
  const cancellation = o.cancellation ? { ...o.cancellation, at: new Date(o.cancellation.at).toISOString() } : null;
  return {
    ...toSummary(o),
    attentionReason: o.attentionReason,
    remedy: remedyOf(o),
    canRetry: canRetryOrder(o, shipments.filter((x) => x.state === 'failed').length),
    bcStatusId: o.bcStatusId,
    bcStatusSeenAt: iso(o.bcStatusSeenAt),
    controlPanelUrl: controlPanelOrderUrl(storeHash, orderId),
    lines: o.details?.lines ?? [],
    shipTo: o.details?.shipTo ?? [],
    payloadSent: o.payloadSent,
    timeline: await s.syncLog.timeline(storeHash, orderId),
    shipments,
    cancellation,
    alert: o.alert,
  };
}
