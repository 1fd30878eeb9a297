import type { Knex } from 'knex';

// Retention (issue 7 point 13): indexes that keep the list pages fast at a million rows and let the
// retention job find old rows without scanning a table. Names are fixed: tests check query plans
// use them (test/storage/list-indexes.sqlite.test.ts).
const INDEXES: Array<{ table: string; name: string; columns: string[] }> = [
  // Webhook history filtered by status or topic, newest first (rowid id breaks ties in the index).
  { table: 'webhook_events', name: 'webhook_events_store_status_received', columns: ['store_hash', 'status', 'received_at'] },
  { table: 'webhook_events', name: 'webhook_events_store_topic_received', columns: ['store_hash', 'topic', 'received_at'] },
  // Retention: the oldest events across all stores.
  { table: 'webhook_events', name: 'webhook_events_received', columns: ['received_at'] },
  // Activity filtered by level, newest first.
  { table: 'sync_log', name: 'sync_log_store_level_at', columns: ['store_hash', 'level', 'at'] },
  { table: 'sync_log', name: 'sync_log_at', columns: ['at'] },
  // Orders filtered by state, ordered by order id (the state+updated_at index serves retention).
  { table: 'orders', name: 'orders_store_state_order', columns: ['store_hash', 'state', 'order_id'] },
];

export async function up(knex: Knex): Promise<void> {
  for (const i of INDEXES) await knex.schema.alterTable(i.table, (t) => t.index(i.columns, i.name));
  // Retention keeps an original while a redelivery pointing at it is kept; few rows are duplicates.
  await knex.raw('CREATE INDEX webhook_events_duplicate_of ON webhook_events (duplicate_of) WHERE duplicate_of IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX webhook_events_duplicate_of');
  for (const i of [...INDEXES].reverse()) await knex.schema.alterTable(i.table, (t) => t.dropIndex(i.columns, i.name));
}
