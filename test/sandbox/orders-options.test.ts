// Issue 9 point 10: sandbox orders for trying order rules: a destination country, a registered
// customer in a customer group (their address by default), the status (Manual Verification
// Required, 12), the payment method and the sales channel, by the HTTP control and in the panel
// form; the v2 order carries them as BigCommerce does. Bad values get a 400 naming the field.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../sandbox/index.js';
import { COMMERCE_SCRIPT } from '../../sandbox/panel/commerce-script.js';
import { CLIENT_ID, CLIENT_SECRET, install, startEnv, type Env } from './helpers.js';
import { storeClient } from './store-client.js';

describe('POST /sandbox/stores/{hash}/orders with rule-relevant options', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.close();
  });

  const call = async (body: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${env.sandbox.url}/sandbox/stores/sbx1234/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  it('creates an order for a registered wholesale customer in Canada, in Manual Verification Required, paid by PayPal on channel 2', async () => {
    const res = await call({ statusId: 12, customer: { id: 4 }, paymentMethod: 'PayPal', channelId: 2 });
    expect(res.status).toBe(201);
    expect(res.json.order).toMatchObject({ customerId: 4, customerGroupId: 2, countries: ['CA'], paymentMethod: 'PayPal', channelId: 2, statusId: 12 });

    const bc = storeClient(env, await install(env));
    const id = res.json.ids[0];
    const order = await bc.get(`/v2/orders/${id}?include=consignments&consignment_structure=object`);
    expect(order.body).toMatchObject({
      customer_id: 4,
      status_id: 12,
      status: 'Manual Verification Required',
      payment_method: 'PayPal',
      channel_id: 2,
      billing_address: { first_name: 'Marie', last_name: 'Tremblay', country_iso2: 'CA', country: 'Canada', city: 'Montréal' },
    });
    expect(order.body.consignments.shipping[0]).toMatchObject({ country_iso2: 'CA', country: 'Canada' });
    // The app reads the group the v2 order lacks from the customers API.
    const customers = await bc.get(`/v3/customers?id:in=${order.body.customer_id}`);
    expect(customers.body.data[0].customer_group_id).toBe(2);
  });

  it('ships a guest order to the country code asked for, and a registered customer elsewhere when the request says so', async () => {
    const guest = await call({ customer: { countryIso2: 'ca', city: 'Toronto' } });
    expect(guest.json.order).toMatchObject({ customerId: 0, customerGroupId: 0, countries: ['CA'], paymentMethod: 'Credit Card', channelId: 1 });
    const moved = await call({ customer: { id: 2, countryIso2: 'FR', city: 'Paris', name: 'Ada King' } });
    const ada = env.sandbox.control.getOrder('sbx1234', moved.json.ids[0]);
    expect(ada.customerId).toBe(2);
    expect(ada.billing).toMatchObject({ firstName: 'Ada', lastName: 'King', email: 'ada@example.com', city: 'Paris', countryIso2: 'FR', country: 'FR' });
  });

  it('refuses an unknown customer, status, channel or an empty payment method with a message naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ customer: { id: 77 } }, /^customer id: 77 is not a customer of the sandbox store\. Use 0 for a guest, or one of 1 \(Jane Doe, Retail\)/],
      [{ statusId: 99 }, /^statusId: must be a BigCommerce order status id: .*12 \(Manual Verification Required\)/],
      [{ channelId: 0 }, /^channelId: must be a channel id of 1 or more/],
      [{ paymentMethod: '  ' }, /^paymentMethod: must not be empty/],
    ];
    for (const [body, message] of cases) {
      const res = await call(body);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(message);
    }
    expect(env.sandbox.control.orders('sbx1234')).toHaveLength(0);
  });
});

describe('the control panel new-order form', () => {
  it('offers the customer account (with its group), payment method, sales channel and country codes, and sends them', async () => {
    const app = createSandboxApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    const html = (await request(app).get('/')).text;
    for (const id of ['new-order-customer', 'new-order-payment', 'new-order-channel', 'country-codes']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<option value="0" selected>Guest (no customer group)</option>');
    expect(html).toMatch(/<option value="4" data-name="Marie Tremblay"[^>]*data-country="CA">#4 Marie Tremblay · Wholesale \(group 2\) · CA<\/option>/);
    expect(html).toContain('<option value="12">12 · Manual Verification Required</option>');
    expect(html).toContain('<option value="PayPal">PayPal</option>');
    expect(html).toContain('<option value="CA">Canada</option>');
    expect(COMMERCE_SCRIPT).toContain("paymentMethod: $('new-order-payment').value");
    expect(COMMERCE_SCRIPT).toContain("id: Number($('new-order-customer').value)");
    expect(() => new Function(COMMERCE_SCRIPT)).not.toThrow();
  });
});
