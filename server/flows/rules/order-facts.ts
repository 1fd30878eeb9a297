import type { BcOrder } from '../../bigcommerce/index.js';
import { mappingKeys } from '../order-import/build-order.js';

// What order rules look at, read from the order the sync (or the dry run) already has: no extra
// call, except the customer group, which the v2 order does not carry (customer-group.ts reads it,
// and only when an enabled rule asks for it).

export interface OrderFacts {
  /** Destination ISO2 codes of the consignments that ship something, upper-case. */
  countries: string[];
  /** BigCommerce shipping methods of those consignments, as mappings spell them ("" = none). */
  shippingMethods: string[];
  /** BigCommerce SKUs of the lines, as mappings spell them. */
  skus: string[];
  /** total_inc_tax in the order's currency; null when BigCommerce sent none. */
  total: number | null;
  paymentMethod: string | null;
  channelId: number | null;
  statusId: number;
  /** 0 for a guest. */
  customerId: number;
  /**
   * The customer's group id as text ("0": a guest or a customer in no group); null when the
   * customer no longer exists; undefined when not read (no enabled rule needs it).
   */
  customerGroup?: string | null;
}

const numberOf = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

/** The facts of a v2 order (with consignments). Pure. */
export function orderFactsOf(order: BcOrder): OrderFacts {
  const shipping = (order.consignments?.shipping ?? []).filter((c) => c.line_items.length > 0);
  const countries = [...new Set(shipping.map((c) => (c.country_iso2 ?? '').trim().toUpperCase()).filter((c) => c !== ''))];
  const { skus, methods } = mappingKeys(order);
  const raw = order as Record<string, unknown>;
  const payment = typeof raw.payment_method === 'string' && raw.payment_method.trim() !== '' ? raw.payment_method.trim() : null;
  const channel = numberOf(raw.channel_id);
  return {
    countries,
    shippingMethods: methods,
    skus,
    total: numberOf(raw.total_inc_tax),
    paymentMethod: payment,
    channelId: channel === null ? null : Math.trunc(channel),
    statusId: order.status_id,
    customerId: Math.max(0, Math.trunc(order.customer_id ?? 0)),
  };
}
