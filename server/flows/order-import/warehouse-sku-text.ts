// The order page's "Warehouse SKU" of a BigCommerce line (issue 9 point 6): the one SKU it is sent
// as, or a bundle's components per unit ("MUG-1 × 1, TEA-3 × 2").
import type { FulfillmentOrderInput } from '../../fulfillment/index.js';
import { componentsText, isBundle, type SkuComponent } from '../../domain/sku-components.js';

/** What a mapping says a BigCommerce SKU is sent as (a plain mapping's SKU, a bundle's parts). */
export function targetText(target: string | readonly SkuComponent[]): string {
  return typeof target === 'string' ? target : isBundle(target) ? componentsText(target) : (target[0]?.sku ?? '');
}

/**
 * Order line id → what its warehouse lines in a sent body say: the SKU, or for a bundle each
 * component with its quantity per bundle unit (the line's quantity divided out).
 */
export function sentSkuTexts(sent: FulfillmentOrderInput | null, lineQuantity: ReadonlyMap<number, number>): Map<number, string> {
  const parts = new Map<number, SkuComponent[]>();
  for (const shipment of sent?.shipments ?? []) {
    for (const l of shipment.lines) parts.set(l.order_line_id, [...(parts.get(l.order_line_id) ?? []), { sku: l.sku, quantity: l.quantity }]);
  }
  const out = new Map<number, string>();
  for (const [id, lines] of parts) {
    const ordered = lineQuantity.get(id) ?? 0;
    if (lines.length === 1 && (ordered === 0 || lines[0]!.quantity === ordered)) {
      out.set(id, lines[0]!.sku);
      continue;
    }
    out.set(id, componentsText(lines.map((p) => ({ sku: p.sku, quantity: ordered > 0 && p.quantity % ordered === 0 ? p.quantity / ordered : p.quantity }))));
  }
  return out;
}
