import type { Knex } from 'knex';

// Order import: per-store settings, mappings, captured webhook events, order sync state and the
// sync log (which is also each order's timeline). Times are integer ms since the epoch.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('store_settings', (t) => {
    t.string('store_hash', 64).primary().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('backend_account_id', 128);
    t.text('backend_api_key_enc'); // AES-256-GCM
    t.string('backend_account_name', 255);
    t.boolean('backend_connected').notNullable().defaultTo(false);
    t.bigInteger('backend_checked_at');
    t.text('backend_error');
    t.integer('import_status_id').notNullable().defaultTo(11); // Awaiting Fulfillment
    t.integer('status_after_accept_id');
    t.text('webhook_secret_enc').notNullable(); // sent by BigCommerce in a custom header
    t.bigInteger('webhooks_reconciled_at');
    t.text('webhooks_error');
    t.bigInteger('reconcile_watermark'); // orders modified at or after this were checked
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('sku_mappings', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('bc_sku', 255).notNullable();
    t.string('backend_sku', 255).notNullable();
    t.bigInteger('updated_at').notNullable();
    t.unique(['store_hash', 'bc_sku']);
  });

  await knex.schema.createTable('shipping_mappings', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('method', 255).notNullable();
    t.string('backend_code', 255).notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['store_hash', 'method']);
  });

  await knex.schema.createTable('webhook_events', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    t.string('source', 16).notNullable(); // bigcommerce | fulfillment
    t.string('event_id', 255).notNullable(); // BigCommerce payload hash / backend event id
    // Equal to event_id on the first delivery, null on duplicates: the unique index dedupes.
    t.string('dedupe_key', 255);
    t.string('topic', 128).notNullable();
    t.string('resource_id', 64);
    t.text('payload').notNullable();
    t.string('status', 16).notNullable(); // received | processed | ignored | duplicate | failed
    t.text('error');
    t.integer('duplicate_of');
    t.bigInteger('received_at').notNullable();
    t.bigInteger('processed_at');
    t.unique(['store_hash', 'source', 'dedupe_key']);
    t.index(['store_hash', 'received_at']);
    t.index(['store_hash', 'source', 'resource_id']);
  });

  await knex.schema.createTable('orders', (t) => {
    t.string('store_hash', 64).notNullable();
    t.bigInteger('order_id').notNullable();
    t.string('state', 24).notNullable(); // waiting | sent | needs_attention | failed | shipped | cancelled
    t.integer('bc_status_id');
    t.string('bc_status', 64);
    t.string('customer', 255).notNullable().defaultTo('');
    t.bigInteger('order_date');
    t.string('shipping_method', 255);
    t.string('backend_order_id', 128);
    t.text('attention_reason');
    t.text('last_error');
    t.text('payload_sent'); // JSON, the exact body sent
    t.bigInteger('sent_at');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['store_hash', 'order_id']);
    t.index(['store_hash', 'state', 'updated_at']);
    t.index(['store_hash', 'updated_at']);
  });

  await knex.schema.createTable('sync_log', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    t.bigInteger('order_id');
    t.string('flow', 32).notNullable(); // orders | webhooks | settings | reconcile | ...
    t.string('level', 8).notNullable(); // info | warn | error
    t.text('message').notNullable();
    t.text('detail');
    t.bigInteger('at').notNullable();
    t.index(['store_hash', 'at']);
    t.index(['store_hash', 'order_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sync_log', 'orders', 'webhook_events', 'shipping_mappings', 'sku_mappings', 'store_settings']) {
    await knex.schema.dropTable(table);
  }
}
