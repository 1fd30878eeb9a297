import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFileError } from '../../server/storage/db-file-check.js';
import { testEnv } from '../helpers/config.js';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Opens and migrates like boot does; resolves to the error, if any. */
async function boot(file: string): Promise<unknown> {
  const db = openDatabase(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
    return undefined;
  } catch (err) {
    return err;
  } finally {
    await db.destroy();
  }
}

describe('opening the database file at boot', () => {
  it('creates a database when the file does not exist yet (a new installation), durable on power loss', async () => {
    const file = join(dir, 'sub', 'app.sqlite');
    const db = openDatabase(`sqlite:${file}`);
    await migrateToLatest(db);
    // FULL: each commit is fsynced before the webhook it stores is acknowledged.
    expect(await db.raw('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // No busy wait inside SQLite (it would block the event loop); locks are retried on timers.
    expect(await db.raw('PRAGMA busy_timeout')).toEqual([{ timeout: 0 }]);
    await db.destroy();
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('refuses an existing zero-length file instead of starting on an empty database', () => {
    const file = join(dir, 'app.sqlite');
    writeFileSync(file, '');
    let err: unknown;
    try {
      openDatabase(`sqlite:${file}`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseFileError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/empty \(0 bytes\).*restore it from a backup.*delete the empty file/s);
    expect(statSync(file).size).toBe(0); // untouched
  });

  it('refuses a corrupt file with a message that names it and says what to do', async () => {
    const file = join(dir, 'app.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    const err = await boot(file);
    expect(err).toBeInstanceOf(DatabaseFileError);
    expect((err as Error).message).toContain(`Database file ${file} is corrupt`);
    expect((err as Error).message).toMatch(/Restore the last good backup/);
  });

  it('refuses a database whose pages are damaged (SQLITE_CORRUPT) the same way', async () => {
    const file = join(dir, 'app.sqlite');
    expect(await boot(file)).toBeUndefined();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096); // pages 2 and 3: the schema's tables
    closeSync(fd);
    const err = await boot(file);
    expect(err).toBeInstanceOf(DatabaseFileError);
    expect((err as Error).message).toContain(`Database file ${file} is corrupt (SQLITE_CORRUPT)`);
  });

  it('refuses an unwritable file as unwritable, not as "MigrationLocked"', async () => {
    const file = join(dir, 'app.sqlite');
    // A real database, then made unwritable for the process that boots on it.
    expect(await boot(file)).toBeUndefined();
    expect(existsSync(file)).toBe(true);
    chmodSync(file, 0o444);
    chmodSync(dir, 0o777); // the directory stays writable: only the file is read-only
    // root ignores file modes, so the boot runs as `nobody` when the tests run as root.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/storage/fixtures/boot-db.ts', file], { encoding: 'utf8', timeout: 15_000, ...asOther });
    const out = JSON.parse(run.stdout) as { ok: boolean; name?: string; message?: string };
    expect(out.ok).toBe(false);
    expect(out.name).toBe('DatabaseFileError');
    expect(out.message).toContain(`Database file ${file} cannot be written (SQLITE_READONLY`);
    expect(out.message).not.toMatch(/MigrationLocked|already locked/i);
  });

  it('npm start exits 1 with just the message (no stack) when the file is refused', () => {
    const file = join(dir, 'app.sqlite');
    writeFileSync(file, '');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, ...testEnv({ DATABASE_URL: `sqlite:${file}` }) },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Database file ${file} exists but is empty`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
