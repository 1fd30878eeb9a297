// Issue 8 point 11: the warehouse page's stock push and its HTTP control
// (PUT /sandbox/accounts/{id}/inventory): several SKUs in one signed inventory.updated event,
// readable 400s, and the levels shown on the page.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFulfillmentEvent, verifyFulfillmentSignature } from '../../server/fulfillment/index.js';
import { createWarehouseApp, createWarehouseControl, startSandboxWarehouse, WarehouseState, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { WAREHOUSE_SCRIPT } from '../../sandbox/warehouse/script.js';
import { DEMO_ACCOUNT } from '../fulfillment/fixtures.js';
import { sandbox, startReceiver, v1, type Receiver } from './helpers.js';

const NOW = Date.parse('2024-05-02T14:03:00Z');

describe('PUT /sandbox/accounts/{id}/inventory', () => {
  let app: Receiver;
  let wh: SandboxWarehouse;
  beforeEach(async () => {
    app = await startReceiver();
    wh = await startSandboxWarehouse({ appWebhookUrl: app.url, now: () => NOW });
  });
  afterEach(async () => {
    await wh.close();
    await app.close();
  });

  it('pushes several SKUs in one signed inventory.updated and keeps them for GET /v1/inventory', async () => {
    const res = await sandbox(wh, 'PUT', `/accounts/${DEMO_ACCOUNT.accountId}/inventory`, {
      items: [
        { sku: 'SBX-TEE-BLK-M', available: 20 },
        { sku: 'SBX-MUG-01', available: 35 },
        { sku: 'SBX-TEE-BLK-L', available: -2 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.delivery).toMatchObject({ type: 'inventory.updated', delivered: true, status: 200, accountId: DEMO_ACCOUNT.accountId });

    expect(app.events).toHaveLength(1);
    const received = app.events[0]!;
    expect(received.account).toBe(DEMO_ACCOUNT.accountId);
    expect(verifyFulfillmentSignature({ rawBody: received.rawBody, header: received.signature, apiKey: DEMO_ACCOUNT.apiKey, nowSeconds: NOW / 1000 })).toEqual({ ok: true });
    const parsed = parseFulfillmentEvent(JSON.parse(received.rawBody.toString('utf8')));
    expect(parsed).toMatchObject({
      kind: 'event',
      event: {
        type: 'inventory.updated',
        data: {
          items: [
            { sku: 'SBX-TEE-BLK-M', available: 20 },
            { sku: 'SBX-MUG-01', available: 35 },
            { sku: 'SBX-TEE-BLK-L', available: -2 },
          ],
        },
      },
    });

    const feed = await v1(wh, 'GET', '/inventory');
    expect(feed.json.data.map((l: any) => [l.sku, l.available])).toEqual([
      ['SBX-TEE-BLK-M', 20],
      ['SBX-MUG-01', 35],
      ['SBX-TEE-BLK-L', -2],
    ]);
  });

  it('answers 400 with a readable message and sends nothing for bad input', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ items: [] }, /^items: needs at least one SKU$/],
      [
        {
          items: [
            { sku: 'A', available: 1 },
            { sku: 'B', available: 1.5 },
          ],
        },
        /^item 2 available: must be a whole number$/,
      ],
      [{ items: [{ sku: '  ', available: 1 }] }, /^item 1 sku: is required$/],
      [{ items: [{ sku: 'A' }] }, /^item 1 available: must be a whole number$/],
      [{}, /^items: must be a list of \{ sku, available \}$/],
    ];
    for (const [body, message] of cases) {
      const res = await sandbox(wh, 'PUT', `/accounts/${DEMO_ACCOUNT.accountId}/inventory`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error, JSON.stringify(body)).toMatch(message);
    }
    expect((await sandbox(wh, 'PUT', '/accounts/nobody/inventory', { items: [{ sku: 'A', available: 1 }] })).status).toBe(404);
    expect(app.events).toEqual([]);
  });
});

describe('the warehouse page Stock levels and Shipping services cards', () => {
  it('offers several SKU lines, an account, the pushed levels and the service codes', async () => {
    const state = new WarehouseState({ now: () => NOW });
    const control = createWarehouseControl(state);
    const app = createWarehouseApp(state, control);
    let html = (await request(app).get('/')).text;
    for (const id of ['stock-account', 'stock-lines', 'stock-sku-1', 'stock-qty-1', 'stock-sku-2', 'add-stock-line', 'push-stock', 'stock-skus', 'stock-levels', 'services']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain(`<option value="${DEMO_ACCOUNT.accountId}">`);
    expect(html).toContain('No stock levels set yet.');
    expect(html).toContain('<option value="SBX-TEE-BLK-L"></option>');
    expect(html).toMatch(/<td><code>GROUND<\/code><\/td><td>[^<]+<\/td><td>Flat Rate<\/td>/);
    expect(html).toMatch(/<td><code>EXPRESS<\/code><\/td><td>[^<]+<\/td><td>Express<\/td>/);

    await control.setInventory(DEMO_ACCOUNT.accountId, [{ sku: 'SBX-MUG-01', available: 35 }], { push: false });
    html = (await request(app).get('/')).text;
    expect(html).toContain(`<tr><td>${DEMO_ACCOUNT.accountId}</td><td><code>SBX-MUG-01</code></td><td>35</td><td></td><td>2024-05-02 14:03:00 UTC</td></tr>`);
    // The button sends the lines to the HTTP control above.
    expect(WAREHOUSE_SCRIPT).toContain("api('PUT', '/accounts/' + encodeURIComponent(account) + '/inventory', { items: items })");
    expect(() => new Function(WAREHOUSE_SCRIPT)).not.toThrow();
  });
});
