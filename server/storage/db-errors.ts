import { AppError } from '../errors.js';

/** better-sqlite3 errors carry SQLite's extended result code as a string, e.g. `SQLITE_BUSY_SNAPSHOT`. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Another connection holds the write lock (or the WAL is being recovered): trying again later can
 * succeed. `SQLITE_BUSY_SNAPSHOT` is left out on purpose: the transaction read a snapshot that
 * another writer has since replaced, so repeating the statement can never succeed.
 */
export function isRetryableBusy(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_RECOVERY' || code === 'SQLITE_BUSY_TIMEOUT';
}

/** Raised after the database stayed locked by another process for the whole retry budget. */
export class DatabaseBusyError extends AppError {
  constructor(waitedMs: number, options?: { cause?: unknown }) {
    super(503, 'database_busy', `The database is locked by another process (waited ${waitedMs} ms); please retry in a moment.`);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Knex's pool gave up waiting for the one connection (something held it too long). */
function isPoolTimeout(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'KnexTimeoutError';
}

/**
 * Errors about the database as a whole (locked, full, read-only, corrupt, unreachable) rather than
 * about one row: writing the same rows one by one cannot help, so callers fail fast instead.
 */
export function isDatabaseWide(err: unknown): boolean {
  if (err instanceof DatabaseBusyError || isPoolTimeout(err)) return true;
  const code = sqliteCode(err);
  if (!code) return false;
  return /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|PROTOCOL|NOMEM|PERM)/.test(code);
}

/**
 * A short, operator-readable reason for a database failure, safe to show on a public health
 * route: it names the condition, never a path, a query or a value.
 */
export function describeDatabaseProblem(err: unknown): string {
  if (err instanceof DatabaseBusyError) return 'database is locked by another process';
  if (isPoolTimeout(err)) return 'database connection is held by a long-running operation';
  const code = sqliteCode(err) ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'database is locked by another process';
  if (code === 'SQLITE_FULL') return 'disk is full (database cannot grow)';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'database file is read-only (check file and directory permissions, or a read-only mount)';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'database file is corrupt';
  if (code.startsWith('SQLITE_IOERR')) return 'disk I/O error on the database file';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'database file cannot be opened';
  if (code) return `database error ${code}`;
  return 'database write failed';
}
