import type { Knex } from 'knex';
import * as m001 from './001_foundation.js';
import * as m002 from './002_jobs.js';
import * as m003 from './003_order_import.js';
import * as m004 from './004_closing_the_loop.js';

// Migrations are listed here rather than discovered on disk, so the same code runs from the
// TypeScript sources (tsx, vitest) and from the compiled build without a loader.
const migrations: Record<string, Knex.Migration> = {
  '001_foundation': m001,
  '002_jobs': m002,
  '003_order_import': m003,
  '004_closing_the_loop': m004,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const m = migrations[name];
    if (!m) throw new Error(`Unknown migration ${name}`);
    return m;
  },
};
