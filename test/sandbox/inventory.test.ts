import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, startEnv, type Env } from './helpers.js';
import { installWithScope, storeClient, type StoreClient } from './store-client.js';

// Default catalog (sandbox/catalog/defaults.ts): Tee 111 tracked by variant with variants 201
// (SBX-TEE-BLK-M, sku_id 301) and 202 (SBX-TEE-BLK-L, sku_id 302), 25 each at location 1;
// Mug 112 (SBX-MUG-01, base variant 203) tracked by product, 40; Gift card 113 (SBX-GIFT-CARD,
// base variant 204) not tracked, 0; Poster 114 (no SKU, base variant 205) tracked by product, 10;
// Gift Set 115 (SBX-GIFT-SET, the bundle, base variant 206) tracked by product, 0.
describe('sandbox inventory reads (v3 items, locations, catalog)', () => {
  let env: Env;
  let bc: StoreClient;
  beforeEach(async () => {
    env = await startEnv();
    bc = storeClient(env, await install(env));
  });
  afterEach(async () => env.close());

  it('GET /inventory/items?sku:in= answers the known SKUs with identity and per-location levels; unknown SKUs are absent', async () => {
    const res = await bc.get('/v3/inventory/items?sku:in=SBX-TEE-BLK-M,SBX-MUG-01,NOPE-404');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        identity: { sku: 'SBX-TEE-BLK-M', variant_id: 201, product_id: 111, sku_id: 301 },
        locations: [
          {
            location_id: 1,
            location_code: 'BC-LOCATION-1',
            location_name: 'Default',
            available_to_sell: 25,
            total_inventory_onhand: 25,
            location_enabled: true,
            settings: { safety_stock: 0, is_in_stock: true, warning_level: 0, bin_picking_number: '' },
          },
        ],
      },
      { identity: { sku: 'SBX-MUG-01', variant_id: 203, product_id: 112, sku_id: null }, locations: [expect.objectContaining({ location_id: 1, total_inventory_onhand: 40 })] },
    ]);
    expect(res.body.meta.pagination).toMatchObject({ total: 2, count: 2, current_page: 1, total_pages: 1 });
  });

  it('filters by variant_id:in and product_id:in, pages, and refuses malformed id lists', async () => {
    const byVariant = await bc.get('/v3/inventory/items?variant_id:in=202,203');
    expect(byVariant.body.data.map((i: any) => i.identity.sku)).toEqual(['SBX-TEE-BLK-L', 'SBX-MUG-01']);
    const byProduct = await bc.get('/v3/inventory/items?product_id:in=111');
    expect(byProduct.body.data.map((i: any) => i.identity.variant_id)).toEqual([201, 202]);
    const all = await bc.get('/v3/inventory/items?limit=2&page=2');
    expect(all.body.data.map((i: any) => i.identity.sku)).toEqual(['SBX-MUG-01', 'SBX-GIFT-CARD']);
    expect(all.body.meta.pagination).toMatchObject({ total: 6, per_page: 2, current_page: 2, total_pages: 3, links: { previous: '?page=1&limit=2' } });
    expect((await bc.get('/v3/inventory/items?variant_id:in=abc')).status).toBe(422);
  });

  it('a product tracked by product lists one product-level item; by variant, one item per variant', async () => {
    env.sandbox.control.setInventoryTracking('sbx1234', 111, 'product');
    const res = await bc.get('/v3/inventory/items?product_id:in=111');
    expect(res.body.data.map((i: any) => i.identity)).toEqual([{ sku: 'SBX-TEE', variant_id: null, product_id: 111, sku_id: null }]);
    // The variant SKUs are no inventory items now.
    expect((await bc.get('/v3/inventory/items?sku:in=SBX-TEE-BLK-M')).body.data).toEqual([]);
    expect(env.sandbox.control.webhookEvents.at(-1)?.scope).toBe('store/product/updated');
  });

  it('GET /inventory/locations lists location 1 "Default" and added locations; items show every location', async () => {
    const added = env.sandbox.control.addLocation('sbx1234', { label: 'Warehouse East' });
    expect(added.id).toBe(2);
    const res = await bc.get('/v3/inventory/locations');
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: any) => [l.id, l.code, l.label, l.enabled])).toEqual([
      [1, 'BC-LOCATION-1', 'Default', true],
      [2, 'BC-LOCATION-2', 'Warehouse East', true],
    ]);
    expect(res.body.meta.pagination.total).toBe(2);
    const item = (await bc.get('/v3/inventory/items?sku:in=SBX-MUG-01')).body.data[0];
    expect(item.locations.map((l: any) => [l.location_id, l.total_inventory_onhand])).toEqual([
      [1, 40],
      [2, 0],
    ]);
    const onlyEast = (await bc.get('/v3/inventory/items?sku:in=SBX-MUG-01&location_id:in=2')).body.data[0];
    expect(onlyEast.locations.map((l: any) => l.location_id)).toEqual([2]);
    // Plus allows five locations (inventory-locations.mdx).
    for (let i = 0; i < 3; i++) env.sandbox.control.addLocation('sbx1234');
    expect(() => env.sandbox.control.addLocation('sbx1234')).toThrow(/allows 5 locations/);
  });

  it('GET /catalog/products[/{id}[/variants]] show tracking and default-location levels', async () => {
    const tee = await bc.get('/v3/catalog/products/111');
    expect(tee.body.data).toMatchObject({ id: 111, sku: 'SBX-TEE', inventory_tracking: 'variant', inventory_level: 50, base_variant_id: null });
    const variants = await bc.get('/v3/catalog/products/111/variants');
    expect(variants.body.data.map((v: any) => [v.id, v.sku, v.inventory_level])).toEqual([
      [201, 'SBX-TEE-BLK-M', 25],
      [202, 'SBX-TEE-BLK-L', 25],
    ]);
    expect((await bc.get('/v3/catalog/products/113')).body.data).toMatchObject({ sku: 'SBX-GIFT-CARD', inventory_tracking: 'none', base_variant_id: 204 });
    expect((await bc.get('/v3/catalog/products/999')).status).toBe(404);
    // The list answers id:in / sku:in and trims to include_fields (plus id).
    const list = await bc.get('/v3/catalog/products?id:in=112,113,999&include_fields=inventory_tracking');
    expect(list.body.data).toEqual([
      { id: 112, inventory_tracking: 'product' },
      { id: 113, inventory_tracking: 'none' },
    ]);
    expect((await bc.get('/v3/catalog/products?sku:in=SBX-TEE,SBX-TEE-BLK-M')).body.data.map((p: any) => p.id)).toEqual([111]);
  });

  it('order lines carry the catalog product and variant ids of their SKU', async () => {
    const order = env.sandbox.control.createOrder('sbx1234');
    expect(order.lines.map((l) => [l.sku, l.productId, l.variantId])).toEqual([
      ['SBX-TEE-BLK-M', 111, 201],
      ['SBX-MUG-01', 112, 203],
    ]);
  });

  it('needs store_inventory(_read_only) for items and store_locations(_read_only) for locations', async () => {
    const ordersOnly = storeClient(env, await installWithScope(env, 'store_v2_orders'));
    expect((await ordersOnly.get('/v3/inventory/items')).status).toBe(403);
    expect((await ordersOnly.get('/v3/inventory/locations')).status).toBe(403);
    const readOnly = storeClient(env, await installWithScope(env, 'store_inventory_read_only store_locations_read_only'));
    expect((await readOnly.get('/v3/inventory/items')).status).toBe(200);
    expect((await readOnly.get('/v3/inventory/locations')).status).toBe(200);
    const write = await readOnly.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 1 }] });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ status: 403, title: expect.any(String) });
  });
});
