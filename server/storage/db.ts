import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from '../../migrations/index.js';
import { busyRetryingConfig } from './busy-retry-client.js';
import { checkDatabaseFileBeforeOpen, explainDatabaseBootError } from './db-file-check.js';
import { isPostgres, migratePostgres, openPostgres } from './postgres.js';

export type Db = Knex;

export interface OpenOptions {
  /**
   * How long a lock held by another process is waited out (asynchronously) before a statement
   * fails with DatabaseBusyError (503). Requests must not hang on the database; tests shorten it.
   */
  busyBudgetMs?: number;
  /** Where Knex's warnings go: the server passes its logger; by default (CLIs, tests) stderr, as Knex prints them. */
  warn?: (message: string) => void;
}

const warnOnStderr = (message: string) => {
  process.stderr.write(`${message}\n`);
};

export const DEFAULT_BUSY_BUDGET_MS = 1_000;

/** The SQLite file behind a database opened here, or undefined (':memory:', other clients). */
export function sqliteFilename(db: Knex): string | undefined {
  const filename = (db.client.config.connection as { filename?: unknown } | undefined)?.filename;
  return typeof filename === 'string' && filename !== ':memory:' ? filename : undefined;
}

/** Is this a PostgreSQL URL (`postgres://` or `postgresql://`)? */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the database named by DATABASE_URL: `sqlite:<path>`, `sqlite::memory:` or
 * `postgres://user:password@host:port/database` (postgres.ts). Refuses, with a DatabaseFileError,
 * a SQLite file that exists but is empty (see db-file-check.ts).
 */
export function openDatabase(databaseUrl: string, opts: OpenOptions = {}): Db {
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl, opts);
  const filename = databaseUrl.replace(/^sqlite:/, '');
  if (filename !== ':memory:') {
    try {
      mkdirSync(dirname(filename), { recursive: true });
    } catch (err) {
      throw explainDatabaseBootError(err, filename) ?? err;
    }
    checkDatabaseFileBeforeOpen(filename);
  }
  const config: Omit<Knex.Config, 'client'> = {
    connection: { filename },
    useNullAsDefault: true,
    log: {
      // Knex prints a failed connection with its stack before rejecting the query with the same
      // error; that error is explained where it surfaces (boot: a DatabaseFileError, requests: the
      // error handler), so the raw stack would only bury the message.
      warn: (message: string) => {
        if (!message.startsWith('Acquire connection error')) (opts.warn ?? warnOnStderr)(message);
      },
    },
    // One connection: SQLite has one writer anyway, and ':memory:' must not open a second database.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { pragma(s: string): unknown }, done: (err: Error | null, c: unknown) => void) => {
        try {
          conn.pragma('journal_mode = WAL');
          // FULL (WAL): every commit is fsynced before the webhook that caused it is acknowledged,
          // so an acknowledged event survives a power cut. That matters for the backend's events
          // (shipments, cancellations, stock): unlike BigCommerce orders, which the reconciliation
          // sweep re-derives, nothing re-sends them unless polling is on. Group commit amortises
          // the fsync over every webhook that arrived meanwhile (bench/: FULL vs NORMAL figures).
          conn.pragma('synchronous = FULL');
          conn.pragma('foreign_keys = ON');
          // No busy wait inside SQLite: it would block the event loop (every request, /healthz
          // included) for as long as another process holds the lock. Locks are waited out on
          // timers instead, within a bounded budget (busy-retry.ts).
          conn.pragma('busy_timeout = 0');
          done(null, conn);
        } catch (err) {
          done(err as Error, conn);
        }
      },
    },
  };
  return knexFactory(busyRetryingConfig(config, opts.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS));
}

/**
 * Proves the database can be read and written before migrating: the first read fails on a file
 * that is not a database, and rewriting `user_version` (unused by Knex) needs the write lock and
 * write access. Without this, a read-only file surfaced as Knex's misleading "MigrationLocked".
 */
async function probeSqlite(db: Knex): Promise<void> {
  const rows = await db.raw<Array<{ user_version: number }>>('PRAGMA user_version');
  const version = Number(rows[0]?.user_version ?? 0);
  await db.raw(`PRAGMA user_version = ${Math.trunc(version)}`);
}

/**
 * Runs pending migrations; on SQLite, a database that cannot be used is refused with a clear
 * DatabaseFileError. On PostgreSQL every instance calls this at boot: they take turns
 * (postgres.ts), so the migrations run once and the others find nothing left to do.
 */
export async function migrateToLatest(db: Db): Promise<void> {
  const filename = sqliteFilename(db);
  try {
    if (db.client.config.client === 'better-sqlite3') await probeSqlite(db);
    if (isPostgres(db)) return await migratePostgres(db, () => db.migrate.latest({ migrationSource }));
    await db.migrate.latest({ migrationSource });
  } catch (err) {
    throw (filename !== undefined ? explainDatabaseBootError(err, filename) : undefined) ?? err;
  }
}
