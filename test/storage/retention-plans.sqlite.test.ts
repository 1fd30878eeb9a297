// The retention's batches are found through an index, never by scanning the table being emptied
// (EXPLAIN QUERY PLAN is SQLite's; retention-keys.test.ts runs the deletes on both databases).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { RetentionRepo, STORE_TABLES } from '../../server/storage/retention-repo.js';
import { sqliteOnlyIn, statementsSent } from '../helpers/portable-sql.js';

const T0 = Date.UTC(2026, 5, 1);

let db: Db;
beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
});
afterEach(async () => db.destroy());

describe('retention query plans', () => {
  it('sends no SQLite-only SQL, and finds each batch through an index', async () => {
    const repo = new RetentionRepo(db);
    const sent = await statementsSent(db, async () => {
      for (const table of STORE_TABLES) await repo.deleteStoreRows(table, 's1', T0, 10);
      await repo.deleteWebhookEventsBefore(T0, 10);
      await repo.deleteActivityBefore(T0, 10);
    });
    expect(sent).toHaveLength(STORE_TABLES.length + 2);
    for (const q of sent) {
      expect(sqliteOnlyIn(q.sql), q.sql).toEqual([]);
      const plan = (await db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never)).map((r) => r.detail).join(' | ');
      // The rows to delete are looked up by key, never by scanning the table being emptied.
      const table = /^delete from `(\w+)`/.exec(q.sql)![1]!;
      expect(plan, q.sql).toMatch(new RegExp(`SEARCH ${table} USING (INTEGER PRIMARY KEY|(COVERING )?INDEX)`));
      expect(plan, q.sql).not.toMatch(new RegExp(`SCAN ${table}\\b|TEMP B-TREE`));
      // exchange_codes has no store_hash index: its rows live minutes, so the table stays tiny.
      if (table !== 'exchange_codes') expect(plan, q.sql).not.toMatch(/\bSCAN x\b/);
    }
  });
});
