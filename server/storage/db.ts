import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from '../../migrations/index.js';

export type Db = Knex;

/** Opens the database named by DATABASE_URL (`sqlite:<path>` or `sqlite::memory:`). */
export function openDatabase(databaseUrl: string): Db {
  const filename = databaseUrl.replace(/^sqlite:/, '');
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // One connection: SQLite has one writer anyway, and ':memory:' must not open a second database.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { pragma(s: string): unknown }, done: (err: Error | null, c: unknown) => void) => {
        conn.pragma('journal_mode = WAL');
        // NORMAL (WAL): a commit survives a process crash; a power cut can lose only the last
        // commits, in order. Everything in that tail is re-derived from BigCommerce: the order
        // reconciliation re-lists orders modified after the watermark (written after the jobs it
        // covers), and a lost "sent" mark just repeats the create with the same Idempotency-Key.
        // FULL would fsync on every commit and halve webhook acknowledgement throughput (bench/).
        conn.pragma('synchronous = NORMAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  });
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource });
}
