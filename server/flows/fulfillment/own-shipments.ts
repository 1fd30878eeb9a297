// Which BigCommerce shipments a warehouse shipment already created. POST /v2/orders/{id}/shipments is
// not idempotent, and its answer can be lost (a timeout or 5xx after BigCommerce wrote it, a crash,
// the shutdown grace running out) while the shipment exists and has raised quantity_shipped. A
// retry that allocated against the unshipped quantities alone would then find nothing left (the
// shipment is failed although it is in BigCommerce), move an item to another address's line of the
// same SKU (a second, wrong shipment), or duplicate a partial one. So every shipment the app creates
// carries a marker line in its `comments` naming the warehouse shipment, and a retry adopts the
// marked ones and allocates as if their quantities were still unshipped: the same plan as the first
// attempt, of which only the addresses without a shipment are still to be written.
import { z } from 'zod';
import type { BcOrder, BcShipment } from '../../bigcommerce/index.js';

const MARKER_PREFIX = 'Fulfillment Bridge shipment ';

/** The line that identifies the app's shipment for one warehouse shipment (ids are at most 255 characters). */
export const shipmentMarker = (backendShipmentId: string): string => `${MARKER_PREFIX}${backendShipmentId}`;

/**
 * `comments` of a new shipment: the marker, then what the request already says (a tracking number
 * too long for tracking_number). Both are bounded (255 characters each in the warehouse contract),
 * far inside BigCommerce's 65,535.
 */
export const commentsWithMarker = (backendShipmentId: string, comments: string | undefined): string =>
  comments ? `${shipmentMarker(backendShipmentId)}\n${comments}` : shipmentMarker(backendShipmentId);

const lines = (comments: string) => comments.split(/\r?\n/).map((l) => l.trim());

// Only what adoption reads; BcShipment passes unknown fields through.
const shipmentSchema = z.looseObject({
  id: z.number(),
  order_address_id: z.coerce.number().optional().catch(undefined),
  tracking_number: z.string().nullable().optional().catch(undefined),
  comments: z.string().nullable().optional().catch(undefined),
  items: z
    .array(z.looseObject({ order_product_id: z.coerce.number(), quantity: z.coerce.number() }))
    .optional()
    .catch(undefined),
});

export interface OwnShipment {
  id: number;
  addressId: number;
  items: Array<{ order_product_id: number; quantity: number }>;
}

/** How a shipment written before markers existed is recognised: the same tracking number, or the same comments. */
export interface LegacyMatch {
  trackingNumber: string;
  comments: string | undefined;
}

/**
 * The BigCommerce shipments this warehouse shipment created: those carrying its marker, those already
 * recorded for it, and (written by a version without markers) unmarked ones with its tracking number.
 */
export function ownShipments(list: readonly BcShipment[], backendShipmentId: string, recordedIds: readonly number[], legacy: LegacyMatch): OwnShipment[] {
  const marker = shipmentMarker(backendShipmentId);
  const out: OwnShipment[] = [];
  for (const raw of list) {
    const parsed = shipmentSchema.safeParse(raw);
    const addressId = parsed.success ? parsed.data.order_address_id : undefined;
    if (!parsed.success || addressId === undefined) continue;
    const x = parsed.data;
    const commentLines = lines(x.comments ?? '');
    const marked = commentLines.some((l) => l.startsWith(MARKER_PREFIX));
    const ours =
      commentLines.includes(marker) ||
      recordedIds.includes(x.id) ||
      (!marked && legacy.trackingNumber !== '' && x.tracking_number === legacy.trackingNumber) ||
      (!marked && legacy.comments !== undefined && x.comments === legacy.comments);
    if (ours) out.push({ id: x.id, addressId, items: x.items ?? [] });
  }
  return out;
}

/**
 * The order as it was before these shipments: their quantities count as unshipped again, so
 * allocating the warehouse shipment gives the same lines as the attempt that created them.
 */
export function withOwnShipmentsUnshipped(order: BcOrder, own: readonly OwnShipment[]): BcOrder {
  if (own.length === 0) return order;
  const shippedByUs = new Map<number, number>();
  for (const s of own) for (const i of s.items) shippedByUs.set(i.order_product_id, (shippedByUs.get(i.order_product_id) ?? 0) + i.quantity);
  const shipping = (order.consignments?.shipping ?? []).map((c) => ({
    ...c,
    line_items: c.line_items.map((l) => {
      const back = shippedByUs.get(l.id) ?? 0;
      return back > 0 ? { ...l, quantity_shipped: Math.max(0, (l.quantity_shipped ?? 0) - back) } : l;
    }),
  }));
  return { ...order, consignments: { ...order.consignments, shipping } };
}
