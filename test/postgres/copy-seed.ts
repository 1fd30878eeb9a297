// A SQLite store base for the copy tests: a few realistic rows through the repositories and the
// queue, then one synthetic row in every table still empty (so a table added later is covered
// too), each honouring its foreign keys.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { KnexJobQueue } from '../../server/jobs/index.js';
import { OrdersRepo } from '../../server/storage/orders-repo.js';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { StoresRepo } from '../../server/storage/stores-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';

export const SEED_NOW = 1_760_000_000_123;
export const ENCRYPTION_KEY = randomBytes(32);
export const API_KEY = 'whk_live_secret_ünïcødé';
export const ACCESS_TOKEN = 'bc-access-token-123';
export const STORES = ['abc123', 'def456'];

type Row = Record<string, unknown>;

async function seedThroughRepositories(db: Knex): Promise<void> {
  const cipher = new TokenCipher(ENCRYPTION_KEY);
  const stores = new StoresRepo(db, cipher);
  const settings = new SettingsRepo(db, cipher);
  const orders = new OrdersRepo(db);
  const queue = new KnexJobQueue({ db, clock: { now: () => SEED_NOW } });
  for (const [i, hash] of STORES.entries()) {
    await stores.upsertInstalled(
      {
        hash,
        accessToken: ACCESS_TOKEN,
        scope: 'store_v2_orders',
        accountUuid: `acct-${i}`,
        owner: { id: 10 + i, email: `owner${i}@example.com` },
        installer: { id: 10 + i, email: `owner${i}@example.com` },
      },
      SEED_NOW,
      db,
    );
    await settings.get(hash, SEED_NOW);
    await settings.saveBackend(hash, { accountId: `wh-${i}`, apiKey: API_KEY, accountName: 'Demo Warehouse', connected: true, error: null }, SEED_NOW);
    for (let orderId = 100; orderId < 160; orderId++) {
      const state = orderId % 3 === 0 ? 'sent' : orderId % 3 === 1 ? 'queued' : 'needs_attention';
      await orders.upsertSeen(
        hash,
        orderId,
        { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: `Zoë O'Brien ${orderId}`, orderDate: SEED_NOW - orderId * 60_000, shippingMethod: 'Flat Rate' },
        state,
        SEED_NOW,
      );
      await queue.enqueue({ storeHash: hash, kind: 'order.sync', payload: { orderId, note: 'ünïcødé ✓' }, dedupeKey: `order:${hash}:${orderId}` });
    }
  }
}

const parentRow = async (db: Knex, table: string): Promise<Row | undefined> => (await db(table).first()) as Row | undefined;

function syntheticValue(column: { name: string; type: string }, i: number): unknown {
  const type = column.type.toLowerCase();
  if (column.name === 'store_hash') return STORES[0];
  if (type === 'boolean') return i % 2;
  if (/int|bigint/.test(type)) return column.name.endsWith('_at') ? SEED_NOW + i : 7 + i;
  if (/real|double|float|numeric/.test(type)) return 1.5;
  if (column.name.endsWith('_json') || column.name === 'payload' || column.name === 'details') return JSON.stringify({ n: i, text: 'ünïcødé ✓' });
  return `v-${column.name}`.slice(0, 16);
}

/** One row in every empty table, parents first; each foreign key names an existing parent row. */
async function fillEmptyTables(db: Knex): Promise<void> {
  for (let pass = 0; pass < 5; pass++) {
    const tables = (
      await db.raw<Row[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'knex\\_%' ESCAPE '\\'`)
    ).map((r) => String(r.name));
    let pending = 0;
    for (const table of tables) {
      if ((await db(table).first()) !== undefined) continue;
      const fks = await db.raw<Row[]>(`PRAGMA foreign_key_list("${table}")`);
      const row: Row = {};
      let parentMissing = false;
      for (const fk of fks) {
        const parent = await parentRow(db, String(fk.table));
        if (!parent) parentMissing = true;
        else row[String(fk.from)] = parent[String(fk.to)];
      }
      if (parentMissing) {
        pending++;
        continue;
      }
      const columns = await db.raw<Row[]>(`PRAGMA table_info("${table}")`);
      const singleKey = columns.filter((c) => Number(c.pk) > 0).length === 1;
      for (const [i, c] of columns.entries()) {
        const name = String(c.name);
        // An INTEGER primary key is the rowid (drawn by SQLite); any other key needs a value.
        if (name in row || (singleKey && Number(c.pk) === 1 && String(c.type).toLowerCase() === 'integer')) continue;
        row[name] = syntheticValue({ name, type: String(c.type) }, i);
      }
      await db(table).insert(row);
    }
    if (pending === 0) return;
  }
  throw new Error('could not fill every table (a foreign key cycle?)');
}

/** Realistic rows plus one row in every other table; throws if some table stays empty. */
export async function seedStoreBase(db: Knex): Promise<void> {
  await seedThroughRepositories(db);
  await fillEmptyTables(db);
}
