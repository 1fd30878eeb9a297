import type { Knex } from 'knex';
import type { FlowName } from '../domain/flows.js';
import { startOfDay } from './time-words.js';

// What each flow got done, today and over the last 7 days, and when it last succeeded. Each count
// is an index range over the last 7 days (migration 016), never a scan of the table.

export interface FlowCounts {
  today: number;
  last7Days: number;
  lastSuccessAt: number | null;
}

export const WEEK_MS = 7 * 24 * 60 * 60_000;

/** Where each flow's successes are: the table, the rows that count, and their time column. */
const SUCCESS: Record<FlowName, { table: string; where: Record<string, string>; at: string }> = {
  // An order accepted by the warehouse.
  orders: { table: 'orders', where: {}, at: 'sent_at' },
  // A warehouse shipment written to BigCommerce (its row turns "created" when the last part is written).
  fulfillment: { table: 'shipments', where: { state: 'created' }, at: 'updated_at' },
  // A stock level written to BigCommerce (one row per SKU and location: its latest write).
  inventory: { table: 'inventory_items', where: {}, at: 'last_synced_at' },
  // A cancellation passed on: the warehouse cancelled an order BigCommerce cancelled, or the reverse.
  cancellations: { table: 'orders', where: { cancel_outcome: 'cancelled' }, at: 'cancel_at' },
};

export async function flowCounts(db: Knex, storeHash: string, flow: FlowName, now: number): Promise<FlowCounts> {
  const { table, where, at } = SUCCESS[flow];
  const today = startOfDay(now);
  const weekAgo = now - WEEK_MS;
  const base = () => db(table).where({ store_hash: storeHash, ...where });
  const [window, last] = await Promise.all([
    base()
      .where(at, '>=', weekAgo)
      .select(db.raw(`coalesce(sum(case when ${at} >= ? then 1 else 0 end), 0) as today`, [today]), db.raw('count(*) as week'))
      .first() as Promise<{ today: unknown; week: unknown } | undefined>,
    // Newest first over the index: one row read, however old.
    base().whereNotNull(at).orderBy(at, 'desc').first(at) as Promise<Record<string, unknown> | undefined>,
  ]);
  const lastAt = last?.[at];
  return { today: Number(window?.today ?? 0), last7Days: Number(window?.week ?? 0), lastSuccessAt: lastAt == null ? null : Number(lastAt) };
}

export async function allFlowCounts(db: Knex, storeHash: string, now: number): Promise<Record<FlowName, FlowCounts>> {
  const [orders, fulfillment, inventory, cancellations] = await Promise.all(
    (['orders', 'fulfillment', 'inventory', 'cancellations'] as const).map((f) => flowCounts(db, storeHash, f, now)),
  );
  return { orders: orders!, fulfillment: fulfillment!, inventory: inventory!, cancellations: cancellations! };
}

/** Stock levels held back (skipped: the reason is on the Inventory page). */
export async function skippedLevels(db: Knex, storeHash: string): Promise<number> {
  const r = (await db('inventory_items').where({ store_hash: storeHash, status: 'skipped' }).count({ n: '*' }).first()) as { n: unknown } | undefined;
  return Number(r?.n ?? 0);
}
