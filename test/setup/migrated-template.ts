// Unit project only: every fresh in-memory SQLite database is migrated by copying a template
// (test/helpers/migrated-template.ts) rather than by replaying the migrations each time. Files and
// partly migrated databases still run the real migrations, so the migration tests test them.
import { vi } from 'vitest';
import { migrateFromTemplate } from '../helpers/migrated-template.js';

vi.mock('../../server/storage/db.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/storage/db.js')>();
  return {
    ...real,
    migrateToLatest: (db: Parameters<typeof real.migrateToLatest>[0]) => migrateFromTemplate(db, { migrate: real.migrateToLatest, open: (url) => real.openDatabase(url) }),
  };
});
