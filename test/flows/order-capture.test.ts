// Issue 8 point 5 (the flow side): what the order page shows is captured from the reads the flows
// make anyway, in the same upsert (no extra statement, no extra BigCommerce call): e-mail, line
// items, ship-to, the SKU search words, the status as last seen; and timeline lines name statuses
// by the store's labels.
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordShipped } from '../../server/flows/fulfillment/fully-shipped.js';
import { setStatusAfterAccept } from '../../server/flows/order-import/status-after-accept.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf, line } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(Date.now());
let b: Awaited<ReturnType<typeof connectedFakeApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
const s = () => b.app.services;
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, JOB.orderSync, { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const timeline = async (orderId: number) => (await s().syncLog.timeline(STORE, orderId)).map((e) => e.message);

/** INSERT/UPDATE statements on `orders` while `fn` runs. */
async function orderWrites(db: Knex, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listen = (q: { sql: string }) => {
    if (/^\s*(insert\s+into|update)\s+[`"]?orders[`"]?\s/i.test(q.sql)) seen.push(q.sql);
  };
  db.on('query', listen);
  try {
    await fn();
  } finally {
    db.off('query', listen);
  }
  return seen;
}

/** Two consignments: the second has a mapped SKU and an unmapped one. */
function twoAddressOrder(id: number, statusId = 11) {
  const o = bcOrder(id, statusId);
  o.consignments!.shipping.push({
    ...o.consignments!.shipping[0]!,
    id: 8,
    first_name: 'Sam',
    last_name: 'Ng',
    company: 'Ng & Co',
    street_1: '9 Side St',
    street_2: 'Unit 4',
    city: 'Dallas',
    state: 'TX',
    zip: '75201',
    country: 'United States',
    email: 'sam@example.com',
    line_items: [line(2, 'LAMP-RED', 1), line(3, 'Mug ', 3)],
  });
  return o;
}

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  b = await connectedFakeApp(clock, { bigcommerce: () => store.client, fulfillment: () => wh.client });
  await s().mappings.createSku(STORE, { bcSku: 'LAMP-RED', backendSku: 'WH-LAMP-R' }, clock.now());
});
afterEach(async () => b.close());

describe('capture from the import read', () => {
  it('keeps the e-mail, lines (BigCommerce and warehouse SKU), ship-to per consignment, SKU search words and when the status was seen', async () => {
    store.orders.set(120, twoAddressOrder(120));
    clock.advance(1_000);
    await sync(120);
    const r = await row(120);
    expect(r).toMatchObject({ state: 'sent', email: 'ada@example.com', bcStatusId: 11, bcStatus: 'Awaiting Fulfillment', bcStatusSeenAt: clock.now() });
    expect(r.details?.lines).toEqual([
      { id: 1, name: 'Item 1', bcSku: 'A-1', warehouseSku: 'A-1', quantity: 2, quantityShipped: 0 },
      { id: 2, name: 'Item 2', bcSku: 'LAMP-RED', warehouseSku: 'WH-LAMP-R', quantity: 1, quantityShipped: 0 },
      { id: 3, name: 'Item 3', bcSku: 'Mug', warehouseSku: 'Mug', quantity: 3, quantityShipped: 0 },
    ]);
    expect(r.details?.shipTo).toEqual([
      {
        consignmentId: 7,
        name: 'Ada Lovelace',
        company: null,
        lines: ['1 Main St', 'Austin, 78701', 'US'],
        email: null,
        phone: null,
        shippingMethod: 'Flat Rate',
        mappedMethod: 'GROUND',
        lineIds: [1],
      },
      {
        consignmentId: 8,
        name: 'Sam Ng',
        company: 'Ng & Co',
        lines: ['9 Side St', 'Unit 4', 'Dallas, TX 75201', 'United States'],
        email: 'sam@example.com',
        phone: null,
        shippingMethod: 'Flat Rate',
        mappedMethod: 'GROUND',
        lineIds: [2, 3],
      },
    ]);
    const search = await b.db('orders').where({ store_hash: STORE, order_id: 120 }).first('sku_search');
    expect(search.sku_search.split(' ').sort()).toEqual(['a-1', 'lamp-red', 'mug', 'wh-lamp-r']);
  });

  it('writes them with the upsert it made anyway: no statement added per order', async () => {
    store.orders.set(121, twoAddressOrder(121));
    // Sent: the upsert, the frozen body before the POST, the warehouse id after it.
    expect(await orderWrites(b.db, () => sync(121))).toHaveLength(3);
    store.orders.set(122, twoAddressOrder(122, 1));
    // Outside the import status: the upsert alone.
    expect(await orderWrites(b.db, () => sync(122))).toHaveLength(1);
    expect((await row(122)).details?.lines.map((l) => l.warehouseSku)).toEqual([null, null, null]); // not built
    expect(store.calls.filter((c) => c.method === 'GET')).toHaveLength(2); // one read per order
  });

  it('warehouse SKUs of a frozen body are those sent, even after a mapping changed', async () => {
    store.orders.set(123, twoAddressOrder(123));
    wh.plan.push('lost');
    await expect(sync(123)).rejects.toThrow();
    await b.db('sku_mappings').where({ store_hash: STORE, bc_sku: 'LAMP-RED' }).update({ backend_sku: 'CHANGED' });
    await sync(123);
    expect((await row(123)).details?.lines.find((l) => l.id === 2)?.warehouseSku).toBe('WH-LAMP-R');
  });
});

describe('the status as last seen, by its label', () => {
  it('a sent order records the status its statusUpdated event names, with the store’s label, without reading BigCommerce', async () => {
    await s().orderStatuses.replaceAll(STORE, [{ id: 2, name: 'Shipped', label: 'On its way' }], clock.now());
    store.orders.set(124, bcOrder(124, 11));
    await sync(124);
    const reads = store.calls.length;
    const payload = JSON.stringify({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 124, status: { previous_status_id: 11, new_status_id: 2 } } });
    const arrived = clock.now();
    await s().webhookEvents.record({ storeHash: STORE, source: 'bigcommerce', eventId: 'e-124', topic: 'store/order/statusUpdated', resourceId: '124', payload }, arrived, b.db);
    clock.advance(5_000);
    await sync(124);
    expect(store.calls).toHaveLength(reads);
    // Seen as of the event's arrival: an event that arrived later still counts.
    expect(await row(124)).toMatchObject({ bcStatusId: 2, bcStatus: 'On its way', bcStatusSeenAt: arrived });
  });

  it('an event stored after a job started, stamped before it, is still heard: that job settled it unseen, the next one records it', async () => {
    store.orders.set(127, bcOrder(127, 11));
    await sync(127);
    clock.advance(1_000);
    const stampedAt = clock.now(); // the group commit stamps the event on arrival...
    const ev = (id: string, to: number) =>
      JSON.stringify({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 127, status: { previous_status_id: 11, new_status_id: to } } });
    await s().webhookEvents.record(
      { storeHash: STORE, source: 'bigcommerce', eventId: 'e-127a', topic: 'store/order/statusUpdated', resourceId: '127', payload: ev('a', 3) },
      stampedAt,
      b.db,
    );
    clock.advance(1_000);
    // ...a job starts and reads the open events (3), then the second event is stored with the earlier stamp...
    await s().webhookEvents.record(
      { storeHash: STORE, source: 'bigcommerce', eventId: 'e-127b', topic: 'store/order/statusUpdated', resourceId: '127', payload: ev('b', 2) },
      stampedAt + 1,
      b.db,
    );
    // ...and the job settles everything received up to its start, the unseen event included.
    await s().webhookEvents.settleForResource(STORE, 'bigcommerce', '127', 'processed', null, clock.now(), clock.now());
    await s().orders.recordStatus(STORE, 127, 3, 'Partially Shipped', clock.now(), stampedAt);
    clock.advance(1_000);
    await sync(127); // the second event's own job
    expect(await row(127)).toMatchObject({ bcStatusId: 2, bcStatusSeenAt: stampedAt + 1 });
  });

  it('an event older than the last read (a replayed one) does not overwrite the status seen since', async () => {
    await s().orderStatuses.replaceAll(STORE, [{ id: 2, name: 'Shipped', label: 'On its way' }], clock.now());
    const payload = JSON.stringify({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 125, status: { previous_status_id: 2, new_status_id: 11 } } });
    await s().webhookEvents.record(
      { storeHash: STORE, source: 'bigcommerce', eventId: 'e-125', topic: 'store/order/statusUpdated', resourceId: '125', payload },
      clock.now(),
      b.db,
    );
    clock.advance(5_000);
    store.orders.set(125, bcOrder(125, 11));
    await sync(125); // sent, and its status read now: the event above is older
    await s().orders.recordStatus(STORE, 125, 2, 'On its way', clock.now());
    await b.db('webhook_events').where({ event_id: 'e-125' }).update({ status: 'received' }); // what a replay does
    clock.advance(5_000);
    await sync(125);
    expect(await row(125)).toMatchObject({ bcStatusId: 2, bcStatus: 'On its way' });
  });

  it('the status after acceptance is named by the store’s label in the timeline, and kept on the order', async () => {
    await s().orderStatuses.replaceAll(STORE, [{ id: 9, name: 'Awaiting Shipment', label: 'Ready to pack' }], clock.now());
    store.orders.set(125, bcOrder(125, 11));
    await sync(125);
    await setStatusAfterAccept(s(), jobOf(STORE, JOB.orderSetStatus, { orderId: 125, statusId: 9, ifStatusId: 11 }));
    expect(await timeline(125)).toContain('Status set to "Ready to pack" in BigCommerce.');
    expect(await row(125)).toMatchObject({ bcStatusId: 9, bcStatus: 'Ready to pack' });
    expect((await timeline(125)).join('\n')).not.toMatch(/#9/);
  });

  it('a partial shipment makes the order "partially_shipped" and keeps the shipped quantities, not claiming a status it did not see', async () => {
    store.orders.set(126, twoAddressOrder(126));
    await sync(126);
    const before = await row(126);
    const after = twoAddressOrder(126, 3);
    after.consignments!.shipping[0]!.line_items[0]!.quantity_shipped = 2;
    await recordShipped(s(), STORE, 126, after);
    const r = await row(126);
    expect(r).toMatchObject({ state: 'partially_shipped', bcStatusId: before.bcStatusId, bcStatus: before.bcStatus });
    expect(r.details?.lines.map((l) => l.quantityShipped)).toEqual([2, 0, 0]);
    // The shipment flow's snapshot keeps what BigCommerce had at import, not the app's own shipments.
    expect(r.details?.consignments).toEqual(before.details?.consignments);

    for (const c of after.consignments!.shipping) for (const l of c.line_items) l.quantity_shipped = l.quantity;
    await recordShipped(s(), STORE, 126, after);
    expect(await row(126)).toMatchObject({ state: 'shipped' });
  });
});
