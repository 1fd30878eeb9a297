// The retention deletes address rows by each table's real key, so they run on PostgreSQL (no
// rowid) as on SQLite, in small batches found through an index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { isPostgres } from '../../server/storage/postgres.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { RetentionRepo, STORE_TABLE_KEYS, STORE_TABLES } from '../../server/storage/retention-repo.js';
import { withoutRowid } from '../helpers/portable-sql.js';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 5, 1);

let db: Db;
let closeDb: () => Promise<void>;
beforeEach(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});
afterEach(async () => closeDb());

/** Tables keyed by more than an INTEGER PRIMARY KEY: on SQLite they could be WITHOUT ROWID. */
const COMPOSITE = ['shipments', 'orders', 'inventory_items', 'shipping_mappings', 'carrier_mappings', 'store_members', 'store_settings', 'exchange_codes'] as const;

/** Three rows per composite-key table for `hash` (store_settings holds one per store). */
async function fill(hash: string, userBase: number) {
  const at = T0 - 400 * DAY;
  await db('stores').insert({ hash, status: 'uninstalled', installed_at: at, uninstalled_at: at, updated_at: at });
  for (const n of [1, 2, 3]) {
    await db('users').insert({ id: userBase + n, email: `${hash}${n}@example.com`, updated_at: at });
    await db('orders').insert({ store_hash: hash, order_id: n, state: 'waiting', created_at: at, updated_at: at });
    await db('shipments').insert({ store_hash: hash, backend_shipment_id: `s${n}`, order_id: n, items: '[]', state: 'created', created_at: at, updated_at: at });
    await db('inventory_items').insert({ store_hash: hash, sku: 'SKU', location_id: n, backend_sku: 'WH', available: 1, status: 'synced', updated_at: at });
    await db('shipping_mappings').insert({ store_hash: hash, method: `m${n}`, backend_code: 'X', updated_at: at });
    await db('carrier_mappings').insert({ store_hash: hash, backend_carrier: `c${n}`, updated_at: at });
    await db('store_members').insert({ store_hash: hash, user_id: userBase + n, role: 'owner', created_at: at });
    await db('exchange_codes').insert({ code_hash: `${hash}-${n}`, store_hash: hash, user_id: 1, expires_at: at, created_at: at });
  }
  await db('store_settings').insert({ store_hash: hash, webhook_secret_enc: 'x', updated_at: at });
}

const count = async (table: string, hash: string) => Number(((await db(table).where({ store_hash: hash }).count({ n: '*' })) as [{ n: number }])[0].n);

/** The table's primary key columns in key order, as the schema declares them. */
async function primaryKeyOf(table: string): Promise<string[]> {
  if (!isPostgres(db)) {
    const cols = await db.raw<Array<{ name: string }>>(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, [table]);
    return cols.map((c) => c.name);
  }
  const { rows } = await db.raw<{ rows: Array<{ name: string }> }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n`,
    [table],
  );
  return rows.map((r) => r.name);
}

describe('retention deletes by key', () => {
  it('purges tables that have no rowid (as on PostgreSQL), a batch at a time, and only the expired store', async () => {
    // PostgreSQL tables have no rowid at all; SQLite's are rebuilt without one.
    if (!isPostgres(db)) for (const table of COMPOSITE) await withoutRowid(db, table);
    await fill('gone', 100);
    await fill('kept', 200);
    await db('stores').where({ hash: 'kept' }).update({ status: 'installed', uninstalled_at: null });
    const repo = new RetentionRepo(db);
    const cutoff = T0 - 30 * DAY;

    for (const table of COMPOSITE) {
      const before = await count(table, 'gone');
      expect(await repo.deleteStoreRows(table, 'gone', cutoff, 2)).toBe(Math.min(2, before));
      expect(await count(table, 'gone')).toBe(before - Math.min(2, before));
      await repo.deleteStoreRows(table, 'gone', cutoff, 100);
      expect(await count(table, 'gone')).toBe(0);
      // The reinstalled store keeps everything.
      expect(await repo.deleteStoreRows(table, 'kept', cutoff, 100)).toBe(0);
      expect(await count(table, 'kept')).toBeGreaterThan(0);
    }
    expect(await repo.deleteStore('gone', cutoff)).toBe(true);
  });

  it('addresses each table by its primary key, as the schema declares it', async () => {
    for (const table of STORE_TABLES) {
      expect(STORE_TABLE_KEYS[table], table).toEqual(await primaryKeyOf(table));
    }
  });
});
