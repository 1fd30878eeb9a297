// The storage battery's database (issue 10 point 2): SQLite in memory by default; PostgreSQL when
// TEST_DATABASE_URL names one (`npm run test:pg`, .ci/run). On PostgreSQL each database opened here
// is a fresh schema, dropped on close, so test files run in parallel without seeing each other.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { migrateToLatest, openDatabase, type OpenOptions } from '../../server/storage/db.js';
import { openPostgres } from '../../server/storage/postgres.js';

/** The PostgreSQL server the battery runs against, or undefined for SQLite. */
export const testPostgresUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export const onPostgres = (): boolean => testPostgresUrl() !== undefined;

export interface TestDatabase {
  db: Knex;
  /** The URL another process (an app instance) opens to reach the same data. */
  url: string;
  close(): Promise<void>;
}

/** A new, empty, migrated database; close() destroys it (the PostgreSQL schema is dropped). */
export async function openTestDatabase(opts: OpenOptions & { migrate?: boolean } = {}): Promise<TestDatabase> {
  const pgUrl = testPostgresUrl();
  if (!pgUrl) {
    const db = openDatabase('sqlite::memory:', opts);
    if (opts.migrate !== false) await migrateToLatest(db);
    return { db, url: 'sqlite::memory:', close: () => db.destroy() };
  }
  // The creation time in the name lets a later run drop what an interrupted one left behind
  // without touching the schemas of a run going on beside it (test/setup/postgres-global.ts).
  const schema = `t_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(pgUrl, { poolMax: 1 });
  await admin.raw(`CREATE SCHEMA ${schema}`);
  await admin.destroy();
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`;
  const db = openDatabase(url, opts);
  if (opts.migrate !== false) await migrateToLatest(db);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      const drop = openPostgres(pgUrl, { poolMax: 1 });
      try {
        await drop.raw(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await drop.destroy();
      }
    },
  };
}
