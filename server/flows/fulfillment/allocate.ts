import type { BcOrder } from '../../bigcommerce/index.js';
import { normaliseMappingKey } from '../../../shared/mapping-keys.js';
import { componentsText, type SkuComponent } from '../../domain/sku-components.js';

export interface ShippedItem {
  sku: string;
  quantity: number;
  order_line_id?: number | undefined;
}

/** How the warehouse's SKUs lead back to the order's lines (shipment-skus.ts builds it). */
export interface ShipmentSkus {
  /** Backend SKU → the BigCommerce SKUs it stands for one-to-one (MappingsRepo.reverseSkuMap). */
  bcSkusFor(backendSku: string): string[];
  /** The components one unit of this order line was sent as, when it is a bundle line (issue 9 point 6). */
  bundleOf(line: { id: number; sku: string; quantity: number }): readonly SkuComponent[] | undefined;
  /** Items of the order's other backend shipments that came before this one: their parts of a bundle count. */
  earlier: readonly ShippedItem[];
}

/** A bundle line this shipment added parts to without completing a set: it waits for the rest. */
export interface BundleWait {
  orderProductId: number;
  bcSku: string;
  /** What the next set still needs. */
  missing: SkuComponent[];
}

export interface Allocation {
  /** order_address_id → lines and quantities to ship there. */
  byAddress: Map<number, Array<{ order_product_id: number; quantity: number }>>;
  /** Items (or parts) that match no unshipped line. */
  unmatched: Array<{ sku: string; quantity: number }>;
  /** Bundle lines holding parts of an incomplete set after this shipment (nothing of them shipped for it). */
  waiting: BundleWait[];
}

interface Line {
  id: number;
  sku: string;
  addressId: number;
  quantity: number;
  remaining: number;
  /** Capacity when replaying the earlier shipments: as if nothing had shipped. */
  replayLeft: number;
  bundle: readonly SkuComponent[] | undefined;
  /** Bundle parts received so far (earlier shipments, then this one), per warehouse SKU. */
  parts: Map<string, number>;
}

/** Complete sets `parts` make of `bundle`. */
const setsOf = (bundle: readonly SkuComponent[], parts: ReadonlyMap<string, number>) => Math.min(...bundle.map((c) => Math.floor((parts.get(c.sku) ?? 0) / c.quantity)));

/**
 * Matches the backend's shipped items to the order's lines: by order line id when given, else by
 * SKU, filling lines that still have unshipped quantity. `skus.bcSkusFor` translates a backend SKU
 * back through the mappings (MappingsRepo.reverseSkuMap): the BigCommerce SKUs mapped to it, plus
 * the same name only when that SKU is not mapped away, so with a chain or a swap an item never
 * fills the line of a same-named SKU that ships as something else.
 *
 * Bundle lines (issue 9 point 6) collect their components' items instead: a line ships as many
 * units as there are complete sets (per component, floor(parts / quantity per unit)), counting the
 * parts the order's earlier backend shipments brought; a part of a set ships nothing yet and
 * waits for the rest (`waiting`). Each shipment ships the sets it completes in arrival order, so a
 * set completed by two shipments is shipped once, by the later one. Without an order line id, an
 * item fills a line sold on its own first, then the bundles that use it, in line order.
 * Pure, so a retry allocates the same way.
 */
export function allocateShipment(order: BcOrder, items: readonly ShippedItem[], skus: ShipmentSkus | ((backendSku: string) => string[])): Allocation {
  const ctx: ShipmentSkus = typeof skus === 'function' ? { bcSkusFor: skus, bundleOf: () => undefined, earlier: [] } : skus;
  const lines: Line[] = (order.consignments?.shipping ?? []).flatMap((c) =>
    c.line_items.map((l) => {
      const line = { id: l.id, sku: l.sku ?? '', quantity: l.quantity };
      return {
        ...line,
        addressId: l.order_address_id ?? c.id,
        remaining: Math.max(0, l.quantity - (l.quantity_shipped ?? 0)),
        replayLeft: l.quantity,
        bundle: ctx.bundleOf({ ...line, sku: normaliseMappingKey(l.sku) }),
        parts: new Map<string, number>(),
      };
    }),
  );
  const byAddress = new Map<number, Array<{ order_product_id: number; quantity: number }>>();
  const take = (line: Line, qty: number) => {
    line.remaining -= qty;
    const list = byAddress.get(line.addressId) ?? [];
    const existing = list.find((x) => x.order_product_id === line.id);
    if (existing) existing.quantity += qty;
    else list.push({ order_product_id: line.id, quantity: qty });
    byAddress.set(line.addressId, list);
  };

  /** Places one item: plain lines take quantity, bundle lines collect parts. Answers what is left. */
  const place = (item: ShippedItem, replay: boolean): number => {
    let left = item.quantity;
    const skusOf = new Set(ctx.bcSkusFor(item.sku));
    const usesItem = (l: Line) => l.bundle?.some((c) => c.sku === item.sku) ?? false;
    const candidates =
      item.order_line_id !== undefined
        ? lines.filter((l) => l.id === item.order_line_id && (!l.bundle || usesItem(l)))
        : [...lines.filter((l) => !l.bundle && skusOf.has(l.sku)), ...lines.filter(usesItem)];
    for (const line of candidates) {
      if (left === 0) break;
      if (line.bundle) {
        const per = line.bundle.find((c) => c.sku === item.sku)!.quantity;
        const room = line.quantity * per - (line.parts.get(item.sku) ?? 0);
        const qty = Math.min(left, Math.max(0, room));
        line.parts.set(item.sku, (line.parts.get(item.sku) ?? 0) + qty);
        left -= qty;
        continue;
      }
      const qty = Math.min(left, replay ? line.replayLeft : line.remaining);
      if (qty > 0) {
        if (replay) line.replayLeft -= qty;
        else take(line, qty);
        left -= qty;
      }
    }
    return left;
  };

  const bundles = lines.filter((l) => l.bundle);
  if (bundles.length > 0) for (const item of ctx.earlier) place(item, true);
  const before = new Map(bundles.map((l) => [l.id, setsOf(l.bundle!, l.parts)] as const));
  const partsBefore = new Map(bundles.map((l) => [l.id, new Map(l.parts)] as const));

  const unmatched: Allocation['unmatched'] = [];
  for (const item of items) {
    const left = place(item, false);
    if (left > 0) unmatched.push({ sku: item.sku, quantity: left });
  }

  const waiting: BundleWait[] = [];
  for (const line of bundles) {
    const sets = setsOf(line.bundle!, line.parts);
    const ship = Math.min(sets - before.get(line.id)!, line.remaining);
    if (ship > 0) take(line, ship);
    const added = line.bundle!.some((c) => (line.parts.get(c.sku) ?? 0) !== (partsBefore.get(line.id)!.get(c.sku) ?? 0));
    const leftover = line.bundle!.map((c) => ({ sku: c.sku, have: (line.parts.get(c.sku) ?? 0) - sets * c.quantity, quantity: c.quantity }));
    if (added && sets < line.quantity && leftover.some((c) => c.have > 0)) {
      const missing = leftover.filter((c) => c.have < c.quantity).map((c) => ({ sku: c.sku, quantity: c.quantity - c.have }));
      waiting.push({ orderProductId: line.id, bcSku: normaliseMappingKey(line.sku), missing });
    }
  }
  return { byAddress, unmatched, waiting };
}

/** The order timeline's words for bundle lines waiting for the rest of a set. */
export function bundleWaitNotes(allocation: Pick<Allocation, 'waiting'>): string[] {
  return allocation.waiting.map(
    (w) =>
      `Part of bundle ${w.bcSku} shipped; the line is marked shipped in BigCommerce once the warehouse ships the rest of the set (still to come: ${componentsText(w.missing)}).`,
  );
}
