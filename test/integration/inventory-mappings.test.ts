// Stock levels from the sandbox warehouse through the app into the BigCommerce sandbox, with SKU
// mappings that chain and fan in, and a negative (backordered) level in the same batch.
import { pendingWork } from '../helpers/queue-idle.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryItemView } from '../../server/api/contract.js';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
  for (const sku of ['LAMP-A', 'LAMP-B', 'TEE-RED', 'TEE-BLUE', 'BACKORDER']) h.sandbox.control.addProduct(STORE, { sku, inventoryTracking: 'product' });
  for (const [bcSku, backendSku] of [
    ['LAMP-A', 'LAMP-B'],
    ['LAMP-B', 'LAMP-C'],
    ['TEE-RED', 'WH-TEE'],
    ['TEE-BLUE', 'WH-TEE'],
  ]) {
    expect((await h.api('post', '/api/sku-mappings', { bcSku, backendSku })).status).toBe(201);
  }
});
afterAll(async () => h?.close());

const account = () => h.warehouse.control.accounts()[0]!;
const level = (sku: string) => h.sandbox.control.inventoryLevel(STORE, sku);
const settled = () =>
  waitFor(async () => (await h.db('inventory_items').where({ store_hash: STORE, status: 'pending' })).length === 0 && (await pendingWork(h.app.services.jobs.queue)) === 0, {
    what: 'inventory settled',
  });
const listed = async (query = ''): Promise<{ items: InventoryItemView[]; total: number }> => (await h.api('get', `/api/inventory?limit=100${query}`)).body;

describe('stock levels through SKU mappings', () => {
  it('chains, fan-in and a negative level: each BigCommerce SKU gets its own backend level, the batch still goes out', async () => {
    await h.warehouse.control.setInventory(account().id, [
      { sku: 'LAMP-B', available: 7 },
      { sku: 'LAMP-C', available: 3 },
      { sku: 'WH-TEE', available: 11 },
      { sku: 'BACKORDER', available: -4 },
      { sku: 'SBX-MUG-01', available: 12 },
      { sku: 'NO-SUCH-SKU', available: 1 },
    ]);
    await settled();
    // LAMP-B's own level comes from backend LAMP-C, not from backend LAMP-B (which is LAMP-A's).
    expect(level('LAMP-A')).toBe(7);
    expect(level('LAMP-B')).toBe(3);
    expect(level('TEE-RED')).toBe(11);
    expect(level('TEE-BLUE')).toBe(11);
    expect(level('BACKORDER')).toBe(0);
    expect(level('SBX-MUG-01')).toBe(12);

    const all = await listed();
    const bySku = new Map(all.items.map((i) => [i.sku, i]));
    expect([...bySku.keys()].sort()).toEqual(['BACKORDER', 'LAMP-A', 'LAMP-B', 'NO-SUCH-SKU', 'SBX-MUG-01', 'TEE-BLUE', 'TEE-RED']);
    expect(bySku.get('LAMP-A')).toMatchObject({ backendSku: 'LAMP-B', available: 7, status: 'synced' });
    expect(bySku.get('LAMP-B')).toMatchObject({ backendSku: 'LAMP-C', available: 3, status: 'synced' });
    expect(bySku.get('BACKORDER')).toMatchObject({ available: -4, status: 'synced', reason: expect.stringMatching(/backorders.*as 0/) });
    // Backend WH-TEE went to TEE-RED and TEE-BLUE, backend LAMP-C to LAMP-B: BigCommerce has no
    // WH-TEE or LAMP-C of its own, and neither is listed as an unknown SKU.
    expect(bySku.has('WH-TEE')).toBe(false);
    expect(bySku.has('LAMP-C')).toBe(false);
    // A SKU nobody maps and BigCommerce lacks is still listed as unknown.
    expect(bySku.get('NO-SUCH-SKU')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no product or variant/) });

    const skipped = await listed('&status=skipped');
    const synced = await listed('&status=synced');
    expect(skipped.items.map((i) => i.sku)).toEqual(['NO-SUCH-SKU']);
    expect(skipped.total + synced.total).toBe(all.total);
  });

  it('an item BigCommerce refuses is listed with its reason; the rest of the batch is written', async () => {
    const max = 2_147_483_647;
    const before = h.sandbox.control.adjustments.length;
    // Each variant alone is within the limit, but BigCommerce caps the product's total over its variants.
    await h.warehouse.control.setInventory(account().id, [
      { sku: 'SBX-TEE-BLK-M', available: max },
      { sku: 'SBX-TEE-BLK-L', available: max },
      { sku: 'SBX-MUG-01', available: 21 },
    ]);
    await settled();
    expect(level('SBX-MUG-01')).toBe(21);
    const bySku = new Map((await listed('&search=SBX-')).items.map((i) => [i.sku, i]));
    expect(bySku.get('SBX-MUG-01')).toMatchObject({ status: 'synced', available: 21 });
    for (const sku of ['SBX-TEE-BLK-M', 'SBX-TEE-BLK-L']) {
      expect(bySku.get(sku)).toMatchObject({
        status: 'skipped',
        reason: expect.stringMatching(/^BigCommerce refused this level: The total inventory of product_id \d+ at location 1 would exceed/),
      });
    }
    const statuses = h.sandbox.control.adjustments.slice(before).map((a) => a.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.every((x) => x === 200 || x === 422)).toBe(true);
    const log = await h.api('get', '/api/activity?limit=5');
    expect(JSON.stringify(log.body)).toMatch(/1 item, 2 skipped/);
  });
});
