import type { Knex } from 'knex';

// Readiness probe (issue 7 point 12): GET /readyz proves the database takes a write by upserting
// the single row of this table and reading it back (server/storage/database-probe.ts).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('db_health_probe', (t) => {
    t.integer('id').primary();
    t.string('token', 64).notNullable();
    t.bigInteger('checked_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('db_health_probe');
}
