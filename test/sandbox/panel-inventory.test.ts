import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../sandbox/index.js';
import { COMMERCE_SCRIPT } from '../../sandbox/panel/commerce-script.js';
import { INVENTORY_SCRIPT } from '../../sandbox/panel/inventory-script.js';
import { CLIENT_ID, CLIENT_SECRET, install, startEnv, type Env } from './helpers.js';
import { storeClient } from './store-client.js';

describe('sandbox control panel: Shipments column and Inventory section', () => {
  it('renders the Inventory section with its stable ids, a Shipments column and parseable scripts', async () => {
    const app = createSandboxApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    const res = await request(app).get('/');
    for (const id of ['inventory-table', 'adjustments-table', 'add-location', 'new-location-label', 'add-product', 'new-product-sku', 'inventory-status']) {
      expect(res.text).toContain(`id="${id}"`);
    }
    expect(res.text).toContain('<th>Shipments</th>');
    expect(COMMERCE_SCRIPT).toContain("'order-shipments-' + o.id");
    expect(INVENTORY_SCRIPT).toContain("'tracking-' + p.id");
    expect(() => new Function(INVENTORY_SCRIPT)).not.toThrow();
    expect(() => new Function(COMMERCE_SCRIPT)).not.toThrow();
  });
});

describe('sandbox control JSON endpoints for shipments and inventory', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => env.close());

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${env.sandbox.url}/sandbox${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  };

  it('the orders list shows the shipments of each order with tracking numbers', async () => {
    const c = env.sandbox.control;
    c.createOrder('sbx1234');
    c.createShipment('sbx1234', 100, { orderAddressId: 1, trackingNumber: '1Z999', items: [{ orderProductId: 1, quantity: 1 }] });
    const list = await call('GET', '/stores/sbx1234/orders');
    expect(list.json.orders[0]).toMatchObject({ id: 100, statusId: 3, itemsShipped: 1, items: 3, shipments: [{ id: 1, trackingNumber: '1Z999' }] });
  });

  it('lists inventory per location, sets tracking and levels, adds locations and products', async () => {
    const view = await call('GET', '/stores/sbx1234/inventory');
    expect(view.json.locations).toEqual([{ id: 1, code: 'BC-LOCATION-1', label: 'Default', enabled: true }]);
    const tee = view.json.products.find((p: any) => p.sku === 'SBX-TEE');
    expect(tee).toMatchObject({ id: 111, tracking: 'variant', hasVariants: true });
    expect(tee.rows.map((r: any) => [r.sku, r.counts, r.levels[1]])).toEqual([
      ['SBX-TEE', false, 0],
      ['SBX-TEE-BLK-M', true, 25],
      ['SBX-TEE-BLK-L', true, 25],
    ]);

    expect((await call('PUT', '/stores/sbx1234/products/112/tracking', { mode: 'none' })).json).toEqual({ id: 112, tracking: 'none' });
    expect((await call('PUT', '/stores/sbx1234/products/112/tracking', { mode: 'variant' })).status).toBe(400);
    const set = await call('PUT', '/stores/sbx1234/inventory', { sku: 'SBX-MUG-01', quantity: 12 });
    expect(set.json).toEqual({ sku: 'SBX-MUG-01', locationId: 1, level: 12 });
    expect(env.sandbox.control.webhookEvents.at(-1)?.scope).toBe('store/product/inventory/updated');
    expect((await call('PUT', '/stores/sbx1234/inventory', { sku: 'SBX-TEE', quantity: 1 })).status).toBe(422);

    expect((await call('POST', '/stores/sbx1234/locations', { label: 'East' })).json).toMatchObject({ id: 2, label: 'East', enabled: true });
    expect((await call('POST', '/stores/sbx1234/products', { sku: 'SBX-NEW', inventoryTracking: 'product', inventoryLevel: 3 })).status).toBe(201);
    expect((await call('POST', '/stores/sbx1234/products', { sku: 'SBX-NEW' })).status).toBe(409);
    const after = await call('GET', '/stores/sbx1234/inventory');
    expect(after.json.locations).toHaveLength(2);
    expect(after.json.products.find((p: any) => p.sku === 'SBX-NEW').rows[0].levels).toEqual({ 1: 3, 2: 0 });
  });

  it('shows the absolute adjustments of the app and sets the write delay', async () => {
    const bc = storeClient(env, await install(env));
    await bc.put('/v3/inventory/adjustments/absolute', { reason: 'sync', items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 4 }] });
    const view = await call('GET', '/stores/sbx1234/inventory');
    expect(view.json.adjustments).toEqual([expect.objectContaining({ status: 200, items: 1, reason: 'sync', transactionId: expect.any(String) })]);
    expect((await call('PUT', '/inventory/write-delay', { ms: 100 })).json).toEqual({ ms: 100 });
    expect(env.sandbox.control.state.catalog.writeDelayMs).toBe(100);
    expect((await call('PUT', '/inventory/write-delay', { ms: -1 })).status).toBe(400);
  });
});
