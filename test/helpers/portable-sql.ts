// Only SQLite runs in tests, but the storage code must stay valid on PostgreSQL. These helpers
// catch the SQLite-only constructs that slipped in before: the implicit rowid, and SQLite's JSON
// functions (PostgreSQL has json_build_array / json_array_elements_text instead).
import type { Knex } from 'knex';

export interface SentStatement {
  sql: string;
  bindings: unknown[];
}

/** SQLite's implicit row id, and any SQLite JSON function (json(…), json_each(…), json_array(…)…). */
const SQLITE_ONLY = /\b_?rowid_?\b|\bjson(?:_[a-z_]+)?\s*\(/gi;

/** The SQLite-only constructs a statement uses (empty when it is portable). */
export function sqliteOnlyIn(sql: string): string[] {
  return [...sql.matchAll(SQLITE_ONLY)].map((m) => m[0]);
}

/** Every statement `run` sends through `db`. */
export async function statementsSent(db: Knex, run: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) => sent.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.on('query', listen);
  try {
    await run();
  } finally {
    db.off('query', listen);
  }
  return sent;
}

/**
 * Rebuilds an (empty) table as WITHOUT ROWID, with its indexes: like a PostgreSQL table, it then
 * has no rowid, so a statement that relies on one fails here too. The table needs a primary key
 * that is not an INTEGER PRIMARY KEY AUTOINCREMENT.
 */
export async function withoutRowid(db: Knex, table: string): Promise<void> {
  const [created] = await db.raw<Array<{ sql: string }>>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
  const indexes = await db.raw<Array<{ sql: string }>>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table]);
  if (!created) throw new Error(`No table ${table}`);
  await db.raw(`DROP TABLE ${table}`);
  await db.raw(`${created.sql} WITHOUT ROWID`);
  for (const i of indexes) await db.raw(i.sql);
}
