import type { Knex } from 'knex';

// API economy over an order's life (issue 9 point 7). The shipment flow no longer re-reads the
// order from BigCommerce before and after each shipment: it allocates against the consignments
// captured at import (orders.details) plus what the app's own shipments already shipped, kept
// here per shipment as the lines each BigCommerce shipment carried, by order address.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => {
    /** {"<order_address_id>": [{"order_product_id": 1, "quantity": 2}]}: what each part shipped. */
    t.text('bc_items').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => t.dropColumn('bc_items'));
}
