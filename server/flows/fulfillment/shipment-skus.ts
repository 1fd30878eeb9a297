// What allocateShipment needs to lead a backend shipment's items back to the order's lines
// (allocate.ts): the reverse SKU mappings, which lines are bundles and of what, and the items of
// the order's earlier backend shipments (the parts of a bundle set they brought).
import type { Collaborators } from '../../collaborators.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { isBundle, type SkuComponent } from '../../domain/sku-components.js';
import type { ShipmentSkus, ShippedItem } from './allocate.js';

type SentLines = Map<number, Array<{ sku: string; quantity: number }>>;

/** Order line id → the warehouse lines the order was sent with (the body kept when it was sent). */
export function sentLinesOf(body: unknown): SentLines {
  const out: SentLines = new Map();
  const shipments = (body as { shipments?: unknown } | null)?.shipments;
  if (!Array.isArray(shipments)) return out;
  for (const sh of shipments) {
    const lines = (sh as { lines?: unknown }).lines;
    if (!Array.isArray(lines)) continue;
    for (const l of lines as Array<{ sku?: unknown; quantity?: unknown; order_line_id?: unknown }>) {
      if (typeof l.sku !== 'string' || typeof l.quantity !== 'number' || typeof l.order_line_id !== 'number') continue;
      out.set(l.order_line_id, [...(out.get(l.order_line_id) ?? []), { sku: l.sku, quantity: l.quantity }]);
    }
  }
  return out;
}

/**
 * A line's bundle: what it was sent as when the body is kept (a mapping edited since does not
 * change what the warehouse has), else what its mapping says now.
 */
export function bundleResolver(sent: SentLines, mapped: ReadonlyMap<string, string | readonly SkuComponent[]>): ShipmentSkus['bundleOf'] {
  return (line) => {
    const lines = sent.get(line.id);
    if (lines && line.quantity > 0) {
      const perUnit = lines.map((l) => ({ sku: l.sku, quantity: l.quantity / line.quantity }));
      if (perUnit.every((c) => Number.isInteger(c.quantity) && c.quantity > 0)) return isBundle(perUnit) ? perUnit : undefined;
    }
    const target = mapped.get(line.sku);
    return target !== undefined && typeof target !== 'string' && target.length > 0 && isBundle(target) ? target : undefined;
  };
}

/** The other backend shipments of the order received before `shipmentId` (by arrival, then id). */
export function earlierItems(rows: ReadonlyArray<{ backendShipmentId: string; createdAt: number; items: ShippedItem[] }>, shipmentId: string): ShippedItem[] {
  const me = rows.find((r) => r.backendShipmentId === shipmentId);
  const before = (r: (typeof rows)[number]) => !me || r.createdAt < me.createdAt || (r.createdAt === me.createdAt && r.backendShipmentId < me.backendShipmentId);
  return rows.filter((r) => r.backendShipmentId !== shipmentId && before(r)).flatMap((r) => r.items);
}

/** Everything allocateShipment needs for shipment `shipmentId` of the order `known`. */
export async function shipmentSkus(
  s: Pick<Collaborators, 'mappings' | 'shipments'>,
  known: Pick<OrderRow, 'storeHash' | 'orderId' | 'payloadSent' | 'sendBody' | 'details'>,
  shipmentId: string,
  items: readonly ShippedItem[],
): Promise<ShipmentSkus> {
  const bcSkusFor = await s.mappings.reverseSkuMap(
    known.storeHash,
    items.map((i) => i.sku),
  );
  const sent = sentLinesOf(known.payloadSent ?? known.sendBody);
  const bcSkus = [...new Set((known.details?.lines ?? []).map((l) => l.bcSku).filter((sku) => sku !== ''))];
  const mapped = bcSkus.length ? await s.mappings.skuMap(known.storeHash, bcSkus) : new Map<string, string>();
  const bundleOf = bundleResolver(sent, mapped);
  // Earlier shipments matter only to bundle lines (an order kept without its lines is read anyway).
  const anyBundle = known.details ? known.details.lines.some((l) => bundleOf({ id: l.id, sku: l.bcSku, quantity: l.quantity }) !== undefined) : true;
  const earlier = anyBundle ? earlierItems(await s.shipments.forOrder(known.storeHash, known.orderId), shipmentId) : [];
  return { bcSkusFor, bundleOf, earlier };
}
