// `npm run copy-db` (issue 10 point 7): arguments, redaction and the checks that need no
// PostgreSQL. The copy itself is tested against PostgreSQL in test/postgres/copy-database.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationSource } from '../../migrations/index.js';
import { copyDatabaseCli } from '../../server/cli/copy-database.js';
import { parseCopyArgs, redactUrl, UsageError } from '../../server/cli/copy/args.js';
import { convertRow, convertValue } from '../../server/cli/copy/convert-row.js';
import { parentsFirst } from '../../server/cli/copy/postgres-target.js';
import { checkNotRunning, checkSourceVersion } from '../../server/cli/copy/sqlite-source.js';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';

const dir = mkdtempSync(join(tmpdir(), 'fb-copy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await copyDatabaseCli(argv, { print: (l) => out.push(l), error: (l) => err.push(l), now: () => 1_700_000_000_000 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('copy-db arguments', () => {
  it('reads --from and --to (both spellings) and resolves the SQLite path', () => {
    const a = parseCopyArgs(['--from', 'sqlite:./data/app.sqlite', '--to=postgres://fb:pw@db.internal:5432/app']);
    expect(a.sourceFile).toBe(join(process.cwd(), 'data/app.sqlite'));
    expect(a.targetUrl).toBe('postgres://fb:pw@db.internal:5432/app');
    expect(a.batchSize).toBe(500);
    expect(parseCopyArgs(['--from=sqlite:/x.sqlite', '--to', 'postgresql://h/db', '--batch-size', '20']).batchSize).toBe(20);
  });

  it.each([
    [['--to', 'postgres://h/db'], /--from is missing/],
    [['--from', 'sqlite:a.sqlite'], /--to is missing/],
    [['--from', 'postgres://h/db', '--to', 'postgres://h/db'], /--from postgres:\/\/h\/db: must be a SQLite URL/],
    [['--from', 'sqlite::memory:', '--to', 'postgres://h/db'], /must name a SQLite file/],
    [['--from', 'sqlite:a', '--to', 'mysql://h/db'], /--to mysql:\/\/h\/db: must be a PostgreSQL URL/],
    [['--from', 'sqlite:a', '--to', 'postgres://h:5432'], /must name the database/],
    [['--from', 'sqlite:a', '--to', 'postgres://h/db?schema=x;drop'], /\?schema= must be a plain identifier/],
    [['--from', 'sqlite:a', '--to', 'postgres://h/db', '--batch-size', '0'], /--batch-size 0/],
    [['--from', 'sqlite:a', '--to', 'postgres://h/db', '--force'], /Unknown argument "--force"/],
    [['--from', 'sqlite:a', '--from', 'sqlite:b', '--to', 'postgres://h/db'], /--from is given twice/],
    [['--from'], /--from needs a value/],
  ])('refuses %j with the reason', (argv, reason) => {
    expect(() => parseCopyArgs(argv)).toThrow(UsageError);
    expect(() => parseCopyArgs(argv)).toThrow(reason);
  });

  it('never repeats a password, even in a URL it refuses', () => {
    let message = '';
    try {
      parseCopyArgs(['--from', 'sqlite:a', '--to', 'postgres://fb:hunter2@h:99999/db']);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/--to postgres:\/\/fb:\*\*\*@h:99999\/db/);
    expect(message).not.toContain('hunter2');
  });

  it('redacts the password of any URL it shows', () => {
    expect(redactUrl('postgres://fb:s3cret@db:5432/app?schema=x')).toBe('postgres://fb:***@db:5432/app?schema=x');
    expect(redactUrl('postgres://db/app')).toBe('postgres://db/app');
    expect(redactUrl('postgres://fb:s3cr:et@db:bad-port/app')).toBe('postgres://fb:***@db:bad-port/app');
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const r = await cli(['--from', 'sqlite:a']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--to is missing[\s\S]*Usage: npm run copy-db/);
  });
});

describe('copy-db conversions and order', () => {
  const col = (type: string, maxLength: number | null = null) => ({ name: 'c', type, maxLength });

  it('turns SQLite values into what PostgreSQL columns take', () => {
    expect(convertValue(1, col('boolean'))).toBe(true);
    expect(convertValue(0, col('boolean'))).toBe(false);
    expect(convertValue(null, col('boolean'))).toBe(null);
    expect(convertValue(1_760_000_000_123, col('bigint'))).toBe(1_760_000_000_123);
    expect(convertValue('12', col('integer'))).toBe(12);
    expect(convertValue('{"a":1}', col('jsonb'))).toBe('{"a":1}');
    expect(convertValue('ünï', col('character varying', 3))).toBe('ünï');
  });

  it('names the table, column and row of a value PostgreSQL would refuse, never the value', () => {
    expect(() => convertRow('orders', { __rowid: 42, c: 'x'.repeat(65) }, [col('character varying', 64)])).toThrow(
      /orders\.c of row 42 cannot be copied: its value is 65 characters long, over the column's limit of 64/,
    );
    expect(() => convertRow('jobs', { __rowid: 3, c: 2 }, [col('boolean')])).toThrow(/jobs\.c of row 3 .* is not a boolean/);
    expect(() => convertRow('jobs', { __rowid: 3, c: 'not json' }, [col('jsonb')])).toThrow(/is not valid JSON/);
    expect(() => convertRow('jobs', { __rowid: 3, c: 'secret\u0000' }, [col('text')])).not.toThrow(/secret/);
  });

  it('orders tables parents first and refuses a cycle', () => {
    expect(
      parentsFirst(
        ['store_members', 'stores', 'users', 'sku_mapping_components', 'sku_mappings', 'webhook_events'],
        [
          { child: 'store_members', parent: 'stores' },
          { child: 'store_members', parent: 'users' },
          { child: 'sku_mapping_components', parent: 'sku_mappings' },
          { child: 'sku_mappings', parent: 'stores' },
          { child: 'webhook_events', parent: 'webhook_events' },
        ],
      ),
    ).toEqual(['stores', 'users', 'webhook_events', 'sku_mappings', 'store_members', 'sku_mapping_components']);
    expect(() =>
      parentsFirst(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/reference each other in a cycle/);
  });
});

describe('copy-db source checks', () => {
  it('refuses a source that is not at this version’s latest migration, or from a newer version', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      await migrateToLatest(db);
      const all = await migrationSource.getMigrations([]);
      await expect(checkSourceVersion(db, all)).resolves.toBeUndefined();
      await expect(checkSourceVersion(db, [...all, '999_future'])).rejects.toThrow(
        /not migrated to this version's latest \(missing 999_future\)\. Start this version of the app once/,
      );
      await expect(checkSourceVersion(db, all.slice(0, -1))).rejects.toThrow(/written by a newer version .* Run the copy command of that version/);
    } finally {
      await db.destroy();
    }
  });

  it('refuses while a worker holds job leases (the app is running), not once they ran out', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      await migrateToLatest(db);
      const now = 1_700_000_000_000;
      const job = {
        store_hash: 'abc',
        kind: 'order.sync',
        payload: '{}',
        state: 'running',
        attempts: 1,
        max_attempts: 8,
        run_at: now,
        created_at: now,
        updated_at: now,
        lease_owner: 'w#1',
      };
      await db('jobs').insert({ ...job, lease_expires_at: now - 1 });
      await expect(checkNotRunning(db, now)).resolves.toBeUndefined();
      await db('jobs').insert({ ...job, lease_expires_at: now + 30_000 });
      await expect(checkNotRunning(db, now)).rejects.toThrow(/still running on the source: 1 job\(s\) are leased .* Stop every instance first/);
    } finally {
      await db.destroy();
    }
  });

  it('exits 1 with a readable reason: a missing file, a file that is not SQLite, an unreachable PostgreSQL', async () => {
    const missing = await cli(['--from', `sqlite:${join(dir, 'nope.sqlite')}`, '--to', 'postgres://fb:pw@127.0.0.1:1/fb']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/Copy failed: No SQLite database at .*nope\.sqlite \(--from\)/);

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text that is long enough to look like a header '.repeat(20));
    const notDb = await cli(['--from', `sqlite:${junk}`, '--to', 'postgres://fb:pw@127.0.0.1:1/fb']);
    expect(notDb.code).toBe(1);
    expect(notDb.err).toMatch(/is not a readable SQLite database \(SQLITE_NOTADB\)/);

    const file = join(dir, 'app.sqlite');
    const db = openDatabase(`sqlite:${file}`);
    await migrateToLatest(db);
    await db.destroy();
    const down = await cli(['--from', `sqlite:${file}`, '--to', 'postgres://fb:topsecret@127.0.0.1:1/fb']);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/Cannot reach PostgreSQL at postgres:\/\/fb:\*\*\*@127\.0\.0\.1:1\/fb \(ECONNREFUSED\)/);
    expect(down.out + down.err).not.toContain('topsecret');
  });
});
