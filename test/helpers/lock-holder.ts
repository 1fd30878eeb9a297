import { createRequire } from 'node:module';

/** A second connection to a SQLite file, standing in for another process that holds its lock. */
export interface LockHolder {
  exec(sql: string): void;
  close(): void;
  readonly inTransaction: boolean;
}

// better-sqlite3 ships no type declarations; this is the slice the tests use.
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => LockHolder;

/** `holder.exec('BEGIN IMMEDIATE')` takes the write lock until `holder.exec('ROLLBACK')`. */
export function openLockHolder(file: string): LockHolder {
  return new Database(file);
}
