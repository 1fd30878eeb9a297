import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from './helpers.js';
import { startStoreWithOrder, type StoreClient } from './store-client.js';

const SHIPMENTS = '/v2/orders/100/shipments';
const item = { order_product_id: 1, quantity: 1 };

describe('sandbox shipments BigCommerce refuses', () => {
  let env: Env;
  let bc: StoreClient;
  beforeEach(async () => {
    ({ env, bc } = await startStoreWithOrder());
  });
  afterEach(async () => env.close());

  it('refuses fields past orderShipment_Post limits (tracking_number 50, tracking_link 500) and accepts them at the limit', async () => {
    const link = (n: number) => `https://t.example/${'a'.repeat(n - 18)}`;
    for (const [body, field] of [
      [{ tracking_number: 'x'.repeat(51) }, 'tracking_number'],
      [{ tracking_link: link(501) }, 'tracking_link'],
    ] as const) {
      const res = await bc.post(SHIPMENTS, { order_address_id: 1, items: [item], ...body });
      expect(res.status).toBe(400);
      expect(res.body).toEqual([{ status: 400, message: expect.stringContaining(`The field '${field}' is invalid.`) }]);
    }
    expect(env.sandbox.control.shipments('sbx1234', 100)).toHaveLength(0);
    const ok = await bc.post(SHIPMENTS, { order_address_id: 1, items: [item], tracking_number: 'x'.repeat(50), tracking_link: link(500) });
    expect(ok.status).toBe(201);
  });

  it('refuseShipments: the next POSTs answer a v2 error with the given status and message, then shipping works again', async () => {
    env.sandbox.control.refuseShipments('The order is being edited by another user.', { count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await bc.post(SHIPMENTS, { order_address_id: 1, items: [item] });
      expect(res.status).toBe(422);
      expect(res.body).toEqual([{ status: 422, message: 'The order is being edited by another user.' }]);
    }
    expect(env.sandbox.control.shipments('sbx1234', 100)).toHaveLength(0);
    expect((await bc.post(SHIPMENTS, { order_address_id: 1, items: [item] })).status).toBe(201);
    expect(() => env.sandbox.control.refuseShipments('x', { status: 500 })).toThrow(/4xx/);
  });
});
