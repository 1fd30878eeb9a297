import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';
import { migrationSource } from '../../migrations/index.js';
import { copiesMade, migrateFromTemplate } from '../helpers/migrated-template.js';

const opened: Knex[] = [];
const open = (url = 'sqlite::memory:') => {
  const db = openDatabase(url);
  opened.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

const schemaOf = async (db: Knex) => (await db.raw(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`)) as unknown[];
const rowsOf = async (db: Knex, table: string) => (await db(table).select('*').orderBy('id')) as unknown[];

describe('a fresh in-memory database migrated from the template', () => {
  it('has exactly the schema and migration records the migrations produce', async () => {
    const migrated = open();
    await migrated.migrate.latest({ migrationSource });
    const copied = open();
    let realRuns = 0;
    const real = {
      migrate: async (db: Knex) => {
        realRuns++;
        await db.migrate.latest({ migrationSource });
      },
      open,
    };
    await migrateFromTemplate(copied, real);
    const second = open();
    await migrateFromTemplate(second, real);
    expect(await schemaOf(copied)).toEqual(await schemaOf(migrated));
    expect(await schemaOf(second)).toEqual(await schemaOf(migrated));
    const names = (rows: unknown[]) => rows.map((r) => (r as { name: string }).name);
    expect(names(await rowsOf(copied, 'knex_migrations'))).toEqual(names(await rowsOf(migrated, 'knex_migrations')));
    // The migrator agrees nothing is left to run.
    const [, pending] = (await copied.migrate.list({ migrationSource })) as [unknown[], unknown[]];
    expect(pending).toEqual([]);
    // One real run made the template (at most: another test in this worker may have made it).
    expect(realRuns).toBeLessThanOrEqual(1);
  });

  it('is what migrateToLatest gives in the unit run (the setup file), and foreign keys still hold', async () => {
    const db = open();
    const before = copiesMade();
    await migrateToLatest(db);
    expect(copiesMade()).toBe(before + 1);
    expect((await db.raw<Array<{ foreign_keys: number }>>('PRAGMA foreign_keys'))[0]?.foreign_keys).toBe(1);
    expect(((await db.raw('PRAGMA foreign_key_check')) as unknown[]).length).toBe(0);
    const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown[], unknown[]];
    expect(pending).toEqual([]);
  });

  it('copies in a fraction of the time the migrations take', async () => {
    const timed = async (migrate: (db: Knex) => Promise<void>) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) await migrate(open());
      return performance.now() - t0;
    };
    await migrateToLatest(open()); // the template exists
    const copy = await timed(migrateToLatest);
    const real = await timed((db) => db.migrate.latest({ migrationSource }));
    expect(copy).toBeLessThan(real / 2);
  });

  it('runs the real migrations on a partly migrated database', async () => {
    const db = open();
    await db.migrate.up({ migrationSource });
    let realRuns = 0;
    await migrateFromTemplate(db, {
      migrate: async (d) => {
        realRuns++;
        await d.migrate.latest({ migrationSource });
      },
      open,
    });
    expect(realRuns).toBe(1);
  });
});
