import type { BcOrder } from '../../bigcommerce/index.js';

export interface ShippedItem {
  sku: string;
  quantity: number;
  order_line_id?: number;
}

export interface Allocation {
  /** order_address_id → lines and quantities to ship there. */
  byAddress: Map<number, Array<{ order_product_id: number; quantity: number }>>;
  /** Items (or parts) that match no unshipped line. */
  unmatched: Array<{ sku: string; quantity: number }>;
}

/**
 * Matches the backend's shipped items to the order's lines: by order line id when given, else by
 * SKU, filling lines that still have unshipped quantity. `bcSkusFor` translates a backend SKU back
 * through the mappings (MappingsRepo.reverseSkuMap): the BigCommerce SKUs mapped to it, plus the
 * same name only when that SKU is not mapped away, so with a chain or a swap an item never fills
 * the line of a same-named SKU that ships as something else. Pure, so a retry allocates the same way.
 */
export function allocateShipment(order: BcOrder, items: ShippedItem[], bcSkusFor: (backendSku: string) => string[]): Allocation {
  const lines = (order.consignments?.shipping ?? []).flatMap((c) =>
    c.line_items.map((l) => ({
      id: l.id,
      sku: l.sku ?? '',
      addressId: l.order_address_id ?? c.id,
      remaining: Math.max(0, l.quantity - (l.quantity_shipped ?? 0)),
    })),
  );
  const byAddress = new Map<number, Array<{ order_product_id: number; quantity: number }>>();
  const unmatched: Allocation['unmatched'] = [];
  const take = (line: (typeof lines)[number], qty: number) => {
    line.remaining -= qty;
    const list = byAddress.get(line.addressId) ?? [];
    const existing = list.find((x) => x.order_product_id === line.id);
    if (existing) existing.quantity += qty;
    else list.push({ order_product_id: line.id, quantity: qty });
    byAddress.set(line.addressId, list);
  };
  for (const item of items) {
    let left = item.quantity;
    const skus = new Set(bcSkusFor(item.sku));
    const candidates = item.order_line_id !== undefined ? lines.filter((l) => l.id === item.order_line_id) : lines.filter((l) => skus.has(l.sku));
    for (const line of candidates) {
      if (left === 0) break;
      const qty = Math.min(left, line.remaining);
      if (qty > 0) {
        take(line, qty);
        left -= qty;
      }
    }
    if (left > 0) unmatched.push({ sku: item.sku, quantity: left });
  }
  return { byAddress, unmatched };
}
