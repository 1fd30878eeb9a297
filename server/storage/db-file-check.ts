import { existsSync, statSync } from 'node:fs';
import { sqliteCode } from './db-errors.js';

/**
 * The database file cannot be used; boot stops with this message (no stack). It names the file and
 * what the operator should do, and never contains a secret (DATABASE_URL for SQLite is a path).
 */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

/**
 * Checks made before SQLite touches the file. A missing file is a new installation and is
 * created. An existing zero-length file is refused: this app writes the SQLite header on its very
 * first open (switching to WAL), so an empty file was never a database of ours, or it is one that
 * was truncated or lost (a failed restore, a volume that was not mounted and re-created, a
 * `> file` by mistake). Starting on it would quietly show every store as "not installed"; an
 * operator who really wants a new database deletes the empty file.
 */
export function checkDatabaseFileBeforeOpen(filename: string): void {
  if (!existsSync(filename)) return;
  const st = statSync(filename);
  if (st.isDirectory()) throw new DatabaseFileError(`Database file ${filename} is a directory. Point DATABASE_URL at a file (sqlite:<path to file>).`);
  if (st.size > 0) return;
  const wal = `${filename}-wal`;
  const walNote = existsSync(wal) && statSync(wal).size > 0 ? ` Keep ${wal}: it may still hold recent data.` : '';
  throw new DatabaseFileError(
    `Database file ${filename} exists but is empty (0 bytes). An existing installation's database has most likely been lost or truncated: ` +
      `restore it from a backup (see README, Deploying). If this really is a new installation, delete the empty file and start again; ` +
      `the app then creates a new database.${walNote}`,
  );
}

/** A boot failure of SQLite itself (open, first read, writability probe, migrations), explained. */
export function explainDatabaseBootError(err: unknown, filename: string): DatabaseFileError | undefined {
  const code = sqliteCode(err) ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseFileError(
      `Database file ${filename} is corrupt (${code}). Stop here: do not delete it. Restore the last good backup ` +
        `(see README, Deploying), or try to salvage it with \`sqlite3 ${filename} ".recover"\` into a new file.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new DatabaseFileError(
      `Database file ${filename} cannot be written (${code}). Give the app's user write access to the file and to its ` +
        `directory (SQLite creates ${filename}-wal and ${filename}-shm next to it), and check that the volume is not mounted read-only.`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseFileError(`Database file ${filename} cannot be opened (${code}). Check that its directory exists and the app's user may read and write it.`);
  }
  if (code === 'SQLITE_FULL') return new DatabaseFileError(`Database file ${filename} cannot be written: the disk is full. Free space on its volume.`);
  if (code.startsWith('SQLITE_IOERR')) return new DatabaseFileError(`Database file ${filename} cannot be read or written (${code}): check the disk and the volume it is on.`);
  if (code.startsWith('SQLITE_BUSY')) {
    return new DatabaseFileError(
      `Database file ${filename} is locked by another process. Run exactly one instance per SQLite file, and stop whatever else holds it (a backup job, a sqlite3 shell).`,
    );
  }
  const fsCode = (err as { code?: unknown } | null)?.code;
  if (fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EROFS') {
    return new DatabaseFileError(`Database file ${filename} or its directory is not accessible (${String(fsCode)}). Give the app's user read and write access.`);
  }
  return undefined;
}
