// What the order page shows of an order (issue 8 point 5) without asking BigCommerce per page view:
// line items and ship-to consignments, captured from the read the sync makes anyway and stored
// with the same upsert (orders.details, orders.sku_search, orders.customer_email).
import type { OrderLine, ShipTo } from '../../domain/orders.js';
import type { BcOrder, BcShippingConsignment } from '../../bigcommerce/index.js';
import type { FulfillmentOrderInput } from '../../fulfillment/index.js';
import { normaliseMappingKey } from '../../../shared/mapping-keys.js';
import type { OrderDetails } from '../../storage/orders-repo.js';
import type { Mappings } from './build-order.js';
import { snapshotOf } from '../fulfillment/order-snapshot.js';
import { sentSkuTexts, targetText } from './warehouse-sku-text.js';

const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

function addressLines(c: BcShippingConsignment): string[] {
  const cityLine = [blankToNull(c.city), [blankToNull(c.state), blankToNull(c.zip)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [blankToNull(c.street_1), blankToNull(c.street_2), cityLine || null, blankToNull(c.country) ?? blankToNull(c.country_iso2)].filter((l): l is string => l !== null);
}

/**
 * Lines and ship-to of a BigCommerce order. Warehouse SKUs and methods come from the body sent
 * (or frozen for sending) when there is one, since that is what the warehouse has; otherwise from
 * the mappings when the caller looked them up; otherwise they are unknown (null).
 */
export function orderDetailsOf(order: BcOrder, m: Mappings | null, sent: FulfillmentOrderInput | null): { details: OrderDetails; skuSearch: string } {
  const consignments = order.consignments?.shipping ?? [];
  const sentMethods = new Map<number, string>();
  for (const shipment of sent?.shipments ?? []) sentMethods.set(shipment.consignment_id, shipment.shipping_method);
  // A bundle line is several warehouse lines: shown as "MUG-1 × 1, TEA-3 × 2" (warehouse-sku-text.ts).
  const sentLines = sentSkuTexts(sent, new Map(consignments.flatMap((c) => c.line_items.map((l) => [l.id, l.quantity] as const))));

  const lines: OrderLine[] = [];
  const shipTo: ShipTo[] = [];
  for (const c of consignments) {
    for (const l of c.line_items) {
      const bcSku = normaliseMappingKey(l.sku);
      const mapped = bcSku === '' ? null : m ? targetText(m.sku.get(bcSku) ?? bcSku) : null;
      lines.push({
        id: l.id,
        name: l.name ?? bcSku,
        bcSku,
        warehouseSku: sent ? (sentLines.get(l.id) ?? null) : mapped,
        quantity: l.quantity,
        quantityShipped: l.quantity_shipped ?? 0,
      });
    }
    const method = normaliseMappingKey(c.shipping_method);
    shipTo.push({
      consignmentId: c.id,
      name: [c.first_name, c.last_name].filter((p) => p && p.trim() !== '').join(' '),
      company: blankToNull(c.company),
      lines: addressLines(c),
      email: blankToNull(c.email),
      phone: blankToNull(c.phone),
      shippingMethod: blankToNull(c.shipping_method),
      mappedMethod: sent ? (sentMethods.get(c.id) ?? null) : (m?.shipping.get(method) ?? null),
      lineIds: c.line_items.map((l) => l.id),
    });
  }
  const skus = new Set<string>();
  for (const l of lines) {
    for (const sku of [l.bcSku, l.warehouseSku]) if (sku) skus.add(sku.toLowerCase());
  }
  return { details: { lines, shipTo, consignments: snapshotOf(order) }, skuSearch: [...skus].join(' ') };
}

/** Quantities shipped as BigCommerce now says, over the lines already kept (after a shipment is written). */
export function withShippedQuantities(details: OrderDetails, order: BcOrder): OrderDetails {
  const shipped = new Map<number, number>();
  for (const c of order.consignments?.shipping ?? []) for (const l of c.line_items) shipped.set(l.id, l.quantity_shipped ?? 0);
  return { ...details, lines: details.lines.map((l) => (shipped.has(l.id) ? { ...l, quantityShipped: shipped.get(l.id)! } : l)) };
}
