import type { Knex } from 'knex';

// Backfill with progress (issue 9 point 3): "Import waiting orders" as a job with a date range,
// counted progress, an ETA, pause/resume/cancel, surviving restarts.
//
// backfills: one row per run; its listing cursor (the last order id listed: pages are asked for
// with min_id, so orders leaving the import status meanwhile cannot shift a page) and counts
// live here, so a restart continues where it was. At most one unfinished run per store.
// backfill_orders: every order a run listed, with the order.sync job that carries it, so progress
// is counted exactly (the job still pending or running = on its way; else the order's state says
// sent, held or skipped).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('backfills', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    /** running | paused | done | cancelled | failed */
    t.string('state', 16).notNullable();
    /** Orders created from/to (ms, inclusive); null: no bound ("everything waiting"). */
    t.bigInteger('created_from').nullable();
    t.bigInteger('created_to').nullable();
    /** The import status when it started: the run lists that status. */
    t.integer('status_id').notNullable();
    /** Orders in range and status when it started (GET /v2/orders/count); null until known. */
    t.integer('total').nullable();
    t.integer('listed').notNullable().defaultTo(0);
    /** Listed orders the warehouse already had before (not queued again). */
    t.integer('already_sent').notNullable().defaultTo(0);
    t.integer('queued').notNullable().defaultTo(0);
    /** The last order id listed (the next page asks for min_id = cursor + 1). */
    t.bigInteger('cursor').nullable();
    t.boolean('listing_done').notNullable().defaultTo(false);
    /** BigCommerce pages listed (each one call), for the calls-per-order figure. */
    t.integer('pages').notNullable().defaultTo(0);
    /** Time spent running (pauses excluded) up to `running_since`, for the measured rate. */
    t.bigInteger('active_ms').notNullable().defaultTo(0);
    t.bigInteger('running_since').nullable();
    t.string('started_by', 255).nullable();
    t.text('error').nullable();
    t.bigInteger('started_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('finished_at').nullable();
    t.index(['store_hash', 'id'], 'backfills_store_id');
  });
  // One backfill per store at a time, as a database guarantee (two clicks, two instances).
  await knex.raw('CREATE UNIQUE INDEX backfills_one_unfinished ON backfills (store_hash) WHERE finished_at IS NULL');

  await knex.schema.createTable('backfill_orders', (t) => {
    t.integer('backfill_id').notNullable();
    t.string('store_hash', 64).notNullable();
    t.bigInteger('order_id').notNullable();
    /** The order.sync job that carries it (null: already sent, nothing queued). */
    t.integer('job_id').nullable();
    t.boolean('already_sent').notNullable().defaultTo(false);
    t.primary(['backfill_id', 'order_id']);
    // The retention purge of an uninstalled store finds its rows by store (retention-repo.ts).
    t.index(['store_hash'], 'backfill_orders_store');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('backfill_orders');
  await knex.schema.dropTable('backfills');
}
