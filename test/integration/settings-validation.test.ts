import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
});
afterAll(() => t.close());
const api: SignedInApp['api'] = (...args) => t.api(...args);

describe('settings input is validated with readable errors', () => {
  it('rejects a cancellation status equal to the import status, naming the field', async () => {
    const res = await api('put', '/api/settings/flow-options', { cancellationStatusIds: [5, 11] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('cancellationStatusIds');
    const res2 = await api('put', '/api/settings/flow-options', { statusOnBackendCancelId: 11 });
    expect(res2.status).toBe(400);
    expect(res2.body.error.fields).toHaveProperty('statusOnBackendCancelId');
  });

  it('rejects malformed inputs with 400, never 500', async () => {
    for (const [path, body] of [
      ['/api/settings/flows', {}],
      ['/api/settings/flows', { orders: 'yes' }],
      ['/api/settings/flow-options', { syncMode: 'sometimes' }],
      ['/api/settings/import', { importStatusId: 'eleven' }],
      ['/api/settings/backend', { accountId: '' }],
      ['/api/carrier-mappings', { backendCarrier: 'UPS', shippingProvider: 'pigeon', trackingCarrier: null }],
      ['/api/shipping-mappings', { method: '' }],
    ] as const) {
      const res = await api('put', path, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await api('get', '/api/orders?page=0')).status).toBe(400);
    expect((await api('get', '/api/orders?state=lost')).status).toBe(400);
    expect((await api('get', '/api/orders/abc')).status).toBe(400);
    expect((await api('get', '/api/webhook-events?from=yesterday')).status).toBe(400);
  });

  it('treats % and _ in searches literally', async () => {
    await api('post', '/api/sku-mappings', { bcSku: 'ABC', backendSku: 'X1' });
    await api('post', '/api/sku-mappings', { bcSku: 'A%C', backendSku: 'X2' });
    const res = await api('get', '/api/sku-mappings?search=%25');
    expect(res.body.items.map((m: { bcSku: string }) => m.bcSku)).toEqual(['A%C']);
    await t.db('inventory_items').insert([
      { store_hash: STORE, sku: 'A_B', location_id: 1, backend_sku: 'A_B', available: 1, status: 'synced', updated_at: 1 },
      { store_hash: STORE, sku: 'AXB', location_id: 1, backend_sku: 'AXB', available: 1, status: 'synced', updated_at: 1 },
    ]);
    const inv = await api('get', '/api/inventory?search=_');
    expect(inv.body.items.map((i: { sku: string }) => i.sku)).toEqual(['A_B']);
  });
});
