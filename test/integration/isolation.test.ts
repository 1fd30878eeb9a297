import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareApp, OWNER } from '../helpers/bare-app.js';
import { bootDataOf } from '../helpers/harness.js';

// Two installed stores in one app. Store A's session must never see or change store B's data.
let t: Awaited<ReturnType<typeof bareApp>>;
let tokenA = '';
let orderB = 0;
let eventB = 0;
let mappingB = 0;
const B = 'bbb222';
const OWNER_B = { id: 22, email: 'b@example.com' };

beforeAll(async () => {
  t = await bareApp();
  await t.install();
  const s = t.app.services;
  const now = Date.now();
  await s.lifecycle.install({ access_token: 'tok-b', scope: '', context: `stores/${B}`, account_uuid: 'acc', user: OWNER_B, owner: OWNER_B }, now);
  orderB = (
    await s.orders.upsertSeen(B, 5001, { bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', customer: 'Bea', orderDate: now, shippingMethod: 'B-Ship' }, 'needs_attention', now)
  ).orderId;
  await s.syncLog.append({ storeHash: B, orderId: orderB, flow: 'orders', message: 'secret timeline of B' }, now);
  eventB = (
    await t.db.transaction((trx) =>
      s.webhookEvents.record({ storeHash: B, source: 'bigcommerce', eventId: 'hash-b', topic: 'store/order/created', resourceId: '5001', payload: '{}' }, now, trx),
    )
  ).id;
  mappingB = (await s.mappings.createSku(B, { bcSku: 'B-SKU', backendSku: 'B-WH' }, now)).id;
  await s.settings.saveImport(B, { importStatusId: 9, statusAfterAcceptId: null }, now);
  const page = await t.http.get('/load').query({ signed_payload_jwt: t.sign({ user: { id: OWNER.id, email: OWNER.email } }) });
  tokenA = (await t.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token;
});
afterAll(() => t.close());

const asA = (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
  const r = t.http[method](path).set('Authorization', `Bearer ${tokenA}`);
  return body ? r.send(body) : r;
};

describe("one store's session never reaches another store's data", () => {
  it('orders: not listed, not readable, not retryable', async () => {
    expect((await asA('get', '/api/orders')).body.items).toEqual([]);
    expect((await asA('get', `/api/orders?search=${orderB}`)).body.total).toBe(0);
    expect((await asA('get', `/api/orders/${orderB}`)).status).toBe(404);
    expect((await asA('post', `/api/orders/${orderB}/retry`)).status).toBe(404);
    expect(await t.db('jobs').where({ store_hash: B })).toEqual([]);
  });

  it('webhook events and the activity log stay with their store', async () => {
    expect((await asA('get', '/api/webhook-events')).body.total).toBe(0);
    expect((await asA('get', `/api/webhook-events/${eventB}`)).status).toBe(404);
    expect((await asA('get', '/api/webhook-events/topics')).body.topics).toEqual([]);
    const activity = await asA('get', `/api/activity?orderId=${orderB}`);
    expect(activity.body.items).toEqual([]);
  });

  it('settings and mappings: reads show A only, writes change A only', async () => {
    expect((await asA('get', '/api/settings')).body.importStatusId).toBe(11);
    await asA('put', '/api/settings/import', { importStatusId: 10, statusAfterAcceptId: null });
    expect((await t.app.services.settings.get(B, Date.now())).importStatusId).toBe(9);
    expect((await asA('get', '/api/sku-mappings')).body.total).toBe(0);
    expect((await asA('put', `/api/sku-mappings/${mappingB}`, { bcSku: 'X', backendSku: 'Y' })).status).toBe(404);
    expect((await asA('delete', `/api/sku-mappings/${mappingB}`)).status).toBe(404);
    expect(await t.app.services.mappings.getSku(B, mappingB)).toMatchObject({ id: mappingB, bcSku: 'B-SKU', backendSku: 'B-WH', components: [{ sku: 'B-WH', quantity: 1 }] });
    expect((await asA('get', '/api/shipping-mappings')).body.items).toEqual([]);
  });

  it('a token of store A cannot be pointed at store B', async () => {
    // There is no store parameter to tamper with; the store comes from the signed token only.
    const res = await asA('get', `/api/orders/${orderB}?store=${B}`);
    expect(res.status).toBe(404);
  });
});
