import type { Knex } from 'knex';

// Team and audit (issue 9 point 9). The store owner decides which members may change the
// connection, flows and rules (`can_manage`; the owner always may). Every change a person makes is
// kept with who, when and before → after (`audit_log`), listed newest first per store and
// filterable by action and by person.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_members', (t) => {
    t.boolean('can_manage').notNullable().defaultTo(false);
  });
  // Share of the store's API quota the app may spend (percent; issue 9 point 3). The quota is the
  // store's, shared by every app installed on it.
  await knex.schema.alterTable('store_settings', (t) => {
    t.integer('api_quota_share').notNullable().defaultTo(60);
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    t.bigInteger('at').notNullable();
    /** null for the app itself (a rule change released orders, …); the e-mail is kept as it was then. */
    t.integer('user_id').nullable();
    t.string('user_email', 255).nullable();
    /** Dotted name of what was done: settings.connection, rules.create, mapping.sku.import, order.retry, … */
    t.string('action', 64).notNullable();
    /** What it was done to, in merchant words: 'Order #123', 'Rule "International"', 'SKU ABC-1'. */
    t.string('subject', 255).nullable();
    t.text('before_json').nullable();
    t.text('after_json').nullable();
    t.index(['store_hash', 'at'], 'audit_log_store_at');
    t.index(['store_hash', 'action', 'at'], 'audit_log_store_action_at');
    t.index(['store_hash', 'user_id', 'at'], 'audit_log_store_user_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.schema.alterTable('store_members', (t) => t.dropColumn('can_manage'));
  await knex.schema.alterTable('store_settings', (t) => t.dropColumn('api_quota_share'));
}
