// BusyRetry ends a lock episode when a write succeeds; a read succeeding under another process's
// write lock proves nothing. Raw statements must therefore be told apart by their SQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimJobs } from '../../server/jobs/claim.js';
import { busyRetryOf, isWriteStatement } from '../../server/storage/busy-retry-client.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { isWriteSql } from '../../server/storage/statement-kind.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';

describe('isWriteSql', () => {
  it.each([
    'INSERT INTO jobs (id) VALUES (1)',
    '  update jobs set state = ?',
    'DELETE FROM jobs WHERE id = 1',
    'REPLACE INTO t VALUES (1)',
    '-- why\n/* and how */ UPDATE jobs SET x = 1',
    'CREATE UNIQUE INDEX i ON t (a)',
    'DROP INDEX IF EXISTS i',
    'ALTER TABLE t ADD COLUMN c text',
    "WITH locked AS (SELECT id FROM jobs WHERE state = 'pending' LIMIT 5) UPDATE jobs SET state = 'running' WHERE id IN (SELECT id FROM locked) RETURNING *",
    'WITH RECURSIVE a(x) AS (SELECT 1), b AS MATERIALIZED (SELECT 2) DELETE FROM t WHERE id IN (SELECT x FROM a)',
    'WITH gone AS (DELETE FROM t WHERE id = 1 RETURNING id) SELECT count(*) FROM gone',
    'PRAGMA user_version = 3',
    'pragma main.user_version=3',
  ])('write: %s', (sql) => {
    expect(isWriteSql(sql)).toBe(true);
  });

  it.each([
    'SELECT 1',
    '  select * from jobs',
    '(SELECT 1) UNION (SELECT 2)',
    "SELECT 'UPDATE jobs SET x = 1 RETURNING *' AS text",
    'SELECT "delete", "returning" FROM t',
    '/* INSERT */ SELECT 1 -- DELETE',
    'WITH RECURSIVE t(topic) AS (SELECT min(topic) FROM webhook_events WHERE store_hash = ? UNION ALL SELECT 1 FROM t) SELECT topic FROM t',
    "WITH a AS (SELECT 'insert') SELECT * FROM a",
    'EXPLAIN QUERY PLAN DELETE FROM t',
    'PRAGMA user_version',
    'PRAGMA table_info(jobs)',
    'BEGIN;',
    'COMMIT;',
    '',
    '   ',
  ])('read: %s', (sql) => {
    expect(isWriteSql(sql)).toBe(false);
  });
});

describe('isWriteStatement', () => {
  it('uses the query-builder method when it tells, the SQL of raw and schema statements otherwise', () => {
    expect(isWriteStatement({ method: 'insert', sql: 'insert into t values (?)' })).toBe(true);
    expect(isWriteStatement({ method: 'del', sql: 'delete from t' })).toBe(true);
    expect(isWriteStatement({ method: 'select', sql: 'select * from t' })).toBe(false);
    expect(isWriteStatement({ method: 'first', sql: 'select * from t limit ?' })).toBe(false);
    expect(isWriteStatement({ method: 'raw', sql: 'SELECT 1' })).toBe(false);
    expect(isWriteStatement({ method: 'raw', sql: 'UPDATE jobs SET state = ? RETURNING *' })).toBe(true);
    expect(isWriteStatement({ sql: 'create table t (a integer)' })).toBe(true);
    expect(isWriteStatement(undefined)).toBe(false);
  });
});

describe('the busy-retrying client', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase('sqlite::memory:');
    await migrateToLatest(db);
  });
  afterEach(async () => db.destroy());

  it('tells BusyRetry a raw SELECT is a read and a raw UPDATE (the job claim) a write', async () => {
    const retry = busyRetryOf(db)!;
    const run = vi.spyOn(retry, 'run');
    await new WebhookEventsRepo(db).topics('s1');
    await db.raw('SELECT 1');
    await claimJobs(db, { leaseOwner: 'w1', limit: 5, leaseMs: 1_000, now: 1 });
    await db.raw('UPDATE jobs SET state = state WHERE id = ?', [1]);
    expect(run.mock.calls.map(([, opts]) => opts?.write)).toEqual([false, false, true, true]);
  });
});
