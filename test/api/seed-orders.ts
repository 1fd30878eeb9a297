// Orders rows written straight into the database, for the API tests of the Orders list, detail,
// Retry and export (no flow runs: each test states the rows it needs).
import type { Knex } from 'knex';
import type { AttentionCode, OrderSyncState } from '../../server/api/contract.js';
import type { OrderDetails } from '../../server/storage/orders-repo.js';
import { STORE } from '../helpers/bare-app.js';

export interface SeedOrder {
  orderId: number;
  state?: OrderSyncState;
  store?: string;
  customer?: string;
  email?: string | null;
  /** Space-separated lower-cased SKUs, as the flows write them. */
  skus?: string | null;
  /** ISO-8601 instant. */
  date?: string | null;
  bcStatusId?: number | null;
  bcStatus?: string | null;
  bcStatusSeenAt?: number | null;
  backendOrderId?: string | null;
  attentionCode?: AttentionCode | null;
  attentionSubject?: string | null;
  attentionReason?: string | null;
  lastError?: string | null;
  attempts?: number;
  details?: OrderDetails | null;
  updatedAt?: number;
}

export const seedRow = (o: SeedOrder) => ({
  store_hash: o.store ?? STORE,
  order_id: o.orderId,
  state: o.state ?? 'sent',
  customer: o.customer ?? `Customer ${o.orderId}`,
  customer_email: o.email === undefined ? `c${o.orderId}@example.com` : o.email,
  sku_search: o.skus ?? null,
  order_date: o.date ? Date.parse(o.date) : null,
  bc_status_id: o.bcStatusId ?? null,
  bc_status: o.bcStatus ?? null,
  bc_status_seen_at: o.bcStatusSeenAt ?? null,
  backend_order_id: o.backendOrderId ?? null,
  attention_code: o.attentionCode ?? null,
  attention_subject: o.attentionSubject ?? null,
  attention_reason: o.attentionReason ?? null,
  last_error: o.lastError ?? null,
  attempts: o.attempts ?? 0,
  details: o.details == null ? null : JSON.stringify(o.details),
  created_at: 1,
  updated_at: o.updatedAt ?? Date.parse('2026-11-30T12:00:00Z'),
});

export async function seedOrders(db: Knex, orders: SeedOrder[]): Promise<void> {
  await db.batchInsert('orders', orders.map(seedRow), 400);
}
