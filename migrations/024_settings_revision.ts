import type { Knex } from 'knex';

// Conflicting settings edits (issue 9 point 8). Every settings write bumps `revision`; a PUT that
// names the revision it was edited from is refused (409) once someone else saved in between, so
// two people editing Settings at once never silently overwrite each other.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_settings', (t) => {
    t.integer('revision').notNullable().defaultTo(1);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_settings', (t) => t.dropColumn('revision'));
}
