import type { Knex } from 'knex';

// The Overview's health at a glance (issue 8 point 1) reads counts and last successes straight from
// the tables on every view and every banner poll, so each of them must seek an index, never scan
// (test/health/health-query-plans.test.ts checks the plans). Names are fixed for that test.
const INDEXES: Array<{ table: string; name: string; columns: string[] }> = [
  // Orders sent today / in the last 7 days, and the last one sent.
  { table: 'orders', name: 'orders_store_sent_at', columns: ['store_hash', 'sent_at'] },
  // Cancellations passed on (outcome "cancelled") by time.
  { table: 'orders', name: 'orders_store_cancel_outcome_at', columns: ['store_hash', 'cancel_outcome', 'cancel_at'] },
  // Shipments written to BigCommerce (state "created") and failed ones, by time.
  { table: 'shipments', name: 'shipments_store_state_updated', columns: ['store_hash', 'state', 'updated_at'] },
  // Stock levels written, by time.
  { table: 'inventory_items', name: 'inventory_items_store_synced_at', columns: ['store_hash', 'last_synced_at'] },
  // Backlog estimate: jobs of the store finished in the last few minutes.
  { table: 'jobs', name: 'jobs_store_state_finished', columns: ['store_hash', 'state', 'finished_at'] },
];

export async function up(knex: Knex): Promise<void> {
  for (const i of INDEXES) await knex.schema.alterTable(i.table, (t) => t.index(i.columns, i.name));
  // Orders with an alert (a cancellation the merchant must look at) are few among many.
  await knex.raw('CREATE INDEX orders_store_alert ON orders (store_hash, updated_at) WHERE alert IS NOT NULL');
  await knex.schema.alterTable('store_settings', (t) => {
    // What the last failing warehouse call found: unreachable (network, timeout, 5xx) or refused (401/403).
    t.string('backend_failure_kind', 16);
  });
  await knex.schema.alterTable('webhook_subscriptions', (t) => {
    // When the reconcile job last re-activated or re-created this hook (the "repaired" notice).
    t.bigInteger('repaired_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhook_subscriptions', (t) => t.dropColumn('repaired_at'));
  await knex.schema.alterTable('store_settings', (t) => t.dropColumn('backend_failure_kind'));
  await knex.raw('DROP INDEX orders_store_alert');
  for (const i of [...INDEXES].reverse()) await knex.schema.alterTable(i.table, (t) => t.dropIndex(i.columns, i.name));
}
