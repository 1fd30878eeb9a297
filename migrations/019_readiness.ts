import type { Knex } from 'knex';

// The readiness scan (issue 9 point 1): one latest scan per store, with its counted progress and
// its findings per check, so the setup and Settings show it after a reload or a restart.
// - run: bumped by every new scan; the job writes only while its run is still the current one, so
//   an old job can never overwrite a newer scan.
// - checks_json: the ReadinessCheckView list (findings capped at 100 per check, with the total).
// - cursor_json: where the scan is (phase, next product page), so a job that waited for the
//   store's API quota or was restarted continues instead of starting over.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('readiness_scans', (t) => {
    t.string('store_hash', 64).primary();
    t.integer('run').notNullable();
    /** queued | running | done | failed */
    t.string('state', 16).notNullable();
    t.string('step', 100).notNullable();
    t.integer('done').notNullable().defaultTo(0);
    t.integer('total').nullable();
    t.text('checks_json').notNullable();
    t.text('cursor_json').nullable();
    t.text('error').nullable();
    t.bigInteger('queued_at').notNullable();
    t.bigInteger('started_at').nullable();
    t.bigInteger('finished_at').nullable();
    t.bigInteger('updated_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('readiness_scans');
}
