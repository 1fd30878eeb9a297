// Issue 8 point 11, end to end: stock levels pushed through the warehouse's HTTP control (what the
// page's "Push stock levels" button calls) reach the store connected to the account: the app's
// fulfillment webhook receiver takes them and BigCommerce's inventory follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';
import { sandbox } from './helpers.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
});
afterAll(async () => h?.close());

describe('warehouse stock push to a connected store', () => {
  it('updates the BigCommerce inventory of every pushed SKU', async () => {
    const account = h.warehouse.control.accounts()[0]!;
    expect(h.sandbox.control.inventoryLevel(STORE, 'SBX-MUG-01')).toBe(40);
    const res = await sandbox(h.warehouse, 'PUT', `/accounts/${account.id}/inventory`, {
      items: [
        { sku: 'SBX-MUG-01', available: 35 },
        { sku: 'SBX-TEE-BLK-M', available: 20 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.delivery).toMatchObject({ type: 'inventory.updated', delivered: true });
    await waitFor(() => h.sandbox.control.inventoryLevel(STORE, 'SBX-MUG-01') === 35 && h.sandbox.control.inventoryLevel(STORE, 'SBX-TEE-BLK-M') === 20, {
      what: 'BigCommerce inventory updated',
    });
  });
});
