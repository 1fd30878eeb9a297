// Issue 10 point 7: `npm run copy-db` moves a store base from SQLite to PostgreSQL. Runs in the
// `pg` project (TEST_DATABASE_URL): each test copies into a fresh schema of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabaseCli } from '../../server/cli/copy-database.js';
import { KnexJobQueue } from '../../server/jobs/index.js';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';
import { OrdersQuery } from '../../server/storage/orders-query.js';
import { openPostgres } from '../../server/storage/postgres.js';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { StoresRepo } from '../../server/storage/stores-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { ACCESS_TOKEN, API_KEY, ENCRYPTION_KEY, seedStoreBase, SEED_NOW, STORES } from './copy-seed.js';

type Row = Record<string, unknown>;
/** The first row's `column` of a count / max query, as a number. */
const scalar = async (q: Promise<Row[]>, column = 'n'): Promise<number> => Number((await q)[0]?.[column]);
const pgUrl = process.env.TEST_DATABASE_URL ?? '';
const dir = mkdtempSync(join(tmpdir(), 'fb-copy-'));
const sourceFile = join(dir, 'app.sqlite');
const schemas: string[] = [];

function targetUrl(): string {
  const schema = `t_copy_${Math.floor(Date.now() / 1000)}_${Math.random().toString(16).slice(2, 10)}`;
  schemas.push(schema);
  return `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`;
}

async function copy(to: string, extra: string[] = [], afterBatch?: (table: string) => Promise<void>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await copyDatabaseCli(['--from', `sqlite:${sourceFile}`, '--to', to, ...extra], {
    print: (l) => out.push(l),
    error: (l) => err.push(l),
    now: () => SEED_NOW,
    afterBatch,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const appTables = async (sqlite: Knex): Promise<string[]> =>
  (await sqlite.raw<Row[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'knex\\_%' ESCAPE '\\'`))
    .map((r) => String(r.name))
    .sort();

// PostgreSQL answers booleans where SQLite keeps 0/1; everything else must come back identical.
const normalised = (rows: Row[]): string[] =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.fromEntries(
          Object.keys(r)
            .sort()
            .map((k) => [k, typeof r[k] === 'boolean' ? Number(r[k]) : r[k]]),
        ),
      ),
    )
    .sort();

let sqlite: Knex;

beforeAll(async () => {
  sqlite = openDatabase(`sqlite:${sourceFile}`);
  await migrateToLatest(sqlite);
  await seedStoreBase(sqlite);
});

afterAll(async () => {
  await sqlite.destroy();
  const admin = openPostgres(pgUrl, { poolMax: 1 });
  for (const s of schemas) await admin.raw(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('copy-db: SQLite → PostgreSQL', () => {
  it('copies every table row for row; the app reads it on PostgreSQL and keeps going', async () => {
    const url = targetUrl();
    const tables = await appTables(sqlite);
    for (const t of tables) expect(await scalar(sqlite(t).count({ n: '*' })), `seeded ${t}`).toBeGreaterThan(0);

    const { code, out, err } = await copy(url, ['--batch-size', '7']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/every table's row count matches/);
    expect(out).not.toContain('fb:fb@'); // the password is redacted in what is printed
    expect(out).toContain(':***@');

    const pg = openPostgres(url);
    try {
      for (const t of tables) {
        expect(normalised((await pg(t).select('*')) as Row[]), t).toEqual(normalised((await sqlite(t).select('*')) as Row[]));
      }
      // The app's repositories on the copy, with the same ENCRYPTION_KEY.
      const cipher = new TokenCipher(ENCRYPTION_KEY);
      expect(await new StoresRepo(pg, cipher).accessToken(STORES[0]!)).toBe(ACCESS_TOKEN);
      expect((await new SettingsRepo(pg, cipher).get(STORES[1]!, SEED_NOW)).backendApiKey).toBe(API_KEY);
      const list = await new OrdersQuery(pg).list(STORES[0]!, {}, 1, 25);
      expect(list.total).toBe(60);
      expect(list.items[0]).toMatchObject({ orderId: 159, customer: "Zoë O'Brien 159" });
      // Sequences were moved past the copied ids: a new job takes the next id, no collision.
      const maxId = await scalar(pg('jobs').max({ m: 'id' }), 'm');
      const job = await new KnexJobQueue({ db: pg, clock: { now: () => SEED_NOW } }).enqueue({ storeHash: STORES[0]!, kind: 'order.sync', payload: { orderId: 999 } });
      expect(job.id).toBe(maxId + 1);
    } finally {
      await pg.destroy();
    }
  });

  it('refuses a target that already holds data, and changes nothing there', async () => {
    const url = targetUrl();
    expect((await copy(url)).code).toBe(0);
    const again = await copy(url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/The target already holds data \(.*stores: 2 rows.*\)\. The copy only fills an empty database/);
    const pg = openPostgres(url);
    try {
      expect(await scalar(pg('orders').count({ n: '*' }))).toBe(120);
    } finally {
      await pg.destroy();
    }
  });

  it('a source written during the copy (the app still running) fails the copy and leaves the target empty', async () => {
    const url = targetUrl();
    const writer = openDatabase(`sqlite:${sourceFile}`);
    let wrote = false;
    try {
      const result = await copy(url, ['--batch-size', '50'], async (table) => {
        if (wrote || table !== 'stores') return;
        wrote = true;
        await writer('sync_log').insert({ store_hash: STORES[0], flow: 'orders', level: 'info', message: 'written by a running app', at: SEED_NOW });
      });
      expect(wrote).toBe(true);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/source changed while it was being copied.*Stop every instance/);
      const pg = openPostgres(url);
      try {
        for (const t of await appTables(sqlite)) expect(await scalar(pg(t).count({ n: '*' })), t).toBe(0);
      } finally {
        await pg.destroy();
      }
    } finally {
      await writer('sync_log').where({ message: 'written by a running app' }).delete();
      await writer.destroy();
    }
  });
});
