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

const event = (id = 'evt_1') =>
  JSON.stringify({ id, type: 'shipment.created', created_at: new Date().toISOString(), data: { order_id: 'ord_1', external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 100 }, items: [] } });
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

  it('rejects signed garbage with 400', async () => {
    const body = '{"not":"an event"}';
    expect((await post(body, { 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': sig(body) })).status).toBe(400);
  });
});
