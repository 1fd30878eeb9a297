import type { Knex } from 'knex';

// Bundles / kits (issue 9 point 6): one BigCommerce SKU sent as several warehouse SKUs with
// quantities ("GIFT-SET" → 1 × MUG-1 + 2 × TEA-3).
//
// A plain mapping stays exactly what it was: one sku_mappings row, its backend_sku the one warehouse
// SKU (quantity 1), no component rows, so every existing read and the 20,000-row CSV upsert are
// unchanged. A bundle is a sku_mappings row with is_bundle = true (backend_sku holds its first
// component, so search and older readers still see a warehouse SKU) plus one row per component.
//
// Components are read three ways: by mapping (the order import, by BigCommerce SKU, joins on
// mapping_id), and by warehouse SKU (a shipment's items, a stock level: which bundles use this
// SKU?) through the backend_sku index. They carry no store_hash: they belong to their mapping and
// go with it (ON DELETE CASCADE), so the store's retention purge of sku_mappings empties them too.
// `available` is the last level the warehouse reported for the component's SKU: a bundle's stock
// is the fewest complete sets its components make, so one component's report needs the others'.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sku_mappings', (t) => {
    t.boolean('is_bundle').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('sku_mapping_components', (t) => {
    t.increments('id').primary();
    t.integer('mapping_id').unsigned().notNullable().references('id').inTable('sku_mappings').onDelete('CASCADE');
    /** Order of the components as the merchant listed them (the order the warehouse lines are sent in). */
    t.integer('position').notNullable();
    t.string('backend_sku', 255).notNullable();
    t.integer('quantity').notNullable();
    /** Last level the warehouse reported for backend_sku (null: not reported since the bundle was saved). */
    t.bigInteger('available').nullable();
    t.unique(['mapping_id', 'backend_sku']);
    t.index(['backend_sku'], 'sku_mapping_components_backend_sku');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sku_mapping_components');
  await knex.schema.alterTable('sku_mappings', (t) => {
    t.dropColumn('is_bundle');
  });
}
