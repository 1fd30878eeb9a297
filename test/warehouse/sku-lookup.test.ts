// The sandbox warehouse's optional SKU lookup (GET /v1/products?sku=…), used by the app's readiness
// scan: it knows its products and its stocked SKUs, not SBX-GIFT-CARD, and can be switched off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFulfillmentClient } from '../../server/fulfillment/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { DEMO_ACCOUNT } from '../fulfillment/fixtures.js';
import { sandbox, v1 } from './helpers.js';

let wh: SandboxWarehouse;
beforeEach(async () => {
  wh = await startSandboxWarehouse();
});
afterEach(() => wh.close());

const query = (...skus: string[]) => `/products?${skus.map((s) => `sku=${encodeURIComponent(s)}`).join('&')}`;

describe('sandbox warehouse GET /v1/products', () => {
  it('answers the asked SKUs it knows, with their names; the gift card is not stocked', async () => {
    const res = await v1(wh, 'GET', query('SBX-MUG-01', 'SBX-GIFT-CARD', 'SBX-TEE-BLK-M', 'SBX-MUG-01'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      items: [
        { sku: 'SBX-MUG-01', name: 'Sandbox Mug' },
        { sku: 'SBX-TEE-BLK-M', name: 'Sandbox Tee - Black / M' },
      ],
    });
    expect(wh.control.requests.at(-1)).toMatchObject({ path: '/v1/products', outcome: 'ok', accountId: 'wh-demo', status: 200 });
  });

  it('knows a SKU once it has a stock level, and products set from the control endpoints', async () => {
    await wh.control.setInventory('wh-demo', [{ sku: 'SBX-GIFT-CARD', available: 3 }], { push: false });
    expect((await v1(wh, 'GET', query('SBX-GIFT-CARD'))).json.items).toEqual([{ sku: 'SBX-GIFT-CARD', name: 'SBX-GIFT-CARD' }]);
    const set = await sandbox(wh, 'PUT', '/accounts/wh-demo/products', { items: [{ sku: 'KIT-1', name: 'Kit' }], replace: true });
    expect(set.status).toBe(200);
    expect(set.json.products).toEqual([{ sku: 'KIT-1', name: 'Kit' }]);
    expect((await v1(wh, 'GET', query('KIT-1', 'SBX-MUG-01'))).json.items).toEqual([{ sku: 'KIT-1', name: 'Kit' }]);
    expect(wh.control.snapshot().products).toEqual([{ accountId: 'wh-demo', sku: 'KIT-1', name: 'Kit' }]);
  });

  it('refuses no SKU or more than 100, needs the API key, and answers 404 when switched off', async () => {
    expect((await v1(wh, 'GET', '/products')).json.error.code).toBe('invalid_sku');
    const many = await v1(wh, 'GET', query(...Array.from({ length: 101 }, (_, i) => `S-${i}`)));
    expect(many.status).toBe(400);
    expect((await v1(wh, 'GET', query('SBX-MUG-01'), { apiKey: 'whk_wrong_key_123' })).status).toBe(401);

    expect((await sandbox(wh, 'PUT', '/sku-lookup', { enabled: false })).json).toEqual({ skuLookup: false });
    const off = await v1(wh, 'GET', query('SBX-MUG-01'));
    expect(off.status).toBe(404);
  });

  it('is what the app’s client reads: known SKUs, then "cannot tell" once switched off', async () => {
    const client = createFulfillmentClient({ baseUrl: wh.url })(DEMO_ACCOUNT);
    expect(await client.lookupSkus!(['SBX-MUG-01', 'SBX-GIFT-CARD'])).toEqual({ supported: true, known: [{ sku: 'SBX-MUG-01', name: 'Sandbox Mug' }] });
    wh.control.setSkuLookup(false);
    expect(await client.lookupSkus!(['SBX-MUG-01'])).toEqual({ supported: false });
  });
});
