import type { Knex } from 'knex';

// Jobs: fair claiming across stores and per-key serial execution (issue 7 points 4 and 9).
export async function up(knex: Knex): Promise<void> {
  // The claim walks the stores that have pending jobs (a loose index scan on store_hash) and takes
  // each store's oldest due jobs: both are seeks on (state, store_hash, run_at).
  await knex.schema.alterTable('jobs', (t) => {
    t.index(['state', 'store_hash', 'run_at'], 'jobs_state_store_run_at');
  });
  // At most one *running* job per dedupe key: the queue-level guarantee behind serial execution
  // (two webhook reconciliations of one store must never run at once). Rows left running by an
  // older version may already break it; those keep running without their key (they can only be
  // leftovers of a stopped process, whose leases expire and are taken over as before).
  await knex.raw(`
    UPDATE jobs SET dedupe_key = NULL
    WHERE state = 'running' AND dedupe_key IS NOT NULL
      AND id NOT IN (SELECT MIN(id) FROM jobs WHERE state = 'running' AND dedupe_key IS NOT NULL GROUP BY dedupe_key)`);
  await knex.raw(`CREATE UNIQUE INDEX jobs_running_dedupe ON jobs (dedupe_key) WHERE state = 'running' AND dedupe_key IS NOT NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS jobs_running_dedupe');
  await knex.schema.alterTable('jobs', (t) => {
    t.dropIndex(['state', 'store_hash', 'run_at'], 'jobs_state_store_run_at');
  });
}
