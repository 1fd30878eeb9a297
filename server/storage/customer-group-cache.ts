import type { Knex } from 'knex';

/** Customer groups as last read from BigCommerce, per store and customer (migration 020). */
export class CustomerGroupCache {
  constructor(private readonly db: Knex) {}

  /** The cached group (null: no such customer), or undefined when not cached since `freshSince`. */
  async get(storeHash: string, customerId: number, freshSince: number): Promise<number | null | undefined> {
    const r = await this.db('customer_group_cache').where({ store_hash: storeHash, customer_id: customerId }).first('group_id', 'fetched_at');
    if (!r || Number(r.fetched_at) < freshSince) return undefined;
    return r.group_id == null ? null : Number(r.group_id);
  }

  async put(storeHash: string, customerId: number, groupId: number | null, now: number): Promise<void> {
    await this.db('customer_group_cache')
      .insert({ store_hash: storeHash, customer_id: customerId, group_id: groupId, fetched_at: now })
      .onConflict(['store_hash', 'customer_id'])
      .merge({ group_id: groupId, fetched_at: now });
  }
}
