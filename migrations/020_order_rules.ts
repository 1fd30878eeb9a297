import type { Knex } from 'knex';

// Order rules, the fallback shipping method and the customer groups rules read (issue 9 points 4
// and 5). Rules hold or skip an order before it is sent; the first matching enabled rule (by
// position) decides. Each store has one built-in rule (built_in = 'manual_verification'),
// created lazily on first read, which can be turned off but not deleted.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_rules', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    t.string('name', 100).notNullable();
    t.string('action', 16).notNullable();
    t.boolean('enabled').notNullable().defaultTo(true);
    /** RuleCondition[] as JSON (server/api/contract-rules.ts). */
    t.text('conditions_json').notNullable();
    t.integer('position').notNullable();
    t.string('built_in', 32).nullable();
    t.bigInteger('created_at').notNullable();
    /** Strictly increasing per rule: the optimistic-concurrency token (baseUpdatedAt). */
    t.bigInteger('updated_at').notNullable();
    t.index(['store_hash', 'position'], 'order_rules_store_position');
    // One built-in rule per store even when two first reads race (NULLs are distinct).
    t.unique(['store_hash', 'built_in'], { indexName: 'order_rules_store_built_in' });
  });

  await knex.schema.alterTable('orders', (t) => {
    /** The rule that holds (state held) or skipped (state skipped) the order. */
    t.integer('rule_id').nullable();
    /** The rule a person released the order from: that rule does not hold it again. */
    t.integer('released_rule_id').nullable();
    // No index of its own: the orders a rule holds are found through (store_hash, state) (held, skipped).
  });

  // Unmapped shipping methods use this warehouse code instead of holding the order (optional).
  await knex.schema.createTable('shipping_fallback', (t) => {
    t.string('store_hash', 64).primary();
    t.string('backend_code', 100).nullable();
    t.bigInteger('updated_at').notNullable();
  });

  // Customer groups read from GET /v3/customers, only for stores whose enabled rules use them;
  // kept for a while so a burst of orders from one customer costs one call.
  await knex.schema.createTable('customer_group_cache', (t) => {
    t.string('store_hash', 64).notNullable();
    t.integer('customer_id').notNullable();
    /** null: BigCommerce has no such customer (deleted). */
    t.integer('group_id').nullable();
    t.bigInteger('fetched_at').notNullable();
    t.primary(['store_hash', 'customer_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('customer_group_cache');
  await knex.schema.dropTable('shipping_fallback');
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('rule_id');
    t.dropColumn('released_rule_id');
  });
  await knex.schema.dropTable('order_rules');
}
