// The warehouse control page and its JSON endpoints: the page lists received orders with their
// actions and the fault switches, escapes what it shows, and the endpoints refuse non-JSON writes.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWarehouseApp, createWarehouseControl, WarehouseState } from '../../sandbox/warehouse/index.js';
import { WAREHOUSE_SCRIPT } from '../../sandbox/warehouse/script.js';
import { DEMO_ACCOUNT, sampleOrder } from '../fulfillment/fixtures.js';

const NOW = Date.parse('2024-05-02T14:03:00Z');

function setup() {
  const state = new WarehouseState({ now: () => NOW });
  const control = createWarehouseControl(state);
  return { control, app: createWarehouseApp(state, control) };
}

const post = (app: ReturnType<typeof setup>['app'], key: string, body: unknown) =>
  request(app)
    .post('/v1/orders')
    .set('Authorization', `Bearer ${DEMO_ACCOUNT.apiKey}`)
    .set('Idempotency-Key', key)
    .send(body as object);

describe('sandbox warehouse control page', () => {
  it('renders accounts, fault switches and an empty order list', async () => {
    const { app } = setup();
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const id of ['accounts', 'webhook-url', 'save-webhook', 'fault-kind', 'fault-count', 'set-fault', 'clear-faults', 'faults', 'orders', 'events', 'status', 'refresh']) {
      expect(res.text).toContain(`id="${id}"`);
    }
    for (const kind of ['server_error', 'timeout', 'slow', 'reject', 'disconnect']) expect(res.text).toContain(`<option value="${kind}">`);
    expect(res.text).toContain('<code class="key">whk_sandbox_demo_key</code>');
    expect(res.text).toContain('No orders yet.');
  });

  it('lists received orders with reference, lines, status, time and per-order actions', async () => {
    const { app, control } = setup();
    const a = (await post(app, 'k1', sampleOrder(101))).body.id as string;
    const b = (await post(app, 'k2', sampleOrder(102))).body.id as string;
    await control.ship(b);
    control.setFaults({ kind: 'server_error', count: 3, path: '/v1/orders' });

    const html = (await request(app).get('/')).text;
    expect(html).toContain('Received orders (2)');
    const row = (id: string) => html.slice(html.indexOf(`<tr data-order-id="${id}">`), html.indexOf('</tr>', html.indexOf(`<tr data-order-id="${id}">`)));
    expect(row(a)).toContain('abc123 #101');
    expect(row(a)).toContain('2 × <code>TSHIRT-RED-M</code> T-shirt (Red, M)');
    expect(row(a)).toContain('UPS_GROUND, DHL_EXPRESS');
    expect(row(a)).toContain('<span class="badge received">received</span>');
    expect(row(a)).toContain('2024-05-02 14:03:00 UTC');
    expect(row(a)).toContain(`data-action="ship" data-id="${a}">Ship</button>`);
    expect(row(a)).toContain(`data-action="cancel" data-id="${a}">Cancel</button>`);
    expect(row(b)).toContain('<span class="badge shipped">shipped</span>');
    expect(row(b)).toContain(`data-action="ship" data-id="${b}" disabled>Ship</button>`);
    // Newest first.
    expect(html.indexOf(`data-order-id="${b}"`)).toBeLessThan(html.indexOf(`data-order-id="${a}"`));
    expect(html).toContain('server_error on /v1/orders ×3');
    expect(html).toMatch(/shipment\.created<\/td><td>wh-demo<\/td><td>no app webhook URL is set/);
  });

  it('escapes order content', async () => {
    const { app } = setup();
    const order = sampleOrder();
    order.shipments[0]!.lines[0]!.name = '<img src=x onerror=alert(1)>';
    order.shipments[0]!.lines[0]!.sku = '"><script>alert(2)</script>';
    expect((await post(app, 'k1', order)).status).toBe(201);
    const html = (await request(app).get('/')).text;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('ships an inline script that parses', () => {
    expect(() => new Function(WAREHOUSE_SCRIPT)).not.toThrow();
  });
});

describe('sandbox warehouse JSON endpoints', () => {
  it('refuses mutating requests that are not JSON (cross-site forms cannot drive them)', async () => {
    const { app, control } = setup();
    const id = (await post(app, 'k1', sampleOrder())).body.id as string;
    const form = await request(app).post(`/sandbox/orders/${id}/ship`).type('form').send('x=1');
    expect(form.status).toBe(415);
    expect(control.order(id).status).toBe('received');
    expect((await request(app).delete('/sandbox/faults')).status).toBe(415);
    expect((await request(app).get('/sandbox/state')).status).toBe(200);
  });

  it('creates accounts, sets the webhook URL and exposes the request log', async () => {
    const { app, control } = setup();
    const created = await request(app).post('/sandbox/accounts').send({ id: 'wh-json', name: 'JSON Co' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'wh-json', name: 'JSON Co', apiKey: expect.stringMatching(/^whk_/) });
    expect((await request(app).post('/sandbox/accounts').send({ id: 'wh-json' })).status).toBe(409);

    const url = 'http://127.0.0.1:3000/webhooks/fulfillment';
    expect((await request(app).put('/sandbox/app-webhook-url').send({ url })).body).toEqual({ appWebhookUrl: url });
    expect(control.state.appWebhookUrl).toBe(url);
    expect((await request(app).put('/sandbox/app-webhook-url').send({ url: 'not a url' })).status).toBe(400);

    await post(app, 'k1', sampleOrder());
    const log = await request(app).get('/sandbox/requests');
    expect(log.body).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/orders', idempotencyKey: 'k1', status: 201, outcome: 'created' })]);
    expect(JSON.stringify(log.body)).not.toContain(DEMO_ACCOUNT.apiKey);
    expect((await request(app).delete('/sandbox/requests').set('Content-Type', 'application/json')).status).toBe(204);
    expect(control.requests).toHaveLength(0);

    const orders = await request(app).get('/sandbox/orders?accountId=wh-json');
    expect(orders.body).toEqual([]);
  });
});
