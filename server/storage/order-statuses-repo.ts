import type { Knex } from 'knex';
import type { StoreOrderStatus } from '../domain/store-lists.js';

/**
 * The store's order statuses with their own labels, as the background refresh last read them
 * (GET /v2/order_statuses). Pages and log lines read this copy, so they never wait on BigCommerce.
 */
export class OrderStatusesRepo {
  constructor(private readonly db: Knex) {}

  async list(storeHash: string): Promise<StoreOrderStatus[]> {
    const rows = await this.db('store_order_statuses').where({ store_hash: storeHash }).orderBy('status_id');
    return rows.map((r) => ({ id: Number(r.status_id), name: String(r.name), label: String(r.label) }));
  }

  /** The merchant's label for a status id, or null when the copy does not have it. */
  async label(storeHash: string, statusId: number): Promise<string | null> {
    const r = await this.db('store_order_statuses').where({ store_hash: storeHash, status_id: statusId }).first('label');
    return r ? String(r.label) : null;
  }

  /** When the copy was last refreshed (null: never). */
  async refreshedAt(storeHash: string): Promise<number | null> {
    const r = await this.db('store_order_statuses').where({ store_hash: storeHash }).max({ at: 'refreshed_at' }).first();
    return r?.at == null ? null : Number(r.at);
  }

  /** Replaces the copy with what BigCommerce listed, in one transaction. */
  async replaceAll(storeHash: string, statuses: StoreOrderStatus[], now: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('store_order_statuses').where({ store_hash: storeHash }).delete();
      if (statuses.length > 0) {
        await trx('store_order_statuses').insert(statuses.map((st) => ({ store_hash: storeHash, status_id: st.id, name: st.name, label: st.label, refreshed_at: now })));
      }
    });
  }
}
