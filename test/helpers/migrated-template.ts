// A fresh in-memory SQLite database migrated by copying a migrated template instead of running the
// 25 Knex migrations again: the migrations take tens of milliseconds per database and the unit run
// opens about a thousand, which was a large share of `npm test`. The template is made once per
// worker by the real migrateToLatest, so the schema is exactly what the migrations produce.
import type { Knex } from 'knex';

type Migrate = (db: Knex) => Promise<void>;
type Open = (url: string) => Knex;

/** The parts of a better-sqlite3 connection used here. */
interface RawSqlite {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...values: unknown[]): unknown };
  transaction(fn: () => void): () => void;
}

interface Template {
  /** CREATE TABLE / INDEX / TRIGGER / VIEW statements in creation order. */
  ddl: string[];
  /** Rows the migrations left behind (knex_migrations, seeds, sqlite_sequence). */
  rows: Array<{ table: string; rows: Array<Record<string, unknown>> }>;
}

let template: Promise<Template> | undefined;
let copies = 0;

/** How many databases were migrated from the template in this worker (tests of the setup). */
export const copiesMade = (): number => copies;

const isEmptyMemorySqlite = async (db: Knex): Promise<boolean> => {
  if (db.client.config.client !== 'better-sqlite3') return false;
  const filename = (db.client.config.connection as { filename?: unknown } | undefined)?.filename;
  if (filename !== ':memory:') return false;
  const [row] = await db.raw<Array<{ n: number }>>(`SELECT count(*) AS n FROM sqlite_master`);
  return Number(row?.n) === 0;
};

async function makeTemplate(open: Open, migrate: Migrate): Promise<Template> {
  const db = open('sqlite::memory:');
  try {
    await migrate(db);
    const objects = await db.raw<Array<{ type: string; name: string; sql: string }>>(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    );
    const rows: Template['rows'] = [];
    for (const { name } of objects.filter((o) => o.type === 'table')) {
      const found = (await db(name).select('*')) as Array<Record<string, unknown>>;
      if (found.length) rows.push({ table: name, rows: found });
    }
    const hasSequence = (await db.raw<Array<{ n: number }>>(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_sequence'`))[0]?.n;
    if (Number(hasSequence)) {
      const seq = (await db('sqlite_sequence').select('*')) as Array<Record<string, unknown>>;
      if (seq.length) rows.push({ table: 'sqlite_sequence', rows: seq });
    }
    return { ddl: objects.map((o) => o.sql), rows };
  } finally {
    await db.destroy();
  }
}

/**
 * migrateToLatest for tests: an empty `sqlite::memory:` database gets the template's schema and
 * rows in one transaction; anything else (files, PostgreSQL, a partly migrated database) goes
 * through the real migrations.
 */
export async function migrateFromTemplate(db: Knex, real: { migrate: Migrate; open: Open }): Promise<void> {
  if (!(await isEmptyMemorySqlite(db))) return real.migrate(db);
  template ??= makeTemplate(real.open, real.migrate);
  const t = await template;
  // Straight on the driver's connection: one exec for the schema instead of ~70 round trips
  // through Knex's query builder.
  const conn = (await db.client.acquireConnection()) as RawSqlite;
  try {
    conn.transaction(() => {
      conn.exec(t.ddl.join(';\n'));
      for (const { table, rows } of t.rows) {
        for (const row of rows) {
          const cols = Object.keys(row);
          const sql = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
          conn.prepare(sql).run(...cols.map((c) => row[c]));
        }
      }
    })();
  } finally {
    await db.client.releaseConnection(conn);
  }
  copies++;
}
