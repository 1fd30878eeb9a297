import type { Knex } from 'knex';

// Reserved for issue 9; filled by the engineer who owns this migration (no-op until then).
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
