import { afterEach, describe, expect, it } from 'vitest';
import { migrationSource } from '../../migrations/index.js';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { OrdersRepo } from '../../server/storage/orders-repo.js';

let db: Db;
let closeDb: () => Promise<void>;
afterEach(() => closeDb?.());

describe('migration 010: order send safety', () => {
  it('marks orders whose last create got no answer as possibly at the warehouse, and only those', async () => {
    ({ db, close: closeDb } = await openTestDatabase());
    await db.migrate.down({ migrationSource, name: '010_order_send_safety' });
    const order = (order_id: number, state: string, last_error: string | null, backend_order_id: string | null = null) => ({
      store_hash: 'abc',
      order_id,
      state,
      last_error,
      backend_order_id,
      customer: '',
      created_at: 1_000,
      updated_at: 2_000 + order_id,
    });
    await db('orders').insert([
      order(1, 'failed', 'Fulfillment backend unavailable: Fulfillment backend POST /v1/orders timed out after 15000 ms'),
      order(2, 'waiting', 'Fulfillment backend POST /v1/orders failed with HTTP 503'),
      order(3, 'needs_attention', 'SKU MUG-01 is not stocked in this warehouse.'),
      order(4, 'waiting', null),
      order(5, 'sent', null, 'WH-5'),
    ]);
    await db.migrate.up({ migrationSource, name: '010_order_send_safety' });
    const orders = new OrdersRepo(db);
    const started = async (id: number) => (await orders.get('abc', id))?.sendStartedAt;
    expect(await started(1)).toBe(2_001);
    expect(await started(2)).toBe(2_002);
    expect(await started(3)).toBeNull();
    expect(await started(4)).toBeNull();
    expect(await started(5)).toBeNull();
    expect((await orders.get('abc', 1))?.sendBody).toBeNull();
  });
});
