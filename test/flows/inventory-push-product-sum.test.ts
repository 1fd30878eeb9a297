// A product tracked by product that the warehouse knows only by its variant SKUs: every push writes
// the product's level once, as the sum of the variant SKUs, never one absolute item per variant
// (BigCommerce applies those in order and the last one wins).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AbsoluteItem, BigCommerceClient } from '../../server/bigcommerce/index.js';
import { pushInventory } from '../../server/flows/inventory/push-levels.js';
import { recordInventoryLevels } from '../../server/flows/inventory/record-levels.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';

/** BigCommerce with product 77 (tracked by product) whose variant SKUs TEE-S/M/L resolve to it. */
function fakeBigCommerce() {
  const variants: Record<string, number> = { 'TEE-S': 701, 'TEE-M': 702, 'TEE-L': 703 };
  const writes: AbsoluteItem[][] = [];
  const client = {
    storeHash: STORE,
    async get(_v: string, path: string, opts?: { query?: Record<string, unknown> }) {
      if (path === '/inventory/items') {
        const skus = String(opts?.query?.['sku:in'] ?? '').split(',');
        return { data: skus.filter((s) => s in variants).map((sku) => ({ identity: { sku, variant_id: variants[sku], product_id: 77 } })) };
      }
      if (path === '/catalog/products') return { data: [{ id: 77, inventory_tracking: 'product' }] };
      throw new Error(`unexpected GET ${path}`);
    },
    async put(_v: string, path: string, body: { items: AbsoluteItem[] }) {
      if (path !== '/inventory/adjustments/absolute') throw new Error(`unexpected PUT ${path}`);
      writes.push(body.items);
      return null;
    },
  } as unknown as BigCommerceClient;
  return { client, writes };
}

let b: Awaited<ReturnType<typeof bareApp>>;
let bc: ReturnType<typeof fakeBigCommerce>;
const clock = new FakeClock(Date.now());
const s = () => b.app.services;

beforeEach(async () => {
  bc = fakeBigCommerce();
  b = await bareApp({ clock, deps: { bigcommerceFactory: () => bc.client } });
  await b.install();
});
afterEach(async () => b.close());

const push = async (items: Array<{ sku: string; available: number }>) => {
  await recordInventoryLevels(s(), STORE, items);
  await pushInventory(s(), STORE);
};

describe('pushInventory: a product tracked by product, reported by variant SKUs', () => {
  it('writes the sum once per push, and a later push of one variant counts the others it knows', async () => {
    await push([
      { sku: 'TEE-S', available: 5 },
      { sku: 'TEE-M', available: 7 },
      { sku: 'TEE-L', available: 0 },
    ]);
    expect(bc.writes).toEqual([[{ location_id: 1, product_id: 77, quantity: 12 }]]);
    const rows = await b.db('inventory_items').where({ store_hash: STORE }).orderBy('sku');
    expect(rows.map((r) => [r.sku, r.status])).toEqual([
      ['TEE-L', 'synced'],
      ['TEE-M', 'synced'],
      ['TEE-S', 'synced'],
    ]);
    expect(String(rows[0].reason)).toMatch(/sum of its 3 SKUs/);

    clock.advance(1000);
    await push([{ sku: 'TEE-S', available: 6 }]);
    expect(bc.writes[1]).toEqual([{ location_id: 1, product_id: 77, quantity: 13 }]);
  });
});
