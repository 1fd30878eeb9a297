// Issue 8 point 11: the control panel's HTTP control creates orders with a chosen customer,
// shipping method and lines, in bulk, each firing the order webhooks like any order; bad requests
// get a 400 a person can act on.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../sandbox/index.js';
import { COMMERCE_SCRIPT } from '../../sandbox/panel/commerce-script.js';
import { CLIENT_ID, CLIENT_SECRET, api, install, startEnv, type Env } from './helpers.js';
import { startReceiver, type Receiver } from './receiver.js';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', street1: '12 St James Square', city: 'London', zip: 'SW1Y 4JH', countryIso2: 'gb' };

describe('POST /sandbox/stores/{hash}/orders', () => {
  let env: Env;
  let rx: Receiver;
  beforeEach(async () => {
    env = await startEnv({ webhookRetryScale: 0.001 });
    rx = await startReceiver();
  });
  afterEach(async () => {
    await env.close();
    await rx.close();
  });

  const call = async (body: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${env.sandbox.url}/sandbox/stores/sbx1234/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  it('creates several orders for the chosen customer, method and lines, each delivering store/order/created', async () => {
    const token = await install(env);
    const hook = await api(env, '/stores/sbx1234/v3/hooks', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'store/order/created', destination: `${rx.url}/webhooks` }),
    });
    expect(hook.status).toBe(200);

    const res = await call({
      count: 3,
      customer: ADA,
      shippingMethod: 'Express',
      lines: [
        { sku: 'SBX-MUG-01', quantity: 3 },
        { sku: 'SBX-TEE-BLK-L', quantity: 1 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ created: 3, ids: [100, 101, 102], order: { customer: 'Ada Lovelace', email: 'ada@example.com', shippingMethods: ['Express'], items: 4 } });

    const orders = env.sandbox.control.orders('sbx1234');
    expect(orders).toHaveLength(3);
    for (const o of orders) {
      expect(o.billing).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', city: 'London', countryIso2: 'GB', country: 'GB' });
      expect(o.consignments).toEqual([
        expect.objectContaining({ shippingMethod: 'Express', address: expect.objectContaining({ street1: '12 St James Square', zip: 'SW1Y 4JH' }) }),
      ]);
      // Catalog names for catalog SKUs, the product ids the catalog gives them.
      expect(o.lines.map((l) => [l.sku, l.quantity, l.name])).toEqual([
        ['SBX-MUG-01', 3, 'Sandbox Mug'],
        ['SBX-TEE-BLK-L', 1, 'Sandbox Tee - Black / L'],
      ]);
    }

    const delivered = await rx.waitFor(3);
    expect(delivered.map((d) => d.json.scope)).toEqual(['store/order/created', 'store/order/created', 'store/order/created']);
    expect(delivered.map((d) => d.json.data.id).sort()).toEqual([100, 101, 102]);
  });

  it('keeps the defaults for what is not chosen (one order, Jane Doe, Flat Rate)', async () => {
    const res = await call({ lines: [{ sku: 'SBX-MUG-01' }] });
    expect(res.status).toBe(201);
    const [order] = env.sandbox.control.orders('sbx1234');
    expect(order!.billing).toMatchObject({ firstName: 'Jane', lastName: 'Doe', country: 'United States' });
    expect(order!.consignments[0]!.shippingMethod).toBe('Flat Rate');
    expect(order!.lines).toEqual([expect.objectContaining({ sku: 'SBX-MUG-01', quantity: 1 })]);
    expect(env.sandbox.control.webhookEvents.map((e) => e.scope)).toEqual(['store/order/created']);
  });

  it('answers 400 with a readable message and creates nothing for bad requests', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        { lines: [{ sku: 'NOPE-1', quantity: 1 }] },
        /line 1 sku: "NOPE-1" is not in store sbx1234's catalog\. Use one of SBX-TEE, SBX-TEE-BLK-M, .*POST \/sandbox\/stores\/sbx1234\/products/,
      ],
      [
        {
          lines: [
            { sku: 'SBX-MUG-01', quantity: 1 },
            { sku: 'SBX-MUG-01', quantity: 0 },
          ],
        },
        /^line 2 quantity: must be at least 1$/,
      ],
      [{ count: 501 }, /^count: must be at most 500 \(send several requests for more\)$/],
      [{ count: 0 }, /^count: must be at least 1$/],
      [{ customer: { email: 'not-an-address' } }, /^customer email: must be an e-mail address/],
      [{ customer: { adress: 'typo' } }, /^customer: Unrecognized key/],
      [{ shippingMethod: '  ' }, /^shippingMethod: must not be empty$/],
      [{ lines: [] }, /^lines: needs at least one line$/],
    ];
    for (const [body, message] of cases) {
      const res = await call(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error, JSON.stringify(body)).toMatch(message);
    }
    expect(env.sandbox.control.orders('sbx1234')).toEqual([]);
    expect(env.sandbox.control.webhookEvents).toEqual([]);
  });

  it('accepts a product added to the catalog first, and a line without SKU', async () => {
    const added = await fetch(`${env.sandbox.url}/sandbox/stores/sbx1234/products`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'NEW-1', name: 'New thing' }),
    });
    expect(added.status).toBe(201);
    const res = await call({
      lines: [
        { sku: 'NEW-1', quantity: 2 },
        { sku: null, name: 'Engraving' },
      ],
    });
    expect(res.status).toBe(201);
    expect(env.sandbox.control.orders('sbx1234')[0]!.lines.map((l) => [l.sku, l.name])).toEqual([
      ['NEW-1', 'New thing'],
      ['', 'Engraving'],
    ]);
  });
});

describe('the control panel new-order form', () => {
  it('offers customer, address, the shipping methods with free text, several lines and a count, and suggests the mapping', async () => {
    const app = createSandboxApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: 'http://127.0.0.1:9' });
    const html = (await request(app).get('/')).text;
    for (const id of [
      'new-order-name',
      'new-order-email',
      'new-order-street',
      'new-order-city',
      'new-order-zip',
      'new-order-country',
      'new-order-method-other',
      'new-order-lines',
      'new-order-sku-1',
      'new-order-qty-1',
      'new-order-sku-2',
      'add-order-line',
      'new-order-count',
      'create-order',
      'catalog-skus',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain(
      '<option value="Flat Rate" selected>Flat Rate</option><option value="Free Shipping">Free Shipping</option><option value="Express">Express</option><option value="">Other…</option>',
    );
    expect(html).toContain('id="new-order-count" type="number" min="1" max="500"');
    const hint = html.slice(html.indexOf('id="mapping-hint"'), html.indexOf('</p>', html.indexOf('id="mapping-hint"')));
    expect(hint).toContain('Settings › Shipping method mappings');
    expect(hint).toContain('<b>Flat Rate</b> → <code>GROUND</code>');
    expect(hint).toContain('<b>Express</b> → <code>EXPRESS</code>');
    // The script sends what the form holds to the HTTP control above.
    expect(COMMERCE_SCRIPT).toContain('shippingMethod: method');
    expect(COMMERCE_SCRIPT).toContain("count: Number($('new-order-count').value || '1')");
    expect(() => new Function(COMMERCE_SCRIPT)).not.toThrow();
  });
});
