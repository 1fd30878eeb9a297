import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, fakeClock, install, startEnv, type Env } from './helpers.js';

const NAMES = [
  'Incomplete',
  'Pending',
  'Shipped',
  'Partially Shipped',
  'Refunded',
  'Cancelled',
  'Declined',
  'Awaiting Payment',
  'Awaiting Pickup',
  'Awaiting Shipment',
  'Completed',
  'Awaiting Fulfillment',
  'Manual Verification Required',
  'Disputed',
  'Partially Refunded',
];

describe('sandbox order statuses and status changes', () => {
  let env: Env;
  let token: string;
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(async () => {
    clock = fakeClock(Date.UTC(2024, 2, 1, 9, 30, 0));
    env = await startEnv({ now: () => clock.now() });
    token = await install(env);
  });
  afterEach(async () => env.close());

  const put = (id: number, body: unknown): Promise<Response> =>
    api(env, `/stores/sbx1234/v2/orders/${id}`, token, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('GET /v2/order_statuses lists ids 0-14 with system names, descriptions, sort order and custom labels', async () => {
    env.sandbox.control.setStatusLabel('sbx1234', 11, 'Ready to pick');
    const res = await api(env, '/stores/sbx1234/v2/order_statuses', token);
    expect(res.status).toBe(200);
    const list = (await res.json()) as any[];
    expect(list.map((s) => [s.id, s.name])).toEqual(NAMES.map((n, i) => [i, n]));
    expect(list[11]).toEqual({
      id: 11,
      name: 'Awaiting Fulfillment',
      system_label: 'Awaiting Fulfillment',
      custom_label: 'Ready to pick',
      system_description: 'Customer has completed the checkout process and payment has been confirmed.',
      order: 3,
    });
    expect(list[2]).toMatchObject({ custom_label: 'Shipped', order: 8 });
    const one = await api(env, '/stores/sbx1234/v2/order_statuses/11', token);
    expect(await one.json()).toMatchObject({ id: 11, custom_label: 'Ready to pick' });
    expect((await api(env, '/stores/sbx1234/v2/order_statuses/15', token)).status).toBe(404);
  });

  it('custom labels are per store, show as custom_status, and reset when set back to the system name', async () => {
    const c = env.sandbox.control;
    c.createOrder('sbx1234', { statusId: 11 });
    c.setStatusLabel('sbx1234', 11, 'Ready to pick');
    let order = (await (await api(env, '/stores/sbx1234/v2/orders/100', token)).json()) as any;
    expect([order.status, order.custom_status]).toEqual(['Awaiting Fulfillment', 'Ready to pick']);
    c.createStore({ hash: 'other1' });
    expect(c.statusLabels('other1')[11]?.customLabel).toBe('Awaiting Fulfillment');
    c.setStatusLabel('sbx1234', 11, 'Awaiting Fulfillment');
    order = (await (await api(env, '/stores/sbx1234/v2/orders/100', token)).json()) as any;
    expect(order.custom_status).toBe('Awaiting Fulfillment');
    expect(() => c.setStatusLabel('sbx1234', 99, 'x')).toThrow(/unknown order status/);
  });

  it('PUT {status_id} changes the status, moves date_modified and answers the order', async () => {
    env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
    clock.advance(90_000);
    const res = await put(100, { status_id: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: 100,
      status_id: 2,
      status: 'Shipped',
      date_created: 'Fri, 01 Mar 2024 09:30:00 +0000',
      date_modified: 'Fri, 01 Mar 2024 09:31:30 +0000',
    });
    expect(env.sandbox.control.getOrder('sbx1234', 100)).toMatchObject({ statusId: 2, modifiedAt: clock.now() });
  });

  it('PUT fires statusUpdated (with previous and new status) and updated, and nothing for an unchanged status', async () => {
    env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
    const events = env.sandbox.control.webhookEvents;
    expect(events.map((e) => e.scope)).toEqual(['store/order/created']);
    await put(100, { status_id: 5 });
    expect(events.slice(1).map((e) => [e.scope, e.payload.data])).toEqual([
      ['store/order/statusUpdated', { type: 'order', id: 100, status: { previous_status_id: 11, new_status_id: 5 } }],
      ['store/order/updated', { type: 'order', id: 100 }],
    ]);
    const before = env.sandbox.control.getOrder('sbx1234', 100).modifiedAt;
    clock.advance(10_000);
    await put(100, { status_id: 5 });
    expect(events).toHaveLength(3);
    expect(env.sandbox.control.getOrder('sbx1234', 100).modifiedAt).toBe(before);
    // Other writable fields fire updated only.
    await put(100, { staff_notes: 'call first' });
    expect(events.slice(3).map((e) => e.scope)).toEqual(['store/order/updated']);
  });

  it('PUT with an unknown status_id answers 400 and changes nothing', async () => {
    env.sandbox.control.createOrder('sbx1234', { statusId: 11 });
    for (const status_id of [15, -1, '2', 1.5]) {
      const res = await put(100, { status_id });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([{ status: 400, message: expect.stringContaining('status_id') }]);
    }
    expect(env.sandbox.control.getOrder('sbx1234', 100).statusId).toBe(11);
    expect((await put(404, { status_id: 2 })).status).toBe(404);
  });

  it('setOrderStatus has the same effects as the PUT', async () => {
    const c = env.sandbox.control;
    c.createOrder('sbx1234', { statusId: 7 });
    clock.advance(1_000);
    const order = c.setOrderStatus('sbx1234', 100, 11);
    expect(order).toMatchObject({ statusId: 11, modifiedAt: clock.now() });
    expect(c.webhookEvents.map((e) => e.scope)).toEqual(['store/order/created', 'store/order/statusUpdated', 'store/order/updated']);
    expect(() => c.setOrderStatus('sbx1234', 100, 42)).toThrow(/unknown order status/);
    expect(() => c.setOrderStatus('sbx1234', 999, 2)).toThrow(/not found/);
  });

  it('DELETE archives the order: is_deleted, gone from the list, store/order/archived fired', async () => {
    env.sandbox.control.createOrder('sbx1234');
    const res = await api(env, '/stores/sbx1234/v2/orders/100', token, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await api(env, '/stores/sbx1234/v2/orders', token)).status).toBe(204);
    expect(await (await api(env, '/stores/sbx1234/v2/orders/100', token)).json()).toMatchObject({ is_deleted: true });
    expect(env.sandbox.control.webhookEvents.at(-1)?.scope).toBe('store/order/archived');
  });
});
