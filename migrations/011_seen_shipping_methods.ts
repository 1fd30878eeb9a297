import type { Knex } from 'knex';

// Review findings (issue 7): Settings must list every shipping method an order is held for, and
// stock of a product tracked by product is summed over its variant SKUs.
// - orders.shipping_methods: JSON array of every consignment's method (normalised: trimmed; "" for
//   a consignment without one). orders.shipping_method kept only the first consignment's, so a
//   second address's method never appeared under Settings › Shipping method mappings.
//   Filled from the old column, plus the method named by an order already held for it.
// - inventory_items (store_hash, product_id): the product sum reads a product's other SKUs.
// - Mapping keys saved with surrounding whitespace (quoted CSV fields) are trimmed like every
//   lookup now is; a row whose trimmed key is already mapped is left as it was.
const HELD_FOR_METHOD = /^Shipping method "(.*)" has no mapping\./s;
// Until this migration an order held for a consignment without a method said "(none)".

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.text('shipping_methods');
  });
  // The lists are built here, not with SQL JSON functions (SQLite's json_array is not PostgreSQL's):
  // one UPDATE per distinct method, so the cost does not grow with the number of orders.
  const methods = await knex('orders').whereNotNull('shipping_method').distinct('shipping_method');
  for (const { shipping_method: method } of methods) {
    await knex('orders')
      .where({ shipping_method: method })
      .update({ shipping_methods: JSON.stringify([String(method).trim()]) });
  }
  const held = await knex('orders')
    .where({ state: 'needs_attention' })
    .andWhere('attention_reason', 'like', 'Shipping method "%')
    .select('store_hash', 'order_id', 'shipping_methods', 'attention_reason');
  for (const o of held) {
    const named = HELD_FOR_METHOD.exec(String(o.attention_reason))?.[1];
    if (named === undefined) continue;
    const method = named === '(none)' ? '' : named.trim();
    const methods = o.shipping_methods == null ? [] : (JSON.parse(String(o.shipping_methods)) as string[]);
    if (methods.includes(method)) continue;
    await knex('orders')
      .where({ store_hash: o.store_hash, order_id: o.order_id })
      .update({ shipping_methods: JSON.stringify([...methods, method]) });
  }

  await knex.schema.alterTable('inventory_items', (t) => {
    t.index(['store_hash', 'product_id'], 'inventory_items_store_product');
  });

  await trimKeys(knex, 'sku_mappings', 'bc_sku', ['backend_sku']);
  await trimKeys(knex, 'shipping_mappings', 'method', ['backend_code']);
}

/** Trims the unique key (unless the trimmed one exists) and the value columns of a mapping table. */
async function trimKeys(knex: Knex, table: string, key: string, values: string[]): Promise<void> {
  // (store_hash, key) is each table's unique key: rows are addressed by it (PostgreSQL has no rowid).
  const rows = await knex(table).whereRaw(`${key} <> trim(${key})`).select('store_hash', key);
  for (const r of rows) {
    const trimmed = String(r[key]).trim();
    const taken = await knex(table)
      .where({ store_hash: r.store_hash, [key]: trimmed })
      .first();
    if (!taken)
      await knex(table)
        .where({ store_hash: r.store_hash, [key]: r[key] })
        .update({ [key]: trimmed });
  }
  for (const v of values) await knex.raw(`UPDATE ${table} SET ${v} = trim(${v}) WHERE ${v} <> trim(${v})`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inventory_items', (t) => {
    t.dropIndex(['store_hash', 'product_id'], 'inventory_items_store_product');
  });
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('shipping_methods');
  });
}
