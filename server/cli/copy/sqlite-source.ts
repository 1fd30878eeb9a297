// The SQLite side of the copy: the file opened read-only (the copy can never change it), checked to
// be a Fulfillment Bridge database at this version's latest migration and not in use by the app.
import { existsSync } from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import { CopyError } from './copy-error.js';

export type Row = Record<string, unknown>;

export function openSqliteSource(file: string): Knex {
  if (!existsSync(file)) throw new CopyError(`No SQLite database at ${file} (--from). Give the file the app's DATABASE_URL names.`);
  // One connection: the whole copy reads inside one transaction, i.e. one consistent snapshot.
  return knexFactory({ client: 'better-sqlite3', connection: { filename: file, options: { readonly: true } }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
}

/** Turns the driver's open/read errors into what to do about them. */
export function explainSqliteError(err: unknown, file: string): CopyError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new CopyError(`${file} is not a readable SQLite database (${code}). Restore it from a backup before copying.`);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
    return new CopyError(
      `Cannot open ${file} read-only (${code}): the user running the copy needs read access to it and to its -wal and -shm files, and write access to its folder.`,
    );
  }
  return undefined;
}

const tableNames = async (db: Knex): Promise<string[]> =>
  (await db.raw<Row[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'knex\\_%' ESCAPE '\\'`)).map((r) =>
    String(r.name),
  );

/** The app's tables in the source (Knex's own and SQLite's left out). */
export const sourceTables = tableNames;

/**
 * Refuses a source the current code did not finish migrating: its columns would not match the
 * target's. Both directions are named, since the fix differs (boot this version once; or use the
 * newer version's copy command).
 */
export async function checkSourceVersion(db: Knex, expected: readonly string[]): Promise<void> {
  const hasLog = (await db.raw<Row[]>(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'knex_migrations'`))[0]?.n;
  if (!Number(hasLog)) throw new CopyError('The source is not a Fulfillment Bridge database (it has no migration log). Check --from.');
  const logged: Row[] = await db('knex_migrations').select('name');
  const done = new Set(logged.map((r) => String(r.name)));
  const unknown = [...done].filter((n) => !expected.includes(n));
  if (unknown.length > 0) {
    throw new CopyError(
      `The source was written by a newer version of Fulfillment Bridge (migrations ${unknown.join(', ')} are unknown here). Run the copy command of that version.`,
    );
  }
  const missing = expected.filter((n) => !done.has(n));
  if (missing.length > 0) {
    throw new CopyError(
      `The source is not migrated to this version's latest (missing ${missing.join(', ')}). Start this version of the app once on it (it migrates at boot), stop it, then copy.`,
    );
  }
}

/**
 * A running app holds leases on the jobs it works on; a copy taken meanwhile would miss its later
 * writes. (A killed app's leases also show here until they run out: wait and try again.)
 */
export async function checkNotRunning(db: Knex, now: number): Promise<void> {
  const cols = (await db.raw<Row[]>(`PRAGMA table_info("jobs")`)).map((r) => String(r.name));
  if (!cols.includes('lease_expires_at')) return;
  const leases: Row[] = await db('jobs').where('state', 'running').andWhere('lease_expires_at', '>', now).count({ n: '*' }).max({ until: 'lease_expires_at' });
  const row = leases[0];
  const leased = Number(row?.n ?? 0);
  if (leased > 0) {
    const until = new Date(Number(row?.until)).toISOString();
    throw new CopyError(
      `The app looks like it is still running on the source: ${leased} job(s) are leased by a worker (until ${until}). Stop every instance first, then copy. (If it was killed, the leases run out by ${until}.)`,
    );
  }
}

/** Changes whenever another connection commits to the file: compared before and after the copy. */
export async function dataVersion(db: Knex): Promise<number> {
  return Number((await db.raw<Row[]>('PRAGMA data_version'))[0]?.data_version);
}

export async function sourceColumns(db: Knex, table: string): Promise<string[]> {
  return (await db.raw<Row[]>(`PRAGMA table_info("${table}")`)).map((r) => String(r.name));
}

/** Rows in rowid order (insertion order: a row that references an earlier one of its table comes after it). */
export async function* readBatches(db: Knex, table: string, columns: readonly string[], batchSize: number): AsyncGenerator<Row[]> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.raw<Row[]>(`SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`, [after, batchSize]);
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]?.__rowid);
    yield rows;
    if (rows.length < batchSize) return;
  }
}
