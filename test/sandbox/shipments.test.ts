import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, install, startEnv, type Env } from './helpers.js';
import { startReceiver } from './receiver.js';
import { installWithScope, storeClient, type StoreClient } from './store-client.js';

const SHIPMENTS = '/v2/orders/100/shipments';

describe('sandbox order shipments (v2)', () => {
  let env: Env;
  let bc: StoreClient;
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(async () => {
    clock = fakeClock(Date.UTC(2024, 2, 1, 9, 30, 0));
    env = await startEnv({ now: () => clock.now() });
    bc = storeClient(env, await install(env));
  });
  afterEach(async () => env.close());

  const scopes = (): Array<[string, unknown]> => env.sandbox.control.webhookEvents.map((e) => [e.scope, e.payload.data]);
  const order = async (id = 100): Promise<any> => (await bc.get(`/v2/orders/${id}`)).body;

  it('refuses invalid shipments with a v2 400 naming the problem, and changes nothing', async () => {
    // Default order 100: address 1; line 1 = 2 × SBX-TEE-BLK-M, line 2 = 1 × SBX-MUG-01.
    env.sandbox.control.createOrder('sbx1234');
    const other = env.sandbox.control.createOrder('sbx1234');
    const otherAddress = other.consignments[0]!.id;
    const cases: Array<[unknown, RegExp]> = [
      [{ items: [{ order_product_id: 1, quantity: 1 }] }, /required field 'order_address_id'/],
      [{ order_address_id: 1 }, /required field 'items'/],
      [{ order_address_id: otherAddress, items: [{ order_product_id: 1, quantity: 1 }] }, /'order_address_id' is invalid.*no shipping address/],
      [{ order_address_id: 1, items: [{ order_product_id: 99, quantity: 1 }] }, /'items\[0\]\.order_product_id' is invalid.*no order product 99/],
      [{ order_address_id: 1, items: [{ order_product_id: 1, quantity: 3 }] }, /'items\[0\]\.quantity' is invalid.*3 requested but only 2/],
      [
        {
          order_address_id: 1,
          items: [
            { order_product_id: 1, quantity: 2 },
            { order_product_id: 1, quantity: 1 },
          ],
        },
        /'items\[1\]\.quantity'/,
      ],
      [{ order_address_id: 1, items: [{ order_product_id: 1, quantity: 0 }] }, /'items\[0\]\.quantity' is invalid/],
      [{ order_address_id: 1, items: [{ order_product_id: 1, product_id: 111, quantity: 1 }] }, /'product_id' cannot be written to/],
      [{ order_address_id: 1, shipping_provider: 'UPS', items: [{ order_product_id: 1, quantity: 1 }] }, /'shipping_provider' is invalid/],
      [{ order_address_id: 1, tracking_number: 'x'.repeat(51), items: [{ order_product_id: 1, quantity: 1 }] }, /'tracking_number' is invalid/],
    ];
    const before = env.sandbox.control.webhookEvents.length;
    for (const [body, message] of cases) {
      const res = await bc.post(SHIPMENTS, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual([{ status: 400, message: expect.stringMatching(message) }]);
    }
    expect((await bc.post('/v2/orders/999/shipments', cases[0]![0])).status).toBe(404);
    expect(env.sandbox.control.shipments('sbx1234')).toEqual([]);
    expect((await order()).items_shipped).toBe(0);
    expect(env.sandbox.control.webhookEvents).toHaveLength(before);
  });

  it('a full shipment answers orderShipment, marks lines shipped, moves the order to Shipped and fires webhooks', async () => {
    env.sandbox.control.createOrder('sbx1234');
    clock.advance(60_000);
    const res = await bc.post(SHIPMENTS, {
      order_address_id: '1', // the docs' examples send it as a string
      tracking_number: 'EJ958083578US',
      shipping_method: 'Ground',
      shipping_provider: 'usps',
      tracking_carrier: '',
      comments: 'Ready to go...',
      items: [
        { order_product_id: 1, quantity: 2 },
        { order_product_id: 2, quantity: 1 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 1,
      order_id: 100,
      customer_id: 0,
      order_address_id: 1,
      date_created: 'Fri, 01 Mar 2024 09:31:00 +0000',
      tracking_number: 'EJ958083578US',
      merchant_shipping_cost: '0.0000',
      shipping_method: 'Ground',
      comments: 'Ready to go...',
      shipping_provider: 'usps',
      tracking_carrier: '',
      tracking_link: '',
      billing_address: expect.objectContaining({ first_name: 'Jane', last_name: 'Doe', zip: '78751', country_iso2: 'US' }),
      shipping_address: expect.objectContaining({ first_name: 'Jane', street_1: '455 Main Street' }),
      items: [
        { order_product_id: 1, product_id: 111, quantity: 2 },
        { order_product_id: 2, product_id: 112, quantity: 1 },
      ],
      shipping_provider_display_name: 'USPS',
      generated_tracking_link: 'https://trkcnfrm1.smi.usps.com/PTSInternetWeb/InterLabelInquiry.do?strOrigTrackNum=EJ958083578US',
    });
    expect(await order()).toMatchObject({ status_id: 2, status: 'Shipped', items_shipped: 3, date_shipped: 'Fri, 01 Mar 2024 09:31:00 +0000' });
    const lines = (await bc.get('/v2/orders/100/products')).body as any[];
    expect(lines.map((l) => l.quantity_shipped)).toEqual([2, 1]);
    expect(scopes().slice(1)).toEqual([
      ['store/shipment/created', { type: 'shipment', id: 1, orderId: 100 }],
      ['store/order/statusUpdated', { type: 'order', id: 100, status: { previous_status_id: 11, new_status_id: 2 } }],
      ['store/order/updated', { type: 'order', id: 100 }],
    ]);
    // Read back: list, one, count.
    expect((await bc.get(SHIPMENTS)).body).toEqual([res.body]);
    expect((await bc.get(`${SHIPMENTS}/1`)).body).toEqual(res.body);
    expect((await bc.get(`${SHIPMENTS}/count`)).body).toEqual({ count: 1 });
    // Nothing is left to ship.
    expect((await bc.post(SHIPMENTS, { order_address_id: 1, items: [{ order_product_id: 2, quantity: 1 }] })).status).toBe(400);
  });

  it('a partial shipment moves the order to Partially Shipped (3); the rest moves it to Shipped (2)', async () => {
    env.sandbox.control.createOrder('sbx1234');
    const first = await bc.post(SHIPMENTS, { order_address_id: 1, tracking_number: 'T1', items: [{ order_product_id: 1, quantity: 1 }] });
    expect(first.status).toBe(201);
    expect(await order()).toMatchObject({ status_id: 3, items_shipped: 1, date_shipped: '' });
    const second = await bc.post(SHIPMENTS, {
      order_address_id: 1,
      tracking_number: 'T2',
      items: [
        { order_product_id: 1, quantity: 1 },
        { order_product_id: 2, quantity: 1 },
      ],
    });
    expect(second.body.id).toBe(2);
    expect(await order()).toMatchObject({ status_id: 2, items_shipped: 3 });
    const statusChanges = env.sandbox.control.webhookEvents.filter((e) => e.scope === 'store/order/statusUpdated').map((e) => e.payload.data.status);
    expect(statusChanges).toEqual([
      { previous_status_id: 11, new_status_id: 3 },
      { previous_status_id: 3, new_status_id: 2 },
    ]);
    expect(env.sandbox.control.webhookEvents.filter((e) => e.scope === 'store/shipment/created')).toHaveLength(2);
  });

  it('ships two consignments separately: items must belong to the order_address_id shipped to', async () => {
    env.sandbox.control.createOrder('sbx1234', {
      consignments: [
        { address: { firstName: 'Ann', city: 'Boston' }, lines: [{ sku: 'SBX-MUG-01', quantity: 1 }] },
        { address: { firstName: 'Bob', city: 'Denver' }, lines: [{ sku: 'SBX-TEE-BLK-L', quantity: 2 }] },
      ],
    });
    const addresses = ((await bc.get('/v2/orders/100/shipping_addresses')).body as any[]).map((a) => a.id);
    expect(addresses).toEqual([1, 2]);
    const wrong = await bc.post(SHIPMENTS, { order_address_id: 1, items: [{ order_product_id: 2, quantity: 1 }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body[0].message).toMatch(/ships to order address 2, not 1/);

    const toAnn = await bc.post(SHIPMENTS, { order_address_id: 1, items: [{ order_product_id: 1, quantity: 1 }] });
    expect(toAnn.body.shipping_address).toMatchObject({ first_name: 'Ann', city: 'Boston' });
    expect((await order()).status_id).toBe(3);
    const toBob = await bc.post(SHIPMENTS, { order_address_id: 2, items: [{ order_product_id: 2, quantity: 2 }] });
    expect(toBob.body).toMatchObject({ order_address_id: 2, shipping_address: { first_name: 'Bob', city: 'Denver' } });
    expect((await order()).status_id).toBe(2);
    const perAddress = ((await bc.get('/v2/orders/100/shipping_addresses')).body as any[]).map((a) => [a.items_total, a.items_shipped]);
    expect(perAddress).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('GET answers 204 without shipments, count 0, and 404 for unknown shipments', async () => {
    env.sandbox.control.createOrder('sbx1234');
    const list = await bc.get(SHIPMENTS);
    expect([list.status, list.body]).toEqual([204, null]);
    expect((await bc.get(`${SHIPMENTS}/count`)).body).toEqual({ count: 0 });
    const one = await bc.get(`${SHIPMENTS}/7`);
    expect(one.status).toBe(404);
    expect(one.body).toEqual([{ status: 404, message: expect.any(String) }]);
    expect((await bc.get('/v2/orders/999/shipments')).status).toBe(404);
  });

  it('PUT updates tracking (not items); DELETE returns quantities but leaves the order Shipped', async () => {
    env.sandbox.control.createOrder('sbx1234');
    env.sandbox.control.createShipment('sbx1234', 100);
    const put = await bc.put(`${SHIPMENTS}/1`, { tracking_number: '1Z999', shipping_provider: 'ups', tracking_link: 'https://track.example/1Z999' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ tracking_number: '1Z999', shipping_provider: 'ups', tracking_link: 'https://track.example/1Z999', generated_tracking_link: '' });
    expect(env.sandbox.control.webhookEvents.at(-1)?.scope).toBe('store/shipment/updated');
    const withItems = await bc.put(`${SHIPMENTS}/1`, { items: [{ order_product_id: 1, quantity: 1 }] });
    expect(withItems.status).toBe(400);
    expect(withItems.body[0].message).toMatch(/'items' cannot be written to/);

    expect((await bc.del(`${SHIPMENTS}/1`)).status).toBe(204);
    // "Deleting a shipment does not move the order out of shipped status."
    expect(await order()).toMatchObject({ status_id: 2, items_shipped: 0 });
    expect(
      scopes()
        .slice(-2)
        .map(([s]) => s),
    ).toEqual(['store/shipment/deleted', 'store/order/updated']);
    expect((await bc.get(SHIPMENTS)).status).toBe(204);

    env.sandbox.control.createShipment('sbx1234', 100, { orderAddressId: 1, items: [{ orderProductId: 2, quantity: 1 }] });
    env.sandbox.control.createShipment('sbx1234', 100);
    expect((await bc.get(`${SHIPMENTS}/count`)).body).toEqual({ count: 2 });
    expect((await bc.del(SHIPMENTS)).status).toBe(204);
    expect(env.sandbox.control.shipments('sbx1234', 100)).toEqual([]);
  });

  it('delivers store/shipment/created (camelCase orderId) to a subscribed hook', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await bc.post('/v3/hooks', { scope: 'store/shipment/*', destination: `${receiver.url}/bc`, is_active: true });
      expect(hook.status).toBe(200);
      env.sandbox.control.createOrder('sbx1234');
      await bc.post(SHIPMENTS, { order_address_id: 1, items: [{ order_product_id: 2, quantity: 1 }] });
      const [callback] = await receiver.waitFor(1);
      expect(callback?.json).toMatchObject({ scope: 'store/shipment/created', data: { type: 'shipment', id: 1, orderId: 100 }, producer: 'stores/sbx1234' });
    } finally {
      await receiver.close();
    }
  });

  it('writes need store_v2_orders; the read-only scope can list', async () => {
    env.sandbox.control.createOrder('sbx1234');
    const readOnly = storeClient(env, await installWithScope(env, 'store_v2_orders_read_only'));
    expect((await readOnly.post(SHIPMENTS, { order_address_id: 1, items: [{ order_product_id: 1, quantity: 1 }] })).status).toBe(403);
    expect((await readOnly.get(SHIPMENTS)).status).toBe(204);
  });

  it('setShipmentAutoStatus(false) leaves the status alone', async () => {
    env.sandbox.control.createOrder('sbx1234');
    env.sandbox.control.setShipmentAutoStatus(false);
    const s = env.sandbox.control.createShipment('sbx1234', 100);
    expect(s.items.map((i) => i.quantity)).toEqual([2, 1]);
    expect(await order()).toMatchObject({ status_id: 11, items_shipped: 3 });
    expect(scopes().map(([scope]) => scope)).not.toContain('store/order/statusUpdated');
  });
});
