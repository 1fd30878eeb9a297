import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, startEnv, type Env } from './helpers.js';
import { storeClient, type StoreClient } from './store-client.js';

// Default catalog: see inventory.test.ts (Tee 111 by variant: 201/202; Mug 112 by product, base
// variant 203; Gift card 113 untracked, base variant 204).
const ABSOLUTE = '/v3/inventory/adjustments/absolute';

describe('sandbox inventory absolute adjustments', () => {
  let env: Env;
  let bc: StoreClient;
  beforeEach(async () => {
    env = await startEnv();
    bc = storeClient(env, await install(env));
  });
  afterEach(async () => env.close());

  const level = (sku: string, location = 1): number | undefined => env.sandbox.control.inventoryLevel('sbx1234', sku, location);
  const events = (): Array<[string, unknown]> => env.sandbox.control.webhookEvents.map((e) => [e.scope, e.payload.data]);

  it('sets product-tracked and variant-tracked levels, answers {transaction_id} and fires inventory webhooks', async () => {
    const res = await bc.put(ABSOLUTE, {
      reason: 'warehouse sync',
      items: [
        { location_id: 1, sku: 'SBX-MUG-01', quantity: 7 },
        { location_id: 1, variant_id: 201, quantity: 3 },
        { location_id: 1, sku: 'SBX-TEE-BLK-L', quantity: 25 }, // unchanged: no webhook
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ transaction_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect([level('SBX-MUG-01'), level('SBX-TEE-BLK-M'), level('SBX-TEE-BLK-L')]).toEqual([7, 3, 25]);
    const read = await bc.get('/v3/inventory/items?sku:in=SBX-MUG-01,SBX-TEE-BLK-M');
    expect(read.body.data.map((i: any) => i.locations[0].available_to_sell)).toEqual([3, 7]);
    expect(events()).toEqual([
      ['store/product/inventory/updated', { type: 'product', id: 112, inventory: { product_id: 112, method: 'absolute', value: -33 } }],
      ['store/sku/inventory/updated', { type: 'sku', id: 301, inventory: { product_id: 111, method: 'absolute', value: -22, variant_id: 201 } }],
    ]);
    expect(env.sandbox.control.adjustments).toEqual([
      { storeHash: 'sbx1234', status: 200, items: 3, reason: 'warehouse sync', transactionId: res.body.transaction_id, at: expect.any(Number) },
    ]);
    // A product-tracked simple product can be named by product_id, sku or its base variant id alike.
    await bc.put(ABSOLUTE, { items: [{ location_id: 1, product_id: 112, quantity: 9 }] });
    await bc.put(ABSOLUTE, { items: [{ location_id: 1, variant_id: 203, quantity: 11 }] });
    expect(level('SBX-MUG-01')).toBe(11);
  });

  it('refuses writes at the wrong tracking level with the spec 422, all-or-nothing', async () => {
    env.sandbox.control.setInventoryTracking('sbx1234', 'SBX-TEE', 'product');
    env.sandbox.control.webhooks.resetLog();
    const res = await bc.put(ABSOLUTE, {
      items: [
        { location_id: 1, sku: 'SBX-MUG-01', quantity: 1 },
        { location_id: 1, variant_id: 201, quantity: 5 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      status: 422,
      title: '[Item with variant_id 201 is tracked by product, please update stock by product id]',
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors: {},
    });
    expect(level('SBX-MUG-01')).toBe(40);
    expect(events()).toEqual([]);
    // The product-level write works, and fires the product event (products with variants tracked by product).
    expect((await bc.put(ABSOLUTE, { items: [{ location_id: 1, product_id: 111, quantity: 12 }] })).status).toBe(200);
    expect(level('SBX-TEE')).toBe(12);
    expect(events().map(([s]) => s)).toEqual(['store/product/inventory/updated']);
    // Back to variant tracking: product_id is the wrong level now.
    env.sandbox.control.setInventoryTracking('sbx1234', 111, 'variant');
    const byProduct = await bc.put(ABSOLUTE, { items: [{ location_id: 1, product_id: 111, quantity: 1 }] });
    expect(byProduct.body.title).toBe('[Item with product_id 111 is tracked by variant, please update stock by variant id]');
  });

  it('untracked products: a product without variants is written and fires store/product/inventory/updated; variants of an untracked product are refused', async () => {
    const res = await bc.put(ABSOLUTE, { items: [{ location_id: 1, sku: 'SBX-GIFT-CARD', quantity: 5 }] });
    expect(res.status).toBe(200);
    expect(level('SBX-GIFT-CARD')).toBe(5);
    // events/index.mdx: "For products without variants, the webhook fires regardless of how you track inventory."
    expect(events()).toEqual([['store/product/inventory/updated', { type: 'product', id: 113, inventory: { product_id: 113, method: 'absolute', value: 5 } }]]);

    env.sandbox.control.setInventoryTracking('sbx1234', 'SBX-TEE-BLK-M', 'none');
    env.sandbox.control.webhooks.resetLog();
    const byVariant = await bc.put(ABSOLUTE, { items: [{ location_id: 1, sku: 'SBX-TEE-BLK-M', quantity: 1 }] });
    expect(byVariant.status).toBe(422);
    expect(byVariant.body.title).toBe('[Item with sku SBX-TEE-BLK-M is not tracked by variant, please update stock by product id]');
    // The product-level record takes the write, but a product with variants fires nothing unless tracked by product.
    expect((await bc.put(ABSOLUTE, { items: [{ location_id: 1, product_id: 111, quantity: 4 }] })).status).toBe(200);
    expect(level('SBX-TEE')).toBe(4);
    expect(events()).toEqual([]);
  });

  it('answers 422 for more than 2000 items, unknown items, unknown or disabled locations and malformed items', async () => {
    const many = (n: number): unknown => ({ items: Array.from({ length: n }, (_, i) => ({ location_id: 1, sku: 'SBX-MUG-01', quantity: i })) });
    const tooMany = await bc.put(ABSOLUTE, many(2001));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ status: 422, title: expect.stringContaining('2000'), errors: { items: expect.stringContaining('2001') } });
    expect(level('SBX-MUG-01')).toBe(40);
    const max = await bc.put(ABSOLUTE, many(2000));
    expect(max.status).toBe(200);
    expect(level('SBX-MUG-01')).toBe(1999);

    env.sandbox.control.addLocation('sbx1234', { label: 'Closed', enabled: false });
    const cases: Array<[unknown, RegExp | string]> = [
      [
        {
          items: [
            { location_id: 1, sku: 'NOPE', quantity: 1 },
            { location_id: 1, variant_id: 999, quantity: 1 },
          ],
        },
        'Items not found, identities: [sku NOPE, variant_id 999]',
      ],
      [
        {
          items: [
            { location_id: 3, sku: 'SBX-MUG-01', quantity: 1 },
            { location_id: 4, sku: 'SBX-MUG-01', quantity: 1 },
          ],
        },
        'Location not found, identities: [3,4]',
      ],
      [{ items: [{ location_id: 2, sku: 'SBX-MUG-01', quantity: 1 }] }, 'Location is disabled, identities: [2]'],
      [{ items: [{ location_id: 1, sku: 'SBX-MUG-01', product_id: 112, quantity: 1 }] }, 'JSON data is missing or invalid'],
      [{ items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: -1 }] }, 'JSON data is missing or invalid'],
      [{ reason: 'no items' }, 'JSON data is missing or invalid'],
    ];
    for (const [body, title] of cases) {
      const res = await bc.put(ABSOLUTE, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.title).toEqual(title);
    }
    expect(level('SBX-MUG-01')).toBe(1999);
    expect(env.sandbox.control.adjustments.map((a) => a.status)).toEqual([422, 200, 422, 422, 422, 422, 422, 422]);
  });

  it('one write at a time: an absolute adjustment arriving while another of the store is processed gets 409', async () => {
    env.sandbox.control.setInventoryWriteDelay(250);
    env.sandbox.control.createStore({ hash: 'other1' });
    const other = storeClient(env, await install(env, 'other1'), 'other1');
    const first = bc.put(ABSOLUTE, { reason: 'first', items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 1 }] });
    // Wait until the first one is being processed (it holds the store's write for 250 ms).
    while (!env.sandbox.control.state.catalog.isWriting('sbx1234')) await new Promise((resolve) => setTimeout(resolve, 5));
    const [second, otherStore] = await Promise.all([
      bc.put(ABSOLUTE, { reason: 'second', items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 2 }] }),
      // Another store's writes are independent.
      other.put(ABSOLUTE, { items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 3 }] }),
    ]);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 409, title: expect.stringMatching(/still being processed/), errors: {} });
    expect(otherStore.status).toBe(200);
    expect((await first).status).toBe(200);
    expect(level('SBX-MUG-01')).toBe(1);
    // Once the first has answered, the next write goes through.
    expect((await bc.put(ABSOLUTE, { reason: 'third', items: [{ location_id: 1, sku: 'SBX-MUG-01', quantity: 2 }] })).status).toBe(200);
    expect(level('SBX-MUG-01')).toBe(2);
    const mine = env.sandbox.control.adjustments.filter((a) => a.storeHash === 'sbx1234');
    expect(mine.map((a) => [a.reason, a.status])).toEqual([
      ['second', 409],
      ['first', 200],
      ['third', 200],
    ]);
  });

  it('setInventoryLevel (a merchant edit) applies the same rules and webhooks; addProduct/addVariant extend the catalog', async () => {
    env.sandbox.control.setInventoryLevel('sbx1234', 'SBX-TEE-BLK-L', 8);
    expect(events()).toEqual([['store/sku/inventory/updated', { type: 'sku', id: 302, inventory: { product_id: 111, method: 'absolute', value: -17, variant_id: 202 } }]]);
    expect(() => env.sandbox.control.setInventoryLevel('sbx1234', 'SBX-TEE', 8)).toThrow(/tracked by variant/);
    const hoodie = env.sandbox.control.addProduct('sbx1234', { sku: 'SBX-HOOD', name: 'Hoodie', variants: [{ sku: 'SBX-HOOD-S' }], inventoryLevel: 6 });
    expect(hoodie).toMatchObject({ inventoryTracking: 'variant', baseVariant: null });
    env.sandbox.control.addVariant('sbx1234', 'SBX-HOOD', { sku: 'SBX-HOOD-M' });
    const res = await bc.put(ABSOLUTE, { items: [{ location_id: 1, sku: 'SBX-HOOD-M', quantity: 2 }] });
    expect(res.status).toBe(200);
    expect([level('SBX-HOOD-S'), level('SBX-HOOD-M')]).toEqual([6, 2]);
    expect(() => env.sandbox.control.addProduct('sbx1234', { sku: 'SBX-MUG-01' })).toThrow(/already exists/);
    expect(() => env.sandbox.control.setInventoryTracking('sbx1234', 'SBX-MUG-01', 'variant')).toThrow(/without variants/);
    expect(level('NOPE')).toBeUndefined();
    expect(level('SBX-MUG-01', 9)).toBeUndefined();
  });
});
