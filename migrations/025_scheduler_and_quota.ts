import type { Knex } from 'knex';

// Scale-out (issue 10 points 1 and 4).
//
// scheduler_lease: one row per lease name; the instance named in `owner` runs the periodic work
// until `expires_at` (renewed every few seconds); another instance takes the row over once it
// has expired, so exactly one scheduler runs however many instances there are.
// scheduler_watermarks: per periodic task, the time up to which its work has been queued. The
// leader moves it forward in the same transaction as the jobs it queued, and only from the value
// it read (compare-and-set), so a slice of time is queued once even across a leader change.
// api_quota_windows: per store, the app's own BigCommerce requests in the current rate-limit
// window, counted by every instance, so the merchant's share of the quota holds for all of them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scheduler_lease', (t) => {
    t.string('name', 64).primary();
    t.string('owner', 255).notNullable();
    t.bigInteger('expires_at').notNullable();
  });
  await knex.schema.createTable('scheduler_watermarks', (t) => {
    t.string('task', 64).primary();
    t.bigInteger('covered_until').notNullable();
  });
  await knex.schema.createTable('api_quota_windows', (t) => {
    t.string('store_hash', 64).primary();
    /** When the window ends (the earliest estimate any instance had: now + X-Rate-Limit-Time-Reset-Ms). */
    t.bigInteger('window_end').notNullable();
    /** The app's requests sent in this window, by every instance (taken before sending). */
    t.integer('used').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_quota_windows');
  await knex.schema.dropTable('scheduler_watermarks');
  await knex.schema.dropTable('scheduler_lease');
}
