import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { BusyRetry } from './busy-retry.js';
import { isWriteSql } from './statement-kind.js';

/** The slice of Knex's internal client this file relies on. */
interface KnexClientInternals {
  config: Knex.Config;
  transacting?: boolean;
  _query(connection: unknown, obj: unknown): Promise<unknown>;
}
type ClientClass = new (config: Knex.Config) => KnexClientInternals;

// Knex ships no types for its dialect classes; this is the class behind `client: 'better-sqlite3'`.
const require = createRequire(import.meta.url);
const BetterSqlite3Client = require('knex/lib/dialects/better-sqlite3/index.js') as ClientClass;

// Knex builds transaction clients with Object.create(prototype), without our instance fields, but
// they share `config`: the retry state hangs off that.
const retries = new WeakMap<object, BusyRetry>();

/** Knex query-builder methods that take the write lock. */
const WRITE_METHODS = new Set(['insert', 'update', 'del', 'delete', 'upsert', 'counter']);
/** Knex query-builder methods that only read. */
const READ_METHODS = new Set(['select', 'first', 'pluck', 'columnInfo']);

/**
 * Whether a statement Knex sends needs the write lock. Raw statements (the job claim is a raw
 * UPDATE, the webhook topics a raw SELECT) and schema statements carry no telling method, so their
 * SQL decides: a read counted as a write would end the lock episode when it succeeds (BusyRetry).
 */
export function isWriteStatement(obj: unknown): boolean {
  const { method, sql } = (obj ?? {}) as { method?: unknown; sql?: unknown };
  if (WRITE_METHODS.has(String(method))) return true;
  if (READ_METHODS.has(String(method))) return false;
  return typeof sql === 'string' && isWriteSql(sql);
}

/**
 * Knex's better-sqlite3 client, with every statement run through BusyRetry: a lock held by another
 * process is waited out on timers (never by blocking the event loop), up to the episode budget.
 */
class BusyRetryingClient extends BetterSqlite3Client {
  constructor(config: Knex.Config) {
    // Code that asks which database this is (`db.client.config.client`) still sees the name.
    super({ ...config, client: 'better-sqlite3' });
  }

  override async _query(connection: unknown, obj: unknown): Promise<unknown> {
    const retry = retries.get(this.config);
    if (!retry) return super._query(connection, obj);
    const conn = connection as { inTransaction?: boolean };
    // Inside a transaction, repeat a statement only while the transaction is still open: if SQLite
    // rolled it back, repeating would run the statement on its own, outside the transaction.
    return retry.run(() => super._query(connection, obj), {
      canRetry: () => !this.transacting || conn.inTransaction === true,
      write: isWriteStatement(obj),
    });
  }
}

/** Knex config for a better-sqlite3 database whose statements wait out locks asynchronously. */
export function busyRetryingConfig(config: Omit<Knex.Config, 'client'>, budgetMs: number): Knex.Config {
  const retry = new BusyRetry({ budgetMs });
  return {
    ...config,
    client: class extends BusyRetryingClient {
      constructor(c: Knex.Config) {
        super(c);
        retries.set(this.config, retry);
      }
    } as unknown as Knex.Config['client'],
  };
}

/** The BusyRetry of a database opened by openDatabase (undefined for other clients). */
export function busyRetryOf(db: Knex): BusyRetry | undefined {
  return retries.get(db.client.config as object);
}
