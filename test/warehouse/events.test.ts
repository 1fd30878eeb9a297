// Events the sandbox warehouse pushes to a fake app: signed per account (verified with the app's
// verifyFulfillmentSignature), shaped as the app's schemas expect, and reported with the app's
// answer. Also the optional catch-up feeds that mirror them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFulfillmentEvent, verifyFulfillmentSignature, type FulfillmentEvent } from '../../server/fulfillment/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { DEMO_ACCOUNT, sampleOrder } from '../fulfillment/fixtures.js';
import { deadUrl, sandbox, startReceiver, v1, type ReceivedEvent, type Receiver } from './helpers.js';

const NOW = Date.parse('2024-05-02T14:03:00Z');
const ref = { source: 'bigcommerce', store_hash: 'abc123', order_id: 101 };

/** Verifies the signature against `apiKey` and parses the event with the app's schema. */
function open(received: ReceivedEvent, apiKey: string): FulfillmentEvent {
  expect(received.contentType).toBe('application/json');
  const check = verifyFulfillmentSignature({ rawBody: received.rawBody, header: received.signature, apiKey, nowSeconds: NOW / 1000 });
  expect(check).toEqual({ ok: true });
  const parsed = parseFulfillmentEvent(JSON.parse(received.rawBody.toString('utf8')));
  if (parsed.kind !== 'event') throw new Error(`not a valid event: ${JSON.stringify(parsed)}`);
  return parsed.event;
}

describe('sandbox warehouse events', () => {
  let app: Receiver;
  let wh: SandboxWarehouse;
  let orderId: string;
  beforeEach(async () => {
    app = await startReceiver();
    wh = await startSandboxWarehouse({ appWebhookUrl: app.url, now: () => NOW });
    orderId = (await v1(wh, 'POST', '/orders', { idempotencyKey: 'bigcommerce:abc123:101', body: sampleOrder() })).json.id;
  });
  afterEach(async () => {
    await wh.close();
    await app.close();
  });

  it('ship() sends a signed shipment.created with every line', async () => {
    const { shipment, delivery } = await wh.control.ship(orderId, { trackingNumber: '1Z999', carrier: 'ups', trackingUrl: 'https://t.example/1Z999' });
    expect(delivery).toMatchObject({ status: 200, delivered: true, type: 'shipment.created', accountId: 'wh-demo' });
    expect(app.events).toHaveLength(1);
    expect(app.events[0]!.account).toBe('wh-demo');
    const event = open(app.events[0]!, DEMO_ACCOUNT.apiKey);
    expect(event).toEqual({
      id: delivery.eventId,
      type: 'shipment.created',
      created_at: '2024-05-02T14:03:00.000Z',
      data: {
        order_id: orderId,
        external_ref: ref,
        shipment_id: shipment.id,
        tracking_number: '1Z999',
        carrier: 'ups',
        service: 'UPS_GROUND',
        tracking_url: 'https://t.example/1Z999',
        items: [
          { sku: 'TSHIRT-RED-M', quantity: 2, order_line_id: 501 },
          { sku: 'MUG-01', quantity: 1, order_line_id: 502 },
          { sku: 'GIFTCARD-PRINTED', quantity: 1, order_line_id: 503 },
        ],
      },
    });
    expect(wh.control.order(orderId).status).toBe('shipped');
  });

  it('cancel() and reject() send order.cancelled and order.rejected with the reason', async () => {
    const second = (await v1(wh, 'POST', '/orders', { idempotencyKey: 'bigcommerce:abc123:102', body: sampleOrder(102) })).json.id;
    await wh.control.cancel(orderId, 'Customer called the warehouse');
    await wh.control.reject(second, 'Unknown SKU MUG-01');
    const [cancelled, rejected] = app.events.map((e) => open(e, DEMO_ACCOUNT.apiKey));
    expect(cancelled).toMatchObject({ type: 'order.cancelled', data: { order_id: orderId, external_ref: ref, reason: 'Customer called the warehouse' } });
    expect(rejected).toMatchObject({ type: 'order.rejected', data: { order_id: second, external_ref: { ...ref, order_id: 102 }, reason: 'Unknown SKU MUG-01' } });
    expect(wh.control.order(second)).toMatchObject({ status: 'rejected', reason: 'Unknown SKU MUG-01' });
    await expect(wh.control.reject(orderId, 'late')).rejects.toThrow(/is cancelled/);
    await expect(wh.control.reject(second, ' ')).rejects.toThrow(/reason/);
  });

  it("signs with the key of the order's account, not another one", async () => {
    const other = wh.control.createAccount({ id: 'wh-two' });
    const theirs = (await v1(wh, 'POST', '/orders', { idempotencyKey: 'bigcommerce:zzz9:5', body: sampleOrder(5, 'zzz9'), apiKey: other.apiKey })).json.id;
    await wh.control.ship(theirs);
    const received = app.events[0]!;
    expect(received.account).toBe('wh-two');
    open(received, other.apiKey);
    const withDemoKey = verifyFulfillmentSignature({ rawBody: received.rawBody, header: received.signature, apiKey: DEMO_ACCOUNT.apiKey, nowSeconds: NOW / 1000 });
    expect(withDemoKey).toEqual({ ok: false, reason: 'mismatch' });
  });

  it("pushEvent() reports the app's status; redeliver() resends the same event", async () => {
    app.status = 503;
    const failed = await wh.control.pushEvent('wh-demo', 'inventory.updated', { items: [{ sku: 'MUG-01', available: 7 }] });
    expect(failed).toMatchObject({ status: 503, delivered: false });
    app.status = 200;
    const again = await wh.control.redeliver(failed.eventId);
    expect(again).toMatchObject({ status: 200, delivered: true, eventId: failed.eventId });
    expect(app.events[1]!.rawBody.equals(app.events[0]!.rawBody)).toBe(true);
    expect(wh.control.events.find((e) => e.id === failed.eventId)!.deliveries.map((d) => d.status)).toEqual([503, 200]);
    await expect(wh.control.pushEvent('wh-nobody', 'order.cancelled', {})).rejects.toThrow(/no account/);
  });

  it('reports status 0 when no webhook URL is set or the app is unreachable', async () => {
    wh.control.setAppWebhookUrl(null);
    const none = await wh.control.ship(orderId);
    expect(none.delivery).toMatchObject({ status: 0, delivered: false, error: 'no app webhook URL is set' });
    wh.control.setAppWebhookUrl(await deadUrl());
    const dead = await wh.control.redeliver(none.delivery.eventId);
    expect(dead).toMatchObject({ status: 0, delivered: false, error: expect.stringMatching(/^app unreachable/) });
    expect(() => wh.control.setAppWebhookUrl('javascript:alert(1)')).toThrow(/http/);
    expect(app.events).toHaveLength(0);
  });

  it('setInventory() sends inventory.updated and feeds GET /v1/inventory', async () => {
    const delivery = await wh.control.setInventory('wh-demo', [
      { sku: 'MUG-01', available: 4 },
      { sku: 'TSHIRT-RED-M', available: 0, location: 'AUS' },
    ]);
    expect(delivery?.status).toBe(200);
    expect(open(app.events[0]!, DEMO_ACCOUNT.apiKey).data).toEqual({
      items: [
        { sku: 'MUG-01', available: 4 },
        { sku: 'TSHIRT-RED-M', available: 0, location: 'AUS' },
      ],
    });

    const first = await v1(wh, 'GET', '/inventory?limit=1');
    expect(first.json).toMatchObject({ data: [{ sku: 'MUG-01', available: 4, location: null }], has_more: true });
    const rest = await v1(wh, 'GET', `/inventory?since=${first.json.next_cursor}`);
    expect(rest.json).toMatchObject({ data: [{ sku: 'TSHIRT-RED-M', available: 0, location: 'AUS' }], has_more: false });
    await wh.control.setInventory('wh-demo', [{ sku: 'MUG-01', available: 9 }], { push: false });
    expect(app.events).toHaveLength(1);
    const changed = await v1(wh, 'GET', `/inventory?since=${rest.json.next_cursor}`);
    expect(changed.json.data).toEqual([{ sku: 'MUG-01', available: 9, location: null, updated_at: '2024-05-02T14:03:00.000Z' }]);
    const nothing = await v1(wh, 'GET', `/inventory?since=${changed.json.next_cursor}`);
    expect(nothing.json).toEqual({ data: [], next_cursor: changed.json.next_cursor, has_more: false });
    expect((await v1(wh, 'GET', '/inventory?since=bogus')).json.error.code).toBe('invalid_cursor');
  });

  it('lists shipments in GET /v1/shipments for the account only', async () => {
    const { shipment } = await wh.control.ship(orderId);
    const page = await v1(wh, 'GET', '/shipments');
    expect(page.json.data).toEqual([expect.objectContaining({ shipment_id: shipment.id, order_id: orderId, external_ref: ref, carrier: 'sandbox' })]);
    const other = wh.control.createAccount({ id: 'wh-two' });
    expect((await v1(wh, 'GET', '/shipments', { apiKey: other.apiKey })).json.data).toEqual([]);
    expect((await v1(wh, 'GET', `/shipments?since=${page.json.next_cursor}`)).json.data).toEqual([]);
    expect((await v1(wh, 'GET', '/shipments?limit=500')).status).toBe(400);
  });

  it('ships, cancels and rejects through the /sandbox endpoints the page uses', async () => {
    const shipped = await sandbox(wh, 'POST', `/orders/${orderId}/ship`, { trackingNumber: 'T1' });
    expect(shipped.status).toBe(200);
    expect(shipped.json).toMatchObject({ order: { status: 'shipped' }, shipment: { trackingNumber: 'T1' }, delivery: { status: 200 } });
    expect((await sandbox(wh, 'POST', `/orders/${orderId}/cancel`, {})).status).toBe(409);
    expect((await sandbox(wh, 'POST', '/orders/ord_missing/reject', { reason: 'x' })).status).toBe(404);
    const pushed = await sandbox(wh, 'POST', '/events', { accountId: 'wh-demo', type: 'order.rejected', data: { order_id: orderId, external_ref: ref } });
    expect(pushed.json).toMatchObject({ status: 200, type: 'order.rejected' });
    expect(app.events).toHaveLength(2);
  });
});
