import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import knexFactory from 'knex';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthRoutes } from '../../server/http/health-routes.js';
import { DatabaseProbe } from '../../server/storage/database-probe.js';
import { DatabaseBusyError, describeDatabaseProblem } from '../../server/storage/db-errors.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';

const appWith = (probe: DatabaseProbe) => supertest(express().use(healthRoutes({ probe })));

describe('GET /readyz (the database takes a write) and GET /healthz (the process answers)', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase('sqlite::memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('is ready when a row can be written and read back', async () => {
    const http = appWith(new DatabaseProbe({ db, now: () => Date.now(), timeoutMs: 1_000 }));
    const res = await http.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, database: { writable: true } });
    expect(res.headers['cache-control']).toBe('no-store');
    const row = await db('db_health_probe').first();
    expect(row.id).toBe(1);
    expect((await http.get('/healthz')).body).toEqual({ ok: true });
  });

  it('answers 503 within its timeout when the database does not answer (the one connection is held)', async () => {
    const held = await db.client.acquireConnection();
    try {
      const http = appWith(new DatabaseProbe({ db, now: () => Date.now(), timeoutMs: 100 }));
      const start = performance.now();
      const res = await http.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ ok: false, database: { writable: false, reason: 'database did not answer within 100 ms' } });
      expect(performance.now() - start).toBeLessThan(1_000);
      // Liveness does not depend on the database.
      expect((await http.get('/healthz')).status).toBe(200);
    } finally {
      await db.client.releaseConnection(held);
    }
  });

  it('concurrent checks share one probe write', async () => {
    let writes = 0;
    db.on('query', (q: { sql: string }) => {
      if (/^insert/i.test(q.sql)) writes++;
    });
    const probe = new DatabaseProbe({ db, now: () => Date.now(), timeoutMs: 1_000 });
    const results = await Promise.all([probe.check(), probe.check(), probe.check()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(writes).toBe(1);
    await probe.check();
    expect(writes).toBe(2);
  });
});

describe('a database that cannot be written', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fb-ready-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not ready, with the reason: read-only', async () => {
    const file = join(dir, 'app.sqlite');
    const rw = openDatabase(`sqlite:${file}`);
    await migrateToLatest(rw);
    // A second, read-only connection to the same file: SQLite answers SQLITE_READONLY to writes.
    const ro = knexFactory({ client: 'better-sqlite3', connection: { filename: file, options: { readonly: true } }, useNullAsDefault: true });
    try {
      const res = await appWith(new DatabaseProbe({ db: ro, now: () => Date.now(), timeoutMs: 1_000 })).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.database.reason).toMatch(/^database file is read-only/);
    } finally {
      await ro.destroy();
      await rw.destroy();
    }
  });

  it('reasons name the condition (and never a path or a query)', () => {
    const e = (code: string) => Object.assign(new Error(`${code} at /secret/path: INSERT ...`), { code });
    expect(describeDatabaseProblem(e('SQLITE_FULL'))).toBe('disk is full (database cannot grow)');
    expect(describeDatabaseProblem(e('SQLITE_CORRUPT'))).toBe('database file is corrupt');
    expect(describeDatabaseProblem(e('SQLITE_NOTADB'))).toBe('database file is corrupt');
    expect(describeDatabaseProblem(e('SQLITE_IOERR_WRITE'))).toBe('disk I/O error on the database file');
    expect(describeDatabaseProblem(e('SQLITE_BUSY'))).toBe('database is locked by another process');
    expect(describeDatabaseProblem(new DatabaseBusyError(1_000))).toBe('database is locked by another process');
    expect(describeDatabaseProblem(new Error('boom /secret/path'))).toBe('database write failed');
  });
});
