// The order as the shipment flow needs it, without asking BigCommerce again (issue 9 point 7).
//
// At import the order is read once with its consignments; what a shipment needs of it (each
// consignment's lines: quantities ordered, shipped, refunded, and the order address they ship to)
// is kept on the order row (orders.details.consignments). A shipment then allocates against that
// snapshot plus what the app's own shipments shipped since (ShipmentsRepo.shippedByApp), so an
// order's life costs one read, the status change after acceptance and the shipment POST.
// Whatever the snapshot cannot know (a shipment made by hand in the control panel, a refund) makes
// BigCommerce refuse a quantity: the flow then reads the order once and re-bases the snapshot.
import { orderSchema, type BcOrder } from '../../bigcommerce/orders.js';

export interface SnapshotLine {
  id: number;
  sku: string | null;
  quantity: number;
  /** Shipped by others than the app's own shipments (at import: everything shipped then). */
  quantity_shipped: number;
  quantity_refunded: number;
  order_address_id: number | null;
}

export interface SnapshotConsignment {
  id: number;
  line_items: SnapshotLine[];
}

/**
 * The consignments of a freshly read order. `shippedByApp` (line id → quantity) is subtracted, so
 * the snapshot keeps only what others shipped and the app's own shipments are counted once.
 */
export function snapshotOf(order: BcOrder, shippedByApp: ReadonlyMap<number, number> = new Map()): SnapshotConsignment[] {
  return (order.consignments?.shipping ?? []).map((c) => ({
    id: c.id,
    line_items: c.line_items.map((l) => ({
      id: l.id,
      sku: l.sku ?? null,
      quantity: l.quantity,
      quantity_shipped: Math.max(0, (l.quantity_shipped ?? 0) - (shippedByApp.get(l.id) ?? 0)),
      quantity_refunded: l.quantity_refunded ?? 0,
      order_address_id: l.order_address_id ?? null,
    })),
  }));
}

/** The order as BigCommerce should have it now: the snapshot plus the app's own shipments. */
export function orderFromSnapshot(orderId: number, snapshot: readonly SnapshotConsignment[], shippedByApp: ReadonlyMap<number, number>): BcOrder {
  return orderSchema.parse({
    id: orderId,
    status_id: 0,
    consignments: {
      shipping: snapshot.map((c) => ({
        id: c.id,
        line_items: c.line_items.map((l) => ({
          id: l.id,
          sku: l.sku,
          quantity: l.quantity,
          quantity_shipped: l.quantity_shipped + (shippedByApp.get(l.id) ?? 0),
          quantity_refunded: l.quantity_refunded,
          ...(l.order_address_id !== null ? { order_address_id: l.order_address_id } : {}),
        })),
      })),
    },
  });
}

/** A stored snapshot, or null when the row has none (imported before snapshots were kept) or it is damaged. */
export function readSnapshot(v: unknown): SnapshotConsignment[] | null {
  if (!Array.isArray(v)) return null;
  const ok = v.every(
    (c: unknown) => typeof c === 'object' && c !== null && Number.isInteger((c as SnapshotConsignment).id) && Array.isArray((c as SnapshotConsignment).line_items),
  );
  return ok ? (v as SnapshotConsignment[]) : null;
}
