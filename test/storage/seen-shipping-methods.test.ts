// Settings › Shipping method mappings lists every method an order can be held for: every
// consignment's (orders.shipping_methods), including those of orders stored before the column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { migrationSource } from '../../migrations/index.js';
import type { Db } from '../../server/storage/db.js';
import { isPostgres } from '../../server/storage/postgres.js';
import { MappingsRepo } from '../../server/storage/mappings-repo.js';
import { OrdersRepo } from '../../server/storage/orders-repo.js';
import { sqliteOnlyIn, statementsSent, withoutRowid } from '../helpers/portable-sql.js';
import { openTestDatabase } from '../helpers/test-database.js';

const STORE = 'store1';
let db: Db;
let closeDb: () => Promise<void>;
beforeEach(async () => {
  // Migrated by each test: some stop before a migration to test it.
  ({ db, close: closeDb } = await openTestDatabase({ migrate: false }));
});
afterEach(async () => closeDb());

/** The schema as it was before 011_seen_shipping_methods. */
const upTo = (last: string): Knex.MigrationSource<string> => ({
  ...migrationSource,
  getMigrations: async () => (await migrationSource.getMigrations([])).filter((n) => n <= last),
});
const order = (orderId: number, state: string, shippingMethod: string | null, attentionReason: string | null = null) => ({
  store_hash: STORE,
  order_id: orderId,
  state,
  shipping_method: shippingMethod,
  attention_reason: attentionReason,
  created_at: 1,
  updated_at: 1,
});
const listed = async () => (await new MappingsRepo(db).listShipping(STORE)).map((m) => [m.method, m.ordersSeen]);

describe('shipping methods seen', () => {
  it('every consignment method of an order is listed, each order counted once per method', async () => {
    await db.migrate.latest({ migrationSource });
    const orders = new OrdersRepo(db);
    const seen = (shippingMethods: string[]) => ({
      bcStatusId: 11,
      bcStatus: 'Awaiting Fulfillment',
      customer: 'Ann',
      orderDate: null,
      shippingMethod: shippingMethods[0] ?? null,
      shippingMethods,
    });
    await orders.upsertSeen(STORE, 1, seen(['Flat Rate', 'Express']), 'waiting', 1);
    await orders.upsertSeen(STORE, 2, seen(['Flat Rate', '']), 'waiting', 1);
    await orders.upsertSeen(STORE, 3, seen(['Express']), 'waiting', 1);
    await orders.upsertSeen('other', 4, seen(['Elsewhere']), 'waiting', 1);
    expect(await listed()).toEqual([
      ['', 1],
      ['Express', 2],
      ['Flat Rate', 2],
    ]);
    // Seen again with other methods: the order's methods are replaced, not added to.
    await orders.upsertSeen(STORE, 3, seen(['Flat Rate']), 'waiting', 2);
    expect(await listed()).toEqual([
      ['', 1],
      ['Express', 1],
      ['Flat Rate', 3],
    ]);
  });

  it('the migration lists the methods of orders stored before it, and the methods orders are already held for', async () => {
    await db.migrate.latest({ migrationSource: upTo('010_order_send_safety') });
    await db('orders').insert([
      order(1, 'sent', ' Flat Rate '),
      order(
        2,
        'needs_attention',
        'Flat Rate',
        'Shipping method "Express Two" has no mapping. Add it under Settings › Shipping method mappings; the order is sent as soon as it is mapped.',
      ),
      order(
        3,
        'needs_attention',
        'Flat Rate',
        'Shipping method "(none)" has no mapping. Add it under Settings › Shipping method mappings; the order is sent as soon as it is mapped.',
      ),
      order(4, 'needs_attention', 'Flat Rate', 'Line "Engraving" has no SKU. Give the product a SKU in BigCommerce, then retry the order.'),
      order(5, 'waiting', null),
    ]);
    await db('stores').insert({ hash: STORE, status: 'installed', installed_at: 1, updated_at: 1 });
    await db('sku_mappings').insert([
      { store_hash: STORE, bc_sku: ' A-1 ', backend_sku: ' WH-A1 ', updated_at: 1 },
      { store_hash: STORE, bc_sku: 'B-2 ', backend_sku: 'WH-B2', updated_at: 1 },
      { store_hash: STORE, bc_sku: 'B-2', backend_sku: 'WH-B2-KEPT', updated_at: 1 },
    ]);
    await db.migrate.latest({ migrationSource });
    expect(await listed()).toEqual([
      ['', 1],
      ['Express Two', 1],
      ['Flat Rate', 4],
    ]);
    // Mapping keys saved with spaces are trimmed like every lookup; an already mapped key is left alone.
    const skus = await new MappingsRepo(db).skuMap(STORE, ['A-1', 'B-2', 'B-2 ']);
    expect(Object.fromEntries(skus)).toEqual({ 'A-1': 'WH-A1', 'B-2': 'WH-B2-KEPT', 'B-2 ': 'WH-B2' });
  });

  it('the migration sends no SQLite-only SQL and trims mapping keys of a table without rowid (PostgreSQL has none)', async () => {
    await db.migrate.latest({ migrationSource: upTo('010_order_send_safety') });
    if (!isPostgres(db)) await withoutRowid(db, 'shipping_mappings');
    await db('stores').insert({ hash: STORE, status: 'installed', installed_at: 1, updated_at: 1 });
    await db('orders').insert([order(1, 'sent', ' Flat Rate '), order(2, 'sent', 'Flat Rate'), order(3, 'sent', 'Express'), order(4, 'waiting', null)]);
    await db('shipping_mappings').insert([
      { store_hash: STORE, method: ' Express ', backend_code: ' EXP ', updated_at: 1 },
      { store_hash: STORE, method: 'Flat Rate ', backend_code: 'FLAT-OLD', updated_at: 1 },
      { store_hash: STORE, method: 'Flat Rate', backend_code: 'FLAT', updated_at: 1 },
    ]);
    const sent = await statementsSent(db, () => db.migrate.latest({ migrationSource }));
    expect(sent.flatMap((q) => sqliteOnlyIn(q.sql))).toEqual([]);
    const methods = await db('orders').where({ store_hash: STORE }).orderBy('order_id').pluck('shipping_methods');
    expect(methods).toEqual(['["Flat Rate"]', '["Flat Rate"]', '["Express"]', null]);
    expect(await new MappingsRepo(db).listShipping(STORE)).toEqual([
      { method: 'Express', backendCode: 'EXP', ordersSeen: 1 },
      { method: 'Flat Rate', backendCode: 'FLAT', ordersSeen: 2 },
      { method: 'Flat Rate ', backendCode: 'FLAT-OLD', ordersSeen: 0 },
    ]);
  });

  it('lists methods without SQLite-only SQL, and a list that is not JSON does not break the page', async () => {
    await db.migrate.latest({ migrationSource });
    await db('orders').insert([
      { ...order(1, 'waiting', 'A'), shipping_methods: '["A","B"]' },
      { ...order(2, 'waiting', 'A'), shipping_methods: '["A","B"]' },
      { ...order(3, 'waiting', 'B'), shipping_methods: '["B"]' },
      { ...order(4, 'waiting', 'C'), shipping_methods: 'not json' },
    ]);
    const sent = await statementsSent(db, async () =>
      expect(await listed()).toEqual([
        ['A', 2],
        ['B', 3],
      ]),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.flatMap((q) => sqliteOnlyIn(q.sql))).toEqual([]);
  });
});
