import type { Knex } from 'knex';

// Times are stored as integer milliseconds since the epoch: the same on SQLite and PostgreSQL.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stores', (t) => {
    t.string('hash', 64).primary();
    t.string('status', 16).notNullable(); // installed | uninstalled
    t.text('access_token_enc'); // AES-256-GCM, null once uninstalled
    t.text('scope').notNullable().defaultTo('');
    t.string('account_uuid', 64);
    t.bigInteger('owner_id');
    t.string('owner_email', 320);
    t.bigInteger('installed_by_user_id');
    t.bigInteger('installed_at').notNullable();
    t.bigInteger('uninstalled_at');
    t.boolean('needs_reauth').notNullable().defaultTo(false);
    // Last good copy of GET /v2/store, so the Overview still shows something when BigCommerce is slow.
    t.string('name', 255);
    t.string('plan', 128);
    t.string('domain', 255);
    t.string('secure_url', 512);
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('users', (t) => {
    t.bigInteger('id').primary(); // BigCommerce user id
    t.string('email', 320).notNullable();
    t.string('locale', 35);
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('store_members', (t) => {
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('role', 16).notNullable(); // owner | user
    t.bigInteger('created_at').notNullable();
    t.primary(['store_hash', 'user_id']);
  });

  await knex.schema.createTable('exchange_codes', (t) => {
    t.string('code_hash', 64).primary(); // sha256 of the code: the code itself is never stored
    t.string('store_hash', 64).notNullable().references('hash').inTable('stores').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('used_at');
    t.bigInteger('created_at').notNullable();
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('exchange_codes');
  await knex.schema.dropTable('store_members');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('stores');
}
