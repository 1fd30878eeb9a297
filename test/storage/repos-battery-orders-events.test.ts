// Storage battery (issue 10 point 2): orders, the activity log and webhook events, on SQLite and
// on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { LIST_CAP } from '../../server/storage/capped-list.js';
import { OrdersRepo, type OrderSeen } from '../../server/storage/orders-repo.js';
import { SyncLogRepo } from '../../server/storage/sync-log-repo.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { seedStores, useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();
const seen = (over: Partial<OrderSeen> = {}): OrderSeen => ({
  bcStatusId: 11,
  bcStatus: 'Awaiting Fulfillment',
  customer: 'Ann',
  orderDate: 5_000,
  shippingMethod: 'Flat Rate',
  ...over,
});

describe('OrdersRepo', () => {
  it('upserts what was seen (ON CONFLICT … MERGE keeps the state), then moves through retrying, queued and sent', async () => {
    await seedStores(db(), 's1');
    const orders = new OrdersRepo(db());
    const first = await orders.upsertSeen('s1', 1, seen({ email: 'ann@example.com' }), 'waiting', 10);
    expect(first).toMatchObject({
      orderId: 1,
      state: 'waiting',
      bcStatusId: 11,
      orderDate: 5_000,
      email: 'ann@example.com',
      attempts: 0,
      nextAttemptAt: null,
      sendStartedAt: null,
    });
    const again = await orders.upsertSeen('s1', 1, seen({ bcStatusId: 9, customer: 'Ann B' }), 'queued', 20);
    expect(again).toMatchObject({ state: 'waiting', bcStatusId: 9, customer: 'Ann B', email: 'ann@example.com', updatedAt: 20 });

    await orders.setState('s1', 1, { state: 'queued' }, 21);
    expect(await orders.markRetrying('s1', 1, { attempts: 2, nextAttemptAt: 99, lastError: 'HTTP 503' }, 22)).toBe(true);
    await orders.moveNextAttempt('s1', 1, 120, 23);
    expect(await orders.get('s1', 1)).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: 120, lastError: 'HTTP 503' });
    await orders.freezeSendBody('s1', 1, { lines: [1] }, 24);
    await orders.freezeSendBody('s1', 1, { lines: [2] }, 25);
    // Frozen once: a resend sends the first body unchanged.
    expect(await orders.get('s1', 1)).toMatchObject({ sendStartedAt: 24, sendBody: { lines: [1] } });

    await orders.setState('s1', 1, { state: 'failed', lastError: 'HTTP 503' }, 29);
    expect(await orders.markQueued('s1', [1, 2], 30)).toEqual([1]);
    expect(await orders.get('s1', 1)).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null });
    await orders.markSent('s1', 1, 'WH-1', { id: 'WH-1' }, 40);
    expect(await orders.get('s1', 1)).toMatchObject({ state: 'sent', backendOrderId: 'WH-1', payloadSent: { id: 'WH-1' }, sentAt: 40, sendBody: null });
    expect(await orders.markRetrying('s1', 1, { nextAttemptAt: 50 }, 41)).toBe(false);
    expect(await orders.markQueued('s1', [1], 42)).toEqual([]);
    expect([...(await orders.sentIds('s1', [1, 2, 3]))]).toEqual([1]);
    expect(await orders.get('s1', 404)).toBeUndefined();
  });

  it('queues more orders than one statement takes, and lists held ones in order-id order', async () => {
    await seedStores(db(), 's1');
    const orders = new OrdersRepo(db());
    await db().batchInsert(
      'orders',
      Array.from({ length: 1_200 }, (_, i) => ({ store_hash: 's1', order_id: i + 1, state: i % 2 ? 'failed' : 'needs_attention', customer: '', created_at: 1, updated_at: 1 })),
      300,
    );
    expect(
      (
        await orders.markQueued(
          's1',
          Array.from({ length: 1_200 }, (_, i) => i + 1),
          5,
        )
      ).length,
    ).toBe(1_200);
    expect(Number((await db()('orders').where({ state: 'queued' }).count({ n: '*' }))[0]!.n)).toBe(1_200);
    expect(await orders.needingAttention('s1')).toEqual([]);
    await orders.setState('s1', 7, { state: 'needs_attention', attentionReason: 'SKU missing' }, 6);
    await orders.setState('s1', 3, { state: 'needs_attention', attentionReason: 'SKU missing' }, 6);
    // Lists of ids come out in order-id order on both databases, whatever order the rows were written in.
    expect(await orders.needingAttention('s1')).toEqual([3, 7]);
    await db()('orders').where({ order_id: 9 }).update({ bc_status_id: 11 });
    await db()('orders').where({ order_id: 2 }).update({ bc_status_id: 11 });
    expect(await orders.heldAtStatus('s1', 11)).toEqual([2, 9]);
  });
  it('records statuses, details and cancellations; lists cancellations to pass on in order-id order', async () => {
    await seedStores(db(), 's1');
    const orders = new OrdersRepo(db());
    for (const id of [4, 2, 3, 1]) await orders.upsertSeen('s1', id, seen(), 'waiting', 1);
    await orders.recordStatus('s1', 1, 2, 'Shipped', 10, 8);
    const details = { lines: [{ id: 1, sku: 'MUG', quantity: 2 }], shipTo: [] } as never;
    await orders.recordShipment('s1', 2, { statusId: 3, label: 'Partially Shipped', details }, 11);
    await orders.saveDetails('s1', 3, details, 12);
    expect(await orders.get('s1', 1)).toMatchObject({ bcStatusId: 2, bcStatus: 'Shipped' });
    expect(await orders.get('s1', 2)).toMatchObject({ bcStatusId: 3, details });
    expect((await orders.get('s1', 3))?.details).toEqual(details);

    for (const id of [4, 1]) await orders.setCancellation('s1', id, { source: 'bigcommerce', outcome: 'pending', message: null }, 20);
    await orders.setCancellation('s1', 3, { source: 'bigcommerce', outcome: 'failed', message: 'no', alert: 'backend_unreachable' }, 20);
    await orders.setCancellation('s1', 2, { source: 'warehouse', outcome: 'cancelled', message: null, state: 'cancelled' }, 20);
    expect(await orders.unsentCancellations('s1')).toEqual([1, 4]);
    expect(await orders.unsentCancellations('s1', ['backend_unreachable'])).toEqual([1, 3, 4]);
    expect((await orders.cancellationCandidates('s1', [4, 3, 2, 1])).map((o) => o.orderId)).toEqual([1, 4]);
    expect((await orders.get('s1', 1))?.cancellation).toEqual({ source: 'bigcommerce', outcome: 'pending', message: null, at: 20 });
    await orders.clearPendingCancellation('s1', 1, 30);
    await orders.clearPendingCancellation('s1', 2, 30);
    expect((await orders.get('s1', 1))?.cancellation).toBeNull();
    expect((await orders.get('s1', 2))?.cancellation).toMatchObject({ outcome: 'cancelled' });
    await orders.freezeSendBody('s1', 4, { a: 1 }, 40);
    await orders.releaseSendBody('s1', 4, 41);
    expect(await orders.get('s1', 4)).toMatchObject({ sendBody: null, sendStartedAt: null });
  });
});

describe('SyncLogRepo', () => {
  it('appends, folds an order timeline oldest first, and filters the activity list newest first', async () => {
    await seedStores(db(), 's1');
    const log = new SyncLogRepo(db());
    await log.append({ storeHash: 's1', orderId: 1, flow: 'orders', level: 'error', message: 'failed', detail: 'x'.repeat(5_000) }, 10);
    await log.append({ storeHash: 's1', orderId: 1, flow: 'orders', level: 'error', message: 'failed', detail: 'x'.repeat(5_000) }, 20);
    await log.append({ storeHash: 's1', orderId: 1, flow: 'orders', message: 'sent' }, 30);
    await log.append({ storeHash: 's1', flow: 'settings', message: 'saved' }, 30);
    const timeline = await log.timeline('s1', 1);
    expect(timeline.map((e) => [e.message, e.count, e.lastAt])).toEqual([
      ['failed', 2, new Date(20).toISOString()],
      ['sent', 1, new Date(30).toISOString()],
    ]);
    expect(timeline[0]!.detail).toHaveLength(4_000);
    const all = await log.list('s1', {}, 1, 10);
    expect(all.items.map((e) => e.message)).toEqual(['saved', 'sent', 'failed', 'failed']);
    expect((await log.list('s1', { level: 'error' }, 1, 10)).total).toBe(2);
    expect((await log.list('s1', { orderId: 1, from: 15, to: 25 }, 1, 10)).items.map((e) => e.at)).toEqual([new Date(20).toISOString()]);
  });

  it(`counts up to ${LIST_CAP}, flags the rest and serves no page beyond it`, async () => {
    await seedStores(db(), 's1');
    const rows = Array.from({ length: LIST_CAP + 5 }, (_, i) => ({ store_hash: 's1', flow: 'orders', level: 'info', message: `m${i}`, at: i }));
    await db().batchInsert('sync_log', rows, 500);
    const repo = new SyncLogRepo(db());

    const first = await repo.list('s1', {}, 1, 25);
    expect(first).toMatchObject({ total: LIST_CAP, totalCapped: true });
    expect(first.items[0]?.message).toBe(`m${LIST_CAP + 4}`);
    const last = await repo.list('s1', {}, LIST_CAP / 25, 25);
    expect(last.items).toHaveLength(25);
    expect(await repo.list('s1', {}, LIST_CAP / 25 + 1, 25)).toMatchObject({ items: [], total: LIST_CAP, totalCapped: true });
    // A page straddling the cap is cut at it.
    expect((await repo.list('s1', {}, 2, 9_999)).items).toHaveLength(1);

    expect(await repo.list('s1', { level: 'error' }, 1, 25)).toMatchObject({ items: [], total: 0, totalCapped: false });
    await db()('sync_log').where('at', '<', 6).delete();
    expect(await repo.list('s1', {}, 1, 25)).toMatchObject({ total: LIST_CAP - 1, totalCapped: false });
  });
});

describe('WebhookEventsRepo', () => {
  const event = (eventId: string, topic = 'store/order/created', resourceId: string | null = '1', payload = '{"data":{}}') => ({
    storeHash: 's1',
    source: topic.startsWith('store/') ? ('bigcommerce' as const) : ('fulfillment' as const),
    eventId,
    topic,
    resourceId,
    payload,
  });
  const statusUpdate = (eventId: string, orderId: number, next: number) =>
    event(eventId, 'store/order/statusUpdated', String(orderId), JSON.stringify({ data: { status: { previous_status_id: 0, new_status_id: next } } }));

  it('records once per event id (ON CONFLICT DO NOTHING RETURNING), a repeat as a duplicate pointing at it', async () => {
    await seedStores(db(), 's1');
    const events = new WebhookEventsRepo(db());
    const a = await db().transaction((trx) => events.record(event('e1'), 10, trx));
    expect(a).toEqual({ id: expect.any(Number), duplicateOf: null });
    const dup = await db().transaction((trx) => events.record(event('e1'), 11, trx));
    expect(dup.duplicateOf).toBe(a.id);
    const many = await db().transaction((trx) =>
      events.recordMany([event('e2'), event('e1'), event('e2'), event('e3', 'shipment.created', 'S1')], 12, trx, ['received', 'received', 'received', 'ignored']),
    );
    expect(many.map((r) => r.duplicateOf)).toEqual([null, a.id, many[0]!.id, null]);
    expect(await events.summary('s1', dup.id)).toMatchObject({ status: 'duplicate', duplicateOf: a.id, eventId: 'e1' });
    // A duplicate shows the original's payload.
    expect(await events.get('s1', dup.id)).toMatchObject({ payload: { data: {} }, status: 'duplicate' });
    expect(await events.get('s1', 99_999)).toBeUndefined();
    expect(await events.topics('s1')).toEqual(['shipment.created', 'store/order/created']);
  });

  it('settles, reopens and lists with filters newest first; reads status changes of an order', async () => {
    await seedStores(db(), 's1');
    const events = new WebhookEventsRepo(db());
    const rec = (e: ReturnType<typeof event>, at: number) => db().transaction((trx) => events.record(e, at, trx));
    const e1 = await rec(statusUpdate('s-1', 5, 9), 100);
    const e2 = await rec(statusUpdate('s-2', 5, 11), 200);
    const e3 = await rec(event('c-5', 'store/order/created', '5'), 150);
    const e4 = await rec(event('w-1', 'shipment.created', '5'), 300);
    const e5 = await rec(event('p-1', 'store/product/updated', '5'), 250);

    expect(await events.pendingNewStatuses('s1', 5)).toEqual([9, 11]);
    expect(await events.pendingNewStatuses('s1', 5, 150)).toEqual([11]);
    expect(await events.statusesHeardSince('s1', 5, 0)).toEqual([9, 11]);
    expect(await events.settleForResource('s1', 'bigcommerce', '5', 'processed', null, 200, 400)).toBe(3);
    expect(await events.newestStatusHeard('s1', 5, null)).toEqual({ statusId: 11, receivedAt: 200 });
    await events.setStatus(e4.id, 'failed', 'boom', 401);
    expect(await events.reopen('s1', e4.id)).toBe(true);
    expect((await events.summary('s1', e4.id))?.status).toBe('received');

    const ids = async (f: Parameters<WebhookEventsRepo['list']>[1]) => (await events.list('s1', f, 1, 10)).items.map((i) => i.id);
    expect(await ids({})).toEqual([e4.id, e5.id, e2.id, e3.id, e1.id]);
    // An order's events: its BigCommerce order topics and the warehouse's, not a product with the same id.
    expect(await ids({ orderId: 5 })).toEqual([e4.id, e2.id, e3.id, e1.id]);
    expect(await ids({ orderId: 5, from: 150, to: 250 })).toEqual([e2.id, e3.id]);
    expect(await ids({ source: 'fulfillment' })).toEqual([e4.id]);
    expect(await ids({ status: 'processed', topic: 'store/order/statusUpdated' })).toEqual([e2.id, e1.id]);
    expect(await ids({ source: 'fulfillment', topic: 'store/order/created' })).toEqual([]);
    expect(await events.newerOfTopic('s1', 'bigcommerce', 'store/order/statusUpdated', { id: e1.id, receivedAt: 100 })).toBe(e2.id);
    expect(await events.newerOfTopic('s1', 'bigcommerce', 'store/order/statusUpdated', { id: e2.id, receivedAt: 200 })).toBeNull();
  });

  it('reopens events ignored for a reason, more than one statement takes', async () => {
    await seedStores(db(), 's1');
    const events = new WebhookEventsRepo(db());
    for (let b = 0; b < 3; b++) {
      const batch = Array.from({ length: 200 }, (_, i) => event(`i-${b}-${i}`, 'store/order/created', String(i + 1)));
      await db().transaction((trx) =>
        events.recordMany(
          batch,
          5,
          trx,
          batch.map(() => 'ignored'),
        ),
      );
    }
    await db()('webhook_events').update({ error: 'Order import is off' });
    const reopened = await events.reopenIgnored('s1', 'bigcommerce', 'Order import is off');
    expect(reopened).toHaveLength(600);
    expect(reopened).toEqual([...reopened].sort((a, b) => a - b));
    expect(Number((await db()('webhook_events').where({ status: 'received' }).count({ n: '*' }))[0]!.n)).toBe(600);
  });
});
