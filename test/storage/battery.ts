// The storage battery's shared setup (issue 10 point 2): every repository suite runs on a fresh
// database from openTestDatabase() — SQLite in memory under `npm test`, a PostgreSQL schema under
// `npm run test:pg` — so one suite proves the repository on both, as Shopify's session storages do.
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';

/** A fresh migrated database per test; read it through the returned getter inside tests. */
export function useBatteryDatabase(): () => Db {
  let db: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    ({ db, close } = await openTestDatabase());
  });
  afterEach(async () => {
    await close?.();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('The battery database is open only inside a test');
    return db;
  };
}

/** Installed stores the rows under test can reference (most tables have a foreign key to stores). */
export async function seedStores(db: Db, ...hashes: string[]): Promise<void> {
  await db('stores').insert(hashes.map((hash) => ({ hash, status: 'installed', installed_at: 1, updated_at: 1 })));
}

/** A unique violation as either database reports it (SQLite's code, PostgreSQL's SQLSTATE 23505). */
export const UNIQUE_VIOLATION = /SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)|^23505$/;
export const errorCode = (err: unknown): string => String((err as { code?: unknown }).code ?? '');
