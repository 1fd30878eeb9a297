// PostgreSQL through Knex and the `pg` driver (issue 10): the path for several instances on one
// database. Everything else in storage/ is written once for both dialects; what differs lives here.
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// bigint (COUNT(*), the millisecond timestamps) and numeric arrive as strings by default; every
// value this app keeps fits a JavaScript number, and the repositories expect numbers, as SQLite gives.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Is `db` a PostgreSQL connection? */
export function isPostgres(db: Knex): boolean {
  const client: unknown = db.client.config.client;
  return typeof client === 'string' && /^(pg|postgres|postgresql|pgnative)$/.test(client);
}

export interface PostgresOptions {
  /** Statements wait this long for a row or table lock before failing (ms); requests must not hang. */
  busyBudgetMs?: number;
  /** Tables in this schema instead of `public` (tests give each database its own). */
  schema?: string;
  /** Connections per instance (default 10: the worker's slots, the receiver and the pages). */
  poolMax?: number;
}

/** Opens `postgres://user:password@host:port/database` (`?schema=name` picks a schema other than public). */
export function openPostgres(databaseUrl: string, opts: PostgresOptions = {}): Knex {
  const url = new URL(databaseUrl);
  const schema = opts.schema ?? url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const lockTimeout = Math.max(1, Math.round(opts.busyBudgetMs ?? 5_000));
  return knexFactory({
    client: 'pg',
    connection: { connectionString: url.toString(), application_name: 'fulfillment-bridge' },
    searchPath: schema ? [schema] : undefined,
    pool: {
      min: 0,
      max: opts.poolMax ?? 10,
      // A lock held by another instance is waited out for a bounded time (SQLite's busy budget's twin).
      afterCreate: (conn: pg.Client, done: (err: Error | null, c: unknown) => void) => {
        conn.query(`SET lock_timeout = ${lockTimeout}`, (err) => done(err ?? null, conn));
      },
    },
  });
}

/** Arbitrary constant naming the migration lock (pg_advisory_xact_lock takes a bigint). */
const MIGRATION_LOCK = 4_170_512_301;

/**
 * Runs `migrate` while holding a transaction-scoped advisory lock: instances booting together take
 * turns, the first runs the migrations, the others then find none pending (Knex's own lock table
 * would instead fail them with "Migration table is already locked").
 */
export async function migratePostgres(db: Knex, migrate: () => Promise<unknown>): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await migrate();
  });
}
