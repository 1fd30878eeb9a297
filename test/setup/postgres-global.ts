// Global setup of the `pg` project (npm run test:pg): the storage battery against PostgreSQL.
// Needs TEST_DATABASE_URL; drops the schemas an interrupted earlier run left behind: only those
// created over an hour ago, so a run going on beside this one keeps its own.
import { openPostgres } from '../../server/storage/postgres.js';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('npm run test:pg needs TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/database (README › "Tests on PostgreSQL" says how to start one)');
  }
  const db = openPostgres(url, { poolMax: 1 });
  try {
    const rows = await db.raw<{ rows: Array<{ nspname: string }> }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ESCAPE '\\'`);
    for (const { nspname } of rows.rows) {
      if (staleTestSchema(nspname, Date.now())) await db.raw(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  } finally {
    await db.destroy();
  }
}

const STALE_AFTER_SECONDS = 3600;

/** t_<unix seconds>_<hex> schemas older than an hour; names without a time are from before the rule. */
export function staleTestSchema(name: string, nowMs: number): boolean {
  const match = /^t_(?:copy_)?(\d{9,})_/.exec(name);
  if (!match) return /^t_(?:copy_)?[0-9a-f]+$/.test(name);
  return nowMs / 1000 - Number(match[1]) > STALE_AFTER_SECONDS;
}
