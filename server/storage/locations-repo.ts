import type { Knex } from 'knex';
import type { InventoryLocation } from '../domain/store-lists.js';

/**
 * The store's inventory locations as the background refresh last read them
 * (GET /v3/inventory/locations), so Settings and Inventory never wait on BigCommerce.
 */
export class LocationsRepo {
  constructor(private readonly db: Knex) {}

  async list(storeHash: string): Promise<InventoryLocation[]> {
    const rows = await this.db('store_locations').where({ store_hash: storeHash }).orderBy('location_id').select('location_id', 'label');
    return rows.map((r) => ({ id: Number(r.location_id), label: String(r.label) }));
  }

  /** When the copy was last refreshed (null: never). */
  async refreshedAt(storeHash: string): Promise<number | null> {
    const r = await this.db('store_locations').where({ store_hash: storeHash }).max({ at: 'refreshed_at' }).first();
    return r?.at == null ? null : Number(r.at);
  }

  /** Replaces the copy with what BigCommerce listed, in one transaction. */
  async replaceAll(storeHash: string, locations: InventoryLocation[], now: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('store_locations').where({ store_hash: storeHash }).delete();
      if (locations.length > 0) {
        await trx('store_locations').insert(locations.map((l) => ({ store_hash: storeHash, location_id: l.id, label: l.label.slice(0, 255), refreshed_at: now })));
      }
    });
  }
}
