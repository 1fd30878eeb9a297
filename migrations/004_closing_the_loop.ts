import type { Knex } from 'knex';

// Shipments, cancellations, inventory, per-flow switches and polling cursors.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_settings', (t) => {
    t.boolean('flow_orders').notNullable().defaultTo(true);
    t.boolean('flow_fulfillment').notNullable().defaultTo(true);
    t.boolean('flow_inventory').notNullable().defaultTo(true);
    t.boolean('flow_cancellations').notNullable().defaultTo(true);
    t.text('cancellation_status_ids').notNullable().defaultTo('[5]'); // JSON array; 5 = Cancelled
    t.integer('status_on_backend_cancel_id');
    t.integer('inventory_location_id').notNullable().defaultTo(1);
    t.string('sync_mode', 8).notNullable().defaultTo('push'); // push | poll
    t.text('shipments_cursor');
    t.text('inventory_cursor');
  });

  await knex.schema.alterTable('orders', (t) => {
    t.text('alert'); // something the merchant must act on
    t.string('cancel_source', 16); // bigcommerce | warehouse
    t.string('cancel_outcome', 16); // pending | cancelled | too_late | rejected | failed
    t.text('cancel_message');
    t.bigInteger('cancel_at');
  });

  await knex.schema.createTable('shipments', (t) => {
    t.string('store_hash', 64).notNullable();
    t.string('backend_shipment_id', 128).notNullable();
    t.bigInteger('order_id').notNullable();
    t.text('bc_shipment_ids').notNullable().defaultTo('{}'); // JSON: order_address_id → BigCommerce shipment id
    t.string('tracking_number', 128);
    t.string('carrier', 128);
    t.string('service', 128);
    t.string('tracking_url', 1024);
    t.text('items').notNullable(); // JSON [{sku, quantity, order_line_id?}]
    t.string('state', 16).notNullable(); // pending | created | failed
    t.text('error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['store_hash', 'backend_shipment_id']);
    t.index(['store_hash', 'order_id']);
  });

  await knex.schema.createTable('carrier_mappings', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('backend_carrier', 128).notNullable();
    t.string('shipping_provider', 64);
    t.string('tracking_carrier', 128);
    t.bigInteger('updated_at').notNullable();
    t.primary(['store_hash', 'backend_carrier']);
  });

  await knex.schema.createTable('inventory_items', (t) => {
    t.string('store_hash', 64).notNullable();
    t.string('sku', 255).notNullable(); // BigCommerce SKU
    t.integer('location_id').notNullable();
    t.string('backend_sku', 255).notNullable();
    t.integer('available').notNullable();
    t.string('status', 16).notNullable(); // pending | synced | skipped
    t.text('reason');
    t.bigInteger('variant_id');
    t.bigInteger('product_id');
    t.bigInteger('resolved_at'); // when variant/product ids were looked up (cache)
    t.bigInteger('last_synced_at');
    t.bigInteger('updated_at').notNullable();
    t.primary(['store_hash', 'sku', 'location_id']);
    t.index(['store_hash', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('inventory_items');
  await knex.schema.dropTable('carrier_mappings');
  await knex.schema.dropTable('shipments');
  for (const c of ['alert', 'cancel_source', 'cancel_outcome', 'cancel_message', 'cancel_at']) {
    await knex.schema.alterTable('orders', (t) => t.dropColumn(c));
  }
  for (const c of [
    'flow_orders',
    'flow_fulfillment',
    'flow_inventory',
    'flow_cancellations',
    'cancellation_status_ids',
    'status_on_backend_cancel_id',
    'inventory_location_id',
    'sync_mode',
    'shipments_cursor',
    'inventory_cursor',
  ]) {
    await knex.schema.alterTable('store_settings', (t) => t.dropColumn(c));
  }
}
