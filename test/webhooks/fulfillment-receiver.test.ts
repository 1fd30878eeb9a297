import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signFulfillmentEvent } from '../../server/fulfillment/index.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

let t: Awaited<ReturnType<typeof bareApp>>;
const KEY = 'whk_test_key_123';
beforeEach(async () => {
  t = await bareApp();
  await t.install();
  await t.app.services.settings.saveBackend(STORE, { accountId: 'acc-1', apiKey: KEY, accountName: 'WH', connected: true, error: null }, Date.now());
});
afterEach(() => t.close());

const shipmentData = (over: Record<string, unknown> = {}) => ({
  order_id: 'ord_1',
  external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 100 },
  shipment_id: 'shp_1',
  tracking_number: '1Z999AA10123456784',
  carrier: 'UPS',
  service: 'Ground',
  items: [{ sku: 'MUG-01', quantity: 1 }],
  ...over,
});
const event = (id = 'evt_1', data: unknown = shipmentData()) => JSON.stringify({ id, type: 'shipment.created', created_at: new Date().toISOString(), data });
const post = (body: string, headers: Record<string, string>) => t.http.post('/webhooks/fulfillment').set('content-type', 'application/json').set(headers).send(body);
const sig = (body: string, key = KEY, at = Math.floor(Date.now() / 1000)) => signFulfillmentEvent(body, key, at);
const stored = async () => t.db('webhook_events').where({ source: 'fulfillment' });

describe('POST /webhooks/fulfillment', () => {
  it('verifies, stores once and acknowledges', async () => {
    const body = event();
    const first = await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) });
    expect(first.status).toBe(200);
    const again = await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) });
    expect(again.status).toBe(200);
    const rows = await stored();
    expect(rows.map((r) => [r.event_id, r.topic, r.resource_id, r.status])).toEqual([
      ['evt_1', 'shipment.created', '100', 'received'],
      ['evt_1', 'shipment.created', '100', 'duplicate'],
    ]);
  });

  const bad: Array<[string, (b: string) => Record<string, string>]> = [
    ['a wrong key', (b) => ({ 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(b, 'other-key') })],
    ['a stale timestamp (replay)', (b) => ({ 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(b, KEY, Math.floor(Date.now() / 1000) - 3600) })],
    ['an unknown account', (b) => ({ 'Fulfillment-Account': 'acc-zzz', 'Fulfillment-Signature': sig(b) })],
    ['no signature', () => ({ 'Fulfillment-Account': 'acc-1' })],
    ['a malformed signature', () => ({ 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': 'garbage' })],
  ];
  for (const [name, headers] of bad) {
    it(`rejects ${name} with 401 and stores nothing`, async () => {
      const body = event();
      expect((await post(body, headers(body))).status).toBe(401);
      expect(await stored()).toEqual([]);
    });
  }

  it('rejects a tampered body', async () => {
    const body = event();
    const res = await post(body.replace('ord_1', 'ord_2'), { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) });
    expect(res.status).toBe(401);
  });

  // The app's own limits (docs/fulfillment-api.openapi.yaml): over them is a 400 naming the
  // field, never a 200 followed by silently dropping the event.
  const overLimit: Array<[string, Record<string, unknown>, string[]]> = [
    ['a carrier over 100 characters', { carrier: 'C'.repeat(101) }, ['data.carrier']],
    ['a tracking URL over 2,000 characters', { tracking_url: `https://t.example.com/${'x'.repeat(2000)}` }, ['data.tracking_url']],
    ['a tracking number over 255 characters', { tracking_number: '1'.repeat(256) }, ['data.tracking_number']],
    ['both a long carrier and a long tracking URL', { carrier: 'C'.repeat(101), tracking_url: 'u'.repeat(2001) }, ['data.carrier', 'data.tracking_url']],
  ];
  for (const [name, over, fields] of overLimit) {
    it(`answers 400 naming the field for ${name}, and stores nothing`, async () => {
      const body = event('evt_long', shipmentData(over));
      const res = await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields).sort()).toEqual(fields);
      for (const field of fields) expect(res.body.error.message).toContain(field);
      expect(await stored()).toEqual([]);
    });
  }

  it('accepts values exactly at the limits', async () => {
    const body = event('evt_edge', shipmentData({ carrier: 'C'.repeat(100), tracking_url: 'u'.repeat(2000), tracking_number: '1'.repeat(255) }));
    expect((await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) })).status).toBe(200);
    expect((await stored()).map((r) => r.status)).toEqual(['received']);
  });

  it('rejects signed garbage with 400', async () => {
    const body = '{"not":"an event"}';
    expect((await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) })).status).toBe(400);
  });
});
