import type { Knex } from 'knex';

// Webhook history across both sources (issue 8 point 7): the list filtered by source (BigCommerce
// or the warehouse), by source and status, and by order stays an index walk at a million rows.
// Names are fixed: tests check query plans use them (test/storage/list-indexes.sqlite.test.ts).
const INDEXES: Array<{ name: string; columns: string[] }> = [
  { name: 'webhook_events_store_source_received', columns: ['store_hash', 'source', 'received_at'] },
  { name: 'webhook_events_store_source_status_received', columns: ['store_hash', 'source', 'status', 'received_at'] },
  // Widens (store_hash, source, resource_id) from 003. Without statistics SQLite picks the index
  // with the most equality matches, so the one for a single order's events must have the most:
  // the flows settling an order's open events (status, received_at) and the history's order filter
  // (with status, source or topic) then seek it instead of the source/status index above.
  { name: 'webhook_events_store_source_resource', columns: ['store_hash', 'source', 'resource_id', 'status', 'received_at'] },
];
const REPLACED = ['store_hash', 'source', 'resource_id'];

export async function up(knex: Knex): Promise<void> {
  for (const i of INDEXES) await knex.schema.alterTable('webhook_events', (t) => t.index(i.columns, i.name));
  await knex.schema.alterTable('webhook_events', (t) => t.dropIndex(REPLACED));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhook_events', (t) => t.index(REPLACED));
  for (const i of [...INDEXES].reverse()) await knex.schema.alterTable('webhook_events', (t) => t.dropIndex(i.columns, i.name));
}
