// Global setup of the `pg` project (npm run test:pg): the storage battery against PostgreSQL.
// Needs TEST_DATABASE_URL; drops the schemas an interrupted earlier run left behind.
import { openPostgres } from '../../server/storage/postgres.js';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'npm run test:pg needs TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/database (README › "Tests on PostgreSQL" says how to start one)',
    );
  }
  const db = openPostgres(url, { poolMax: 1 });
  try {
    const rows = (await db.raw(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ESCAPE '\\'`)) as { rows: Array<{ nspname: string }> };
    for (const { nspname } of rows.rows) await db.raw(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await db.destroy();
  }
}
