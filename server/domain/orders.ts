// Orders as the order list and the order page read them from storage (server/storage/order-row.ts,
// orders-query.ts). Dates are ISO-8601 strings: these records are built for reading, not for
// arithmetic (the row types keep epoch milliseconds).
import type { OrderSyncState } from './order-state.js';

export interface OrderSummary {
  orderId: number;
  customer: string;
  email: string | null;
  /** ISO-8601, the order's creation date in BigCommerce. */
  orderDate: string | null;
  state: OrderSyncState;
  /** BigCommerce status label as last read. */
  bcStatus: string | null;
  backendOrderId: string | null;
  /** The last error in merchant words. */
  lastError: string | null;
  /** Attempts made to send the order (retrying/failed). */
  attempts: number;
  /** ISO-8601: when the next attempt is due (retrying). */
  nextAttemptAt: string | null;
  updatedAt: string;
}

/** Orders per state for one search, plus all of them and the "attention" group. */
export type OrderCounts = Record<OrderSyncState, number> & { all: number; attention: number };

/** One page of the order list with the counts of the whole filter. */
export interface OrderList {
  items: OrderSummary[];
  total: number;
  /** The count stopped at the list cap (server/storage/capped-list.ts). */
  totalCapped: boolean;
  counts: OrderCounts;
}

/** A line item as last read from BigCommerce. */
export interface OrderLine {
  /** BigCommerce order product id. */
  id: number;
  name: string;
  bcSku: string;
  /** The SKU sent to the warehouse (after SKU mappings); null before the order is built. */
  warehouseSku: string | null;
  quantity: number;
  quantityShipped: number;
}

/** A consignment's destination as last read from BigCommerce. */
export interface ShipTo {
  consignmentId: number | null;
  name: string;
  company: string | null;
  /** Street lines, city/state/zip and country, ready to show one per line. */
  lines: string[];
  email: string | null;
  phone: string | null;
  shippingMethod: string | null;
  /** The warehouse's method code from the shipping mapping (null: unmapped). */
  mappedMethod: string | null;
  /** Order product ids shipped to this address. */
  lineIds: number[];
}
