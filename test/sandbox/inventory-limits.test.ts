import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, startEnv, type Env } from './helpers.js';
import { storeClient, type StoreClient } from './store-client.js';

// Default catalog: Tee 111 tracked by variant (201 SBX-TEE-BLK-M, 202 SBX-TEE-BLK-L), Mug 112 by product.
const ABSOLUTE = '/v3/inventory/adjustments/absolute';
const MAX = 2_147_483_647;

describe('sandbox absolute adjustments: the documented inventory limits', () => {
  let env: Env;
  let bc: StoreClient;
  beforeEach(async () => {
    env = await startEnv();
    bc = storeClient(env, await install(env));
  });
  afterEach(async () => env.close());

  const level = (sku: string): number | undefined => env.sandbox.control.inventoryLevel('sbx1234', sku, 1);

  it('refuses a negative level next to valid items, naming its position, and writes none of them', async () => {
    const res = await bc.put(ABSOLUTE, {
      items: [
        { location_id: 1, sku: 'SBX-MUG-01', quantity: 5 },
        { location_id: 1, variant_id: 201, quantity: -2 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual({ 'items.1.quantity': `must be an integer from 0 to ${MAX}` });
    expect(level('SBX-MUG-01')).toBe(40);
  });

  it('refuses a write that takes a variant-tracked product above the limit over all its variants at one location', async () => {
    const over = await bc.put(ABSOLUTE, {
      items: [
        { location_id: 1, variant_id: 201, quantity: MAX },
        { location_id: 1, variant_id: 202, quantity: 1 },
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body.title).toBe(`[The total inventory of product_id 111 at location 1 would exceed ${MAX}]`);
    expect([level('SBX-TEE-BLK-M'), level('SBX-TEE-BLK-L')]).toEqual([25, 25]);
    // The other variant's current level counts too.
    expect((await bc.put(ABSOLUTE, { items: [{ location_id: 1, variant_id: 201, quantity: MAX - 25 }] })).status).toBe(200);
    expect((await bc.put(ABSOLUTE, { items: [{ location_id: 1, variant_id: 201, quantity: MAX - 24 }] })).status).toBe(422);
    // Lowering one variant in the same request makes room for the other.
    const swap = await bc.put(ABSOLUTE, {
      items: [
        { location_id: 1, variant_id: 202, quantity: 0 },
        { location_id: 1, variant_id: 201, quantity: MAX },
      ],
    });
    expect(swap.status).toBe(200);
    expect(level('SBX-TEE-BLK-M')).toBe(MAX);
  });
});
