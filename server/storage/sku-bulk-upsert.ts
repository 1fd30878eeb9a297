import type { Knex } from 'knex';

/** Rows per statement: 4 bound values each stays far below SQLite's 32,766 variables. */
const CHUNK = 500;

/**
 * Creates or updates SKU mappings (by BigCommerce SKU) in one transaction, a few hundred rows per
 * statement. The row-by-row upsert took 4-9 s for a 20,000-row CSV import, with better-sqlite3
 * blocking the event loop for all of it (webhooks unanswered); this takes a fraction of a second.
 * `rows` must not repeat a BigCommerce SKU (parseSkuCsv keeps the last one).
 */
export async function bulkUpsertSkuMappings(
  db: Knex,
  storeHash: string,
  rows: ReadonlyArray<{ bcSku: string; backendSku: string }>,
  now: number,
): Promise<{ created: number; updated: number }> {
  return db.transaction(async (trx) => {
    let updated = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const existing = await trx('sku_mappings')
        .where({ store_hash: storeHash })
        .whereIn(
          'bc_sku',
          chunk.map((r) => r.bcSku),
        )
        .count({ n: '*' });
      updated += Number((existing[0] as { n: number | string }).n);
      await trx('sku_mappings')
        .insert(chunk.map((r) => ({ store_hash: storeHash, bc_sku: r.bcSku, backend_sku: r.backendSku, updated_at: now })))
        .onConflict(['store_hash', 'bc_sku'])
        .merge(['backend_sku', 'updated_at']);
    }
    return { created: rows.length - updated, updated };
  });
}
