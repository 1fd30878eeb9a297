import type { Knex } from 'knex';

// Secret health (issue 7 point 10): why a store needs re-authorisation. 'token_unreadable' (the
// encryption key changed) clears itself once the token can be read again (the old key was listed in
// ENCRYPTION_KEY_PREVIOUS); 'token_revoked' (BigCommerce answered 401) only clears on a new /auth.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stores', (t) => {
    t.string('reauth_reason', 32);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stores', (t) => t.dropColumn('reauth_reason'));
}
