import type { Knex } from 'knex';

// When the merchant first saved the order import status (the Overview's "Choose the order import
// status" step). The settings row always holds a status (Awaiting Fulfillment by default), so the
// choice needs its own mark; Activity lines cannot carry it (they are purged after 30 days).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_settings', (t) => {
    t.bigInteger('import_status_saved_at');
  });
  // Stores that saved it before this column existed: the save wrote this Activity line.
  const saved: Array<{ store_hash: string; at: number | string }> = await knex('sync_log')
    .where({ flow: 'settings' })
    .andWhere('message', 'like', 'Order import status set to%')
    .groupBy('store_hash')
    .select('store_hash')
    .min({ at: 'at' });
  for (const row of saved) {
    await knex('store_settings')
      .where({ store_hash: row.store_hash })
      .update({ import_status_saved_at: Number(row.at) });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_settings', (t) => {
    t.dropColumn('import_status_saved_at');
  });
}
