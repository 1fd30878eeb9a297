import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from './helpers.js';
import { startStoreWithOrder, type StoreClient } from './store-client.js';

const SHIPMENTS = '/v2/orders/100/shipments';
const item = { order_product_id: 1, quantity: 1 };

describe('sandbox shipments whose answer is lost', () => {
  let env: Env;
  let bc: StoreClient;
  beforeEach(async () => {
    ({ env, bc } = await startStoreWithOrder());
  });
  afterEach(async () => env.close());

  it('loseShipmentAnswers: the shipment is written but the POST answers 504; the next POST answers normally', async () => {
    env.sandbox.control.loseShipmentAnswers(1);
    const lost = await bc.post(SHIPMENTS, { order_address_id: 1, items: [item], comments: 'marker' });
    expect(lost.status).toBe(504);
    expect(env.sandbox.control.shipments('sbx1234', 100).map((s) => s.comments)).toEqual(['marker']);
    const listed = await bc.get(SHIPMENTS);
    expect(listed.body).toEqual([expect.objectContaining({ comments: 'marker', items: [expect.objectContaining(item)] })]);
    expect((await bc.post(SHIPMENTS, { order_address_id: 1, items: [item] })).status).toBe(201);
    expect(() => env.sandbox.control.loseShipmentAnswers(-1)).toThrow(/whole number/);
  });
});
