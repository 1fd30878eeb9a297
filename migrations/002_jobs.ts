import type { Knex } from 'knex';

// Durable job queue (server/jobs). Works on SQLite and PostgreSQL. Times are integer ms since the
// epoch (bigint: PostgreSQL's driver returns them as strings, server/jobs/rows.ts converts).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jobs', (t) => {
    t.increments('id').primary();
    t.string('store_hash', 64).notNullable();
    t.string('kind', 64).notNullable();
    t.text('payload').notNullable().defaultTo('null'); // JSON
    // Global, not per store: callers put the store hash into the key (e.g. `order:{hash}:{id}`).
    t.string('dedupe_key', 255);
    t.string('state', 16).notNullable(); // pending | running | done | dead
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('max_attempts').notNullable();
    t.bigInteger('run_at').notNullable();
    // Lease token of the worker run holding the job (`<workerId>#<n>`), null unless running.
    t.string('lease_owner', 64);
    t.bigInteger('lease_expires_at');
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('finished_at');
    // Claim, branch 1: due pending jobs in (run_at, id) order. Also serves the hourly purge of done jobs.
    t.index(['state', 'run_at']);
    // Claim, branch 2: running jobs whose lease ran out. A separate index (and a separate branch
    // of the claim query) because `pending OR expired` in one WHERE makes SQLite fall back to a
    // multi-index OR plus a temp B-tree sort on every claim (measured ~3x slower).
    t.index(['state', 'lease_expires_at']);
    t.index(['store_hash', 'state']);
  });
  // One pending job per dedupe key; running/done ones do not block a new pending one. Enqueue
  // targets it with `ON CONFLICT (dedupe_key) WHERE <same predicate> DO NOTHING`.
  await knex.raw(`CREATE UNIQUE INDEX jobs_pending_dedupe ON jobs (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('jobs');
}
