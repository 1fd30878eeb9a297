// Order detail logic for shipments and cancellations. Pure (no DOM, no React).
import type { CancellationView, OrderFulfillmentDetail, ShipmentView } from '../../../../server/api/contract.js';

/** The shipments, cancellation and alert of GET /api/orders/:id, with safe defaults when a server does not send them. */
export function fulfillmentDetailOf(order: Partial<OrderFulfillmentDetail>): OrderFulfillmentDetail {
  const alert = typeof order.alert === 'string' && order.alert.trim() !== '' ? order.alert.trim() : null;
  const cancellation = typeof order.cancellation === 'object' && order.cancellation !== null ? order.cancellation : null;
  return {
    shipments: Array.isArray(order.shipments) ? sortShipments(order.shipments) : [],
    cancellation,
    alert,
  };
}

/** Oldest first (first parcel first); the same time keeps the warehouse's id order. */
export function sortShipments(shipments: readonly ShipmentView[]): ShipmentView[] {
  return [...shipments].sort((a, b) => {
    const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    if (!Number.isNaN(diff) && diff !== 0) return diff;
    return a.backendShipmentId.localeCompare(b.backendShipmentId, undefined, { numeric: true });
  });
}

/** Only http(s) links are rendered as links (never javascript: or data: from a backend). */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "UPS · Ground", "UPS", "Ground" or null. */
export function carrierServiceText(carrier: string | null, service: string | null): string | null {
  const parts = [carrier, service].map((part) => part?.trim() ?? '').filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** "ABC-1 × 2" per line item. */
export function shipmentItemLines(items: ShipmentView['items']): string[] {
  return items.map(({ sku, quantity }) => `${sku || 'No SKU'}\u00a0×\u00a0${quantity.toLocaleString('en-US')}`);
}

export function shipmentsSummary(shipments: readonly ShipmentView[]): string | null {
  const failed = shipments.filter((shipment) => shipment.state === 'failed').length;
  if (failed === 0) return null;
  return failed === 1
    ? 'One shipment couldn’t be written to BigCommerce. The error is shown with it below.'
    : `${failed} shipments couldn’t be written to BigCommerce. The errors are shown with them below.`;
}

/** Shipments written without something that did not fit BigCommerce (e.g. a tracking number over 50 characters). */
export function shipmentWarningsSummary(shipments: readonly ShipmentView[]): string | null {
  const warned = shipments.filter((shipment) => typeof shipment.warning === 'string' && shipment.warning.trim() !== '').length;
  if (warned === 0) return null;
  return warned === 1
    ? 'One shipment was written to BigCommerce without something BigCommerce doesn’t accept. What was left out is shown with it below.'
    : `${warned} shipments were written to BigCommerce without something BigCommerce doesn’t accept. What was left out is shown with them below.`;
}

/** Retry is offered while a shipment is failed, whatever the order's state. */
export const hasFailedShipments = (shipments: readonly ShipmentView[]): boolean => shipments.some((shipment) => shipment.state === 'failed');

/**
 * Retry is offered where it can help: an order that needs attention or failed, a failed shipment,
 * or an alert on a sent order (Retry re-reads its status and passes on a missed cancellation).
 */
export const offersRetry = (orderRetryable: boolean, detail: Pick<OrderFulfillmentDetail, 'shipments' | 'alert'>): boolean =>
  orderRetryable || hasFailedShipments(detail.shipments) || detail.alert !== null;

/** The confirmation after Retry: what was queued again (failed shipments, or the order itself). */
export function retryQueuedMessage(shipments: readonly ShipmentView[]): { header: string; text: string } {
  const failed = shipments.filter((shipment) => shipment.state === 'failed').length;
  if (failed === 0) return { header: 'Order queued again', text: 'It is sent to your warehouse within seconds. This page updates by itself.' };
  return {
    header: failed === 1 ? 'Shipment queued again' : 'Shipments queued again',
    text: `${failed === 1 ? 'The failed shipment is' : `The ${failed} failed shipments are`} written to BigCommerce again within seconds. This page updates by itself.`,
  };
}

export function cancellationSourceLabel(source: string): string {
  if (source === 'bigcommerce') return 'BigCommerce';
  if (source === 'warehouse') return 'Your warehouse';
  return source;
}

const FROM_BIGCOMMERCE: Record<CancellationView['outcome'], string> = {
  pending: 'Cancelled in BigCommerce. Fulfillment Bridge is asking your warehouse to cancel it too.',
  cancelled: 'Cancelled in BigCommerce and at your warehouse. Nothing will ship.',
  too_late: 'Cancelled in BigCommerce, but your warehouse had already shipped it. Contact the customer or arrange a return.',
  rejected: 'Cancelled in BigCommerce, but your warehouse refused to cancel it. Contact your warehouse before it ships.',
  failed: 'Cancelled in BigCommerce, but the cancellation couldn’t be sent to your warehouse. Contact your warehouse to stop the shipment.',
};

const FROM_WAREHOUSE: Record<CancellationView['outcome'], string> = {
  pending: 'Your warehouse cancelled this order. BigCommerce is being updated.',
  cancelled: 'Your warehouse cancelled this order. It will not ship.',
  too_late: 'Your warehouse reported a cancellation after the order had shipped.',
  rejected: 'Your warehouse rejected this order. It will not ship.',
  failed: 'Your warehouse cancelled or rejected this order, but its status in BigCommerce couldn’t be updated.',
};

/** One sentence: what happened and what (if anything) the merchant should do. */
export function cancellationSummary(cancellation: Pick<CancellationView, 'source' | 'outcome'>): string {
  const table = cancellation.source === 'warehouse' ? FROM_WAREHOUSE : FROM_BIGCOMMERCE;
  return Object.prototype.hasOwnProperty.call(table, cancellation.outcome)
    ? table[cancellation.outcome]
    : `${cancellationSourceLabel(cancellation.source)} reported a cancellation.`;
}
