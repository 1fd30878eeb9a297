import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, fakeClock, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

const ORDERS = '/stores/sbx1234/v2/orders';

describe('sandbox orders v2: list, count and detail', () => {
  let env: Env;
  let token: string;
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(async () => {
    clock = fakeClock(Date.UTC(2024, 0, 15, 12, 0, 0));
    env = await startEnv({ now: () => clock.now() });
    token = await install(env);
  });
  afterEach(async () => env.close());

  const ids = async (query: string): Promise<number[]> => {
    const res = await api(env, `${ORDERS}${query}`, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as Array<{ id: number }>).map((o) => o.id);
  };

  it('answers 204 with an empty body when no order matches', async () => {
    const res = await api(env, ORDERS, token);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
    expect((await api(env, `${ORDERS}?status_id=2`, token)).status).toBe(204);
    expect((await api(env, `${ORDERS}?page=2`, token)).status).toBe(204);
  });

  it('filters by status_id, min_id and date_modified (RFC-2822 and ISO-8601, inclusive)', async () => {
    const c = env.sandbox.control;
    c.createOrder('sbx1234', { statusId: 11 }); // 100
    c.createOrder('sbx1234', { statusId: 1 }); // 101
    clock.advance(60_000);
    c.createOrder('sbx1234', { statusId: 11 }); // 102 at 12:01:00
    expect(await ids('?status_id=11')).toEqual([100, 102]);
    expect(await ids('?min_id=101')).toEqual([101, 102]);
    expect(await ids(`?min_date_modified=${encodeURIComponent('Mon, 15 Jan 2024 07:01:00 -0500')}`)).toEqual([102]);
    expect(await ids(`?max_date_modified=${encodeURIComponent('2024-01-15T12:00:59.000Z')}`)).toEqual([100, 101]);
    expect(await ids(`?min_date_modified=${encodeURIComponent('2024-01-15T12:01:00+00:00')}&status_id=11`)).toEqual([102]);
    const bad = await api(env, `${ORDERS}?min_date_modified=yesterday`, token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual([{ status: 400, message: expect.stringContaining('min_date_modified') }]);
  });

  it('sorts by id (default) and date_modified asc/desc, and pages with limit capped at 250', async () => {
    const c = env.sandbox.control;
    c.createOrders('sbx1234', 3);
    clock.advance(5_000);
    c.setOrderStatus('sbx1234', 100, 9); // 100 is now the most recently modified
    expect(await ids('')).toEqual([100, 101, 102]);
    // Equal dates keep ascending ids.
    expect(await ids('?sort=date_modified:desc')).toEqual([100, 101, 102]);
    expect(await ids('?sort=date_modified:asc')).toEqual([101, 102, 100]);
    expect(await ids('?sort=id:desc')).toEqual([102, 101, 100]);
    expect(await ids('?limit=2&page=2')).toEqual([102]);
    expect((await api(env, `${ORDERS}?sort=nonsense`, token)).status).toBe(400);

    c.createOrders('sbx1234', 300);
    expect(await ids('?limit=500')).toHaveLength(250);
    expect(await ids('')).toHaveLength(50);
    expect(await ids('?limit=250&page=2')).toHaveLength(53);
  });

  it('GET /v2/orders/count counts per status with the same filters', async () => {
    const c = env.sandbox.control;
    c.createOrders('sbx1234', 2, { statusId: 11 });
    c.createOrder('sbx1234', { statusId: 5 });
    c.setStatusLabel('sbx1234', 11, 'Ready to pick');
    const body = (await (await api(env, `${ORDERS}/count`, token)).json()) as any;
    expect(body.count).toBe(3);
    expect(body.statuses).toHaveLength(15);
    expect(body.statuses.map((s: any) => s.sort_order)).toEqual([...Array(15).keys()]);
    expect(body.statuses.find((s: any) => s.id === 11)).toEqual({
      id: 11,
      name: 'Awaiting Fulfillment',
      system_label: 'Awaiting Fulfillment',
      custom_label: 'Ready to pick',
      system_description: expect.any(String),
      count: 2,
      sort_order: 3,
    });
    const filtered = (await (await api(env, `${ORDERS}/count?status_id=5`, token)).json()) as any;
    expect(filtered.count).toBe(1);
  });

  it('GET /v2/orders/{id} answers the order with resource links and RFC-2822 UTC dates', async () => {
    const order = env.sandbox.control.createOrder('sbx1234', { customerMessage: 'Leave at the door' });
    const res = await api(env, `${ORDERS}/${order.id}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      id: 100,
      status_id: 11,
      status: 'Awaiting Fulfillment',
      custom_status: 'Awaiting Fulfillment',
      date_created: 'Mon, 15 Jan 2024 12:00:00 +0000',
      date_modified: 'Mon, 15 Jan 2024 12:00:00 +0000',
      date_shipped: '',
      subtotal_ex_tax: '62.5000',
      total_inc_tax: '72.5000',
      items_total: 3,
      items_shipped: 0,
      customer_message: 'Leave at the door',
      channel_id: 1,
      is_deleted: false,
      billing_address: { first_name: 'Jane', last_name: 'Doe', country_iso2: 'US', form_fields: [] },
      products: { url: `${env.sandbox.url}${ORDERS}/100/products`, resource: '/orders/100/products' },
      shipping_addresses: { resource: '/orders/100/shippingaddresses' },
      consignments: { resource: '/orders/100/consignments' },
    });
    expect(typeof body.subtotal_tax).toBe('string');
    // The links resolve.
    const products = (await (await api(env, `${ORDERS}/100/products`, token)).json()) as any[];
    expect(products.map((p) => p.sku)).toEqual(['SBX-TEE-BLK-M', 'SBX-MUG-01']);
    const addresses = (await (await api(env, `${ORDERS}/100/shippingaddresses`, token)).json()) as any[];
    expect(addresses).toEqual([expect.objectContaining({ id: 1, order_id: 100, shipping_method: 'Flat Rate', items_total: 3, base_cost: '10.0000' })]);
    expect((await api(env, `${ORDERS}/100/shipping_addresses`, token)).status).toBe(200);
  });

  it('include=consignments.line_items&consignment_structure=object embeds consignments with full line items', async () => {
    const order = env.sandbox.control.createOrder('sbx1234', {
      consignments: [
        { address: { firstName: 'Ann', city: 'Boston', zip: '02110' }, shippingMethod: 'Express', lines: [{ sku: 'A-1', quantity: 2, price: '3.50' }] },
        { lines: [{ sku: null, name: 'Gift note', quantity: 1, price: '0', variantId: null }] },
      ],
    });
    const res = await api(env, `${ORDERS}/${order.id}?include=consignments.line_items&consignment_structure=object`, token);
    const { consignments } = (await res.json()) as any;
    expect(Object.keys(consignments).sort()).toEqual(['downloads', 'email', 'pickups', 'shipping']);
    expect(consignments).toMatchObject({ pickups: [], downloads: [], email: { gift_certificates: [] } });
    expect(consignments.shipping).toHaveLength(2);
    const [first, second] = consignments.shipping;
    expect(first).toMatchObject({
      id: expect.any(Number),
      first_name: 'Ann',
      last_name: 'Doe',
      city: 'Boston',
      zip: '02110',
      country_iso2: 'US',
      shipping_method: 'Express',
      items_total: 2,
      items_shipped: 0,
      base_cost: 10,
      shipping_quotes: { resource: `/orders/${order.id}/consignments/shipping/${first.id}/shipping_quotes` },
    });
    expect(first.line_items).toEqual([
      expect.objectContaining({
        id: expect.any(Number),
        order_id: order.id,
        product_id: expect.any(Number),
        variant_id: expect.any(Number),
        sku: 'A-1',
        quantity: 2,
        base_price: '3.5000',
        price_ex_tax: '3.5000',
        total_inc_tax: '7.0000',
        order_address_id: first.id,
        quantity_shipped: 0,
      }),
    ]);
    expect(second.line_items[0]).toMatchObject({ sku: '', name: 'Gift note', order_address_id: second.id });
    expect(second.line_items[0]).not.toHaveProperty('variant_id');

    // Without line_items expansion the lines are links; without consignment_structure=object the
    // consignments stay a resource link.
    const links = (await (await api(env, `${ORDERS}/${order.id}?include=consignments&consignment_structure=object`, token)).json()) as any;
    expect(links.consignments.shipping[0].line_items[0]).toEqual({
      url: expect.stringMatching(/\/v2\/orders\/100\/products\/\d+$/),
      resource: expect.stringMatching(/^\/orders\/100\/products\/\d+$/),
    });
    const legacy = (await (await api(env, `${ORDERS}/${order.id}?include=consignments`, token)).json()) as any;
    expect(legacy.consignments).toEqual({ url: expect.any(String), resource: '/orders/100/consignments' });
  });

  it('keeps one product/variant id per SKU across orders', async () => {
    const a = env.sandbox.control.createOrder('sbx1234', { lines: [{ sku: 'X-1' }, { sku: 'Y-2' }] });
    const b = env.sandbox.control.createOrder('sbx1234', { lines: [{ sku: 'Y-2' }] });
    expect(b.lines[0]?.variantId).toBe(a.lines[1]?.variantId);
    expect(a.lines[0]?.variantId).not.toBe(a.lines[1]?.variantId);
  });

  it('answers 404 in the v2 error shape for unknown or malformed ids', async () => {
    for (const id of ['999', 'abc']) {
      const res = await api(env, `${ORDERS}/${id}`, token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual([{ status: 404, message: expect.any(String) }]);
    }
  });

  it('orders belong to their store', async () => {
    env.sandbox.control.createStore({ hash: 'other1' });
    env.sandbox.control.createOrder('other1');
    expect((await api(env, ORDERS, token)).status).toBe(204);
    expect((await api(env, `${ORDERS}/100`, token)).status).toBe(404);
  });

  it('needs store_v2_orders or store_v2_orders_read_only to read, and store_v2_orders to write', async () => {
    env.sandbox.control.createOrder('sbx1234');
    const tokenWith = async (scope: string): Promise<string> => {
      const { authUrl } = env.sandbox.control.beginInstall('sbx1234', { scope });
      return (await postToken(env, tokenRequestFor(env, authUrl))).json.access_token as string;
    };
    const none = await tokenWith('store_v2_information_read_only');
    expect((await api(env, ORDERS, none)).status).toBe(403);
    expect((await api(env, '/stores/sbx1234/v2/order_statuses', none)).status).toBe(403);
    const readOnly = await tokenWith('store_v2_orders_read_only');
    expect((await api(env, `${ORDERS}/100`, readOnly)).status).toBe(200);
    const put = await api(env, `${ORDERS}/100`, readOnly, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status_id: 2 }),
    });
    expect(put.status).toBe(403);
    expect(env.sandbox.control.getOrder('sbx1234', 100).statusId).toBe(11);
  });
});
