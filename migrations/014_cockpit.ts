import type { Knex } from 'knex';

// The merchant's cockpit (issue 8): what the pages read instead of asking BigCommerce, the order
// state model's extra facts, and the health/alert bookkeeping. Times are integer ms since the epoch.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.string('customer_email', 255);
    // Lower-cased BigCommerce and warehouse SKUs separated by spaces: the list's SKU search.
    t.text('sku_search');
    // JSON: line items and ship-to consignments as last read (OrderDetail.lines / shipTo).
    t.text('details');
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at');
    // Why the order is held, as a stable code (OrderRemedy.code); attention_reason keeps the words.
    t.string('attention_code', 48);
    // When bc_status_id/bc_status were last read or heard from BigCommerce.
    t.bigInteger('bc_status_seen_at');
    t.index(['store_hash', 'order_date'], 'orders_store_order_date');
  });

  await knex.schema.alterTable('stores', (t) => {
    // The background store-details refresh (GET /v2/store): when it last ran and what went wrong.
    t.bigInteger('details_refreshed_at');
    t.text('details_error');
  });

  await knex.schema.alterTable('store_settings', (t) => {
    // The warehouse connection as the last real call found it (not the last test).
    t.bigInteger('backend_last_ok_at');
    t.bigInteger('backend_failing_since');
    t.text('backend_last_call_error');
    // E-mail notifications: JSON string[] of recipients and of AlertKind values.
    t.boolean('notify_enabled').notNullable().defaultTo(false);
    t.text('notify_recipients');
    t.text('notify_kinds');
  });

  // The store's order statuses with their labels (GET /v2/order_statuses), refreshed in the background.
  await knex.schema.createTable('store_order_statuses', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.integer('status_id').notNullable();
    t.string('name', 255).notNullable();
    t.string('label', 255).notNullable();
    t.bigInteger('refreshed_at').notNullable();
    t.primary(['store_hash', 'status_id']);
  });

  // The store's inventory locations (GET /v3/inventory/locations), refreshed in the background.
  await knex.schema.createTable('store_locations', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.integer('location_id').notNullable();
    t.string('label', 255).notNullable();
    t.bigInteger('refreshed_at').notNullable();
    t.primary(['store_hash', 'location_id']);
  });

  // BigCommerce webhook subscriptions as last listed by the reconcile job.
  await knex.schema.createTable('webhook_subscriptions', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('scope', 128).notNullable();
    t.bigInteger('bc_hook_id');
    t.boolean('is_active').notNullable().defaultTo(false);
    t.bigInteger('checked_at').notNullable();
    t.primary(['store_hash', 'scope']);
  });

  // The store's BigCommerce API quota as the X-Rate-Limit-* headers last said (written at most every few seconds).
  await knex.schema.createTable('store_api_quota', (t) => {
    t.string('store_hash', 64).primary().references('hash').inTable('stores').onDelete('CASCADE');
    t.integer('requests_quota');
    t.integer('requests_left');
    t.integer('window_ms');
    t.integer('requests_in_window'); // requests the app made in the window that ended at observed_at
    t.bigInteger('exhausted_at'); // last time the quota ran out
    t.bigInteger('observed_at').notNullable();
  });

  // E-mail notifications sent: at most one per store, problem and hour.
  await knex.schema.createTable('notifications_sent', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.string('problem_key', 128).notNullable();
    t.bigInteger('sent_at').notNullable();
    t.text('error');
    t.primary(['store_hash', 'problem_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['notifications_sent', 'store_api_quota', 'webhook_subscriptions', 'store_locations', 'store_order_statuses']) {
    await knex.schema.dropTable(table);
  }
  await knex.schema.alterTable('store_settings', (t) => {
    for (const c of ['backend_last_ok_at', 'backend_failing_since', 'backend_last_call_error', 'notify_enabled', 'notify_recipients', 'notify_kinds']) t.dropColumn(c);
  });
  await knex.schema.alterTable('stores', (t) => {
    t.dropColumn('details_refreshed_at');
    t.dropColumn('details_error');
  });
  await knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['store_hash', 'order_date'], 'orders_store_order_date');
    for (const c of ['customer_email', 'sku_search', 'details', 'attempts', 'next_attempt_at', 'attention_code', 'bc_status_seen_at']) t.dropColumn(c);
  });
}
