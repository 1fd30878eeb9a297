import type { Knex } from 'knex';

// Shipments BigCommerce refuses (issue 7 point 5). `warning` says what of a warehouse shipment did
// not fit BigCommerce's limits and was left out (e.g. a tracking number over 50 characters); the
// refusal itself goes to the existing `error` column with state "failed".
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => {
    t.text('warning');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => {
    t.dropColumn('warning');
  });
}
