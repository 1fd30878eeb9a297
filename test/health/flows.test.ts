// Issue 8 point 1: one health row per flow, from the database, with counts for today and 7 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowHealth, FlowName } from '../../server/api/contract.js';
import { readStoreHealth } from '../../server/health/overview.js';
import { startOfDay } from '../../server/health/time-words.js';
import { WarehouseCallRecorder } from '../../server/health/warehouse-calls.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { connectWarehouse, seedLevel, seedOrder, seedShipment, seedSubscription } from './seed.js';

const NOW = Date.parse('2026-03-04T15:00:00Z');
const DAY = 24 * 60 * 60_000;
const today = startOfDay(NOW) + 60_000;
const yesterday = startOfDay(NOW) - 60_000;
const longAgo = NOW - 8 * DAY;
const hhmm = (ms: number) => `${String(new Date(ms).getHours()).padStart(2, '0')}:${String(new Date(ms).getMinutes()).padStart(2, '0')}`;

let t: BareApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(NOW);
  t = await bareApp({ clock });
  await t.install();
  await connectWarehouse(t.app.services.settings, NOW - 2 * DAY);
});
afterEach(() => t.close());

const flows = async (): Promise<Record<FlowName, FlowHealth>> => {
  const h = await readStoreHealth(t.app.services, STORE, clock.now());
  expect(h.flows.map((f) => f.flow)).toEqual(['orders', 'fulfillment', 'inventory', 'cancellations']);
  return Object.fromEntries(h.flows.map((f) => [f.flow, f])) as Record<FlowName, FlowHealth>;
};

describe('flow health', () => {
  it('counts each flow’s successes today and over 7 days, with the last success', async () => {
    for (const at of [today, today + 1, yesterday, longAgo]) await seedOrder(t.db, { state: 'sent', at, sentAt: at });
    await seedOrder(t.db, { state: 'queued', at: today }); // not sent: not counted
    for (const at of [today, yesterday, longAgo]) await seedShipment(t.db, { state: 'created', at });
    await seedShipment(t.db, { state: 'pending', at: today });
    await seedLevel(t.db, { sku: 'A', status: 'synced', syncedAt: today, at: today });
    await seedLevel(t.db, { sku: 'B', status: 'synced', syncedAt: longAgo, at: longAgo });
    await seedOrder(t.db, { state: 'cancelled', at: yesterday, cancelOutcome: 'cancelled', cancelAt: yesterday });
    await seedOrder(t.db, { state: 'sent', at: today, sentAt: longAgo, cancelOutcome: 'too_late', cancelAt: today });

    const f = await flows();
    expect(f.orders).toMatchObject({
      title: 'Orders',
      countLabel: 'orders sent',
      enabled: true,
      health: 'healthy',
      reason: null,
      today: 2,
      last7Days: 3,
      lastSuccessAt: new Date(today + 1).toISOString(),
    });
    expect(f.fulfillment).toMatchObject({ title: 'Shipments and tracking', countLabel: 'shipments written', today: 1, last7Days: 2, lastSuccessAt: new Date(today).toISOString() });
    expect(f.inventory).toMatchObject({ countLabel: 'stock updates', today: 1, last7Days: 1, lastSuccessAt: new Date(today).toISOString() });
    expect(f.cancellations).toMatchObject({ countLabel: 'cancellations', today: 0, last7Days: 1, lastSuccessAt: new Date(yesterday).toISOString() });
    for (const flow of Object.values(f)) expect(flow).toMatchObject({ health: 'healthy', problems: [] });
  });

  it('orders needing attention or retrying make the flow degraded, with links to the filtered lists', async () => {
    await seedOrder(t.db, { state: 'needs_attention', at: today });
    await seedOrder(t.db, { state: 'rejected', at: today });
    await seedOrder(t.db, { state: 'failed', at: today });
    await seedOrder(t.db, { state: 'retrying', at: today });
    const { orders } = await flows();
    expect(orders.health).toBe('degraded');
    expect(orders.reason).toBe('3 orders need attention; 1 order retrying');
    expect(orders.problems).toEqual([
      { label: '3 orders need attention', count: 3, path: '/orders?state=attention' },
      { label: '1 order retrying', count: 1, path: '/orders?state=retrying' },
    ]);
  });

  it('a warehouse that stopped answering makes the flows that call it failing, with the time in the reason', async () => {
    const since = NOW - 20 * 60_000;
    const recorder = new WarehouseCallRecorder({ db: t.db, now: () => since });
    await recorder.record(STORE, { ok: false, kind: 'unreachable', message: 'The warehouse could not be reached.' });
    const f = await flows();
    expect(f.orders).toMatchObject({ health: 'failing', reason: `The warehouse has not answered since ${hhmm(since)}` });
    expect(f.cancellations.health).toBe('failing');
    // Pushed by the warehouse, shipments and stock levels do not depend on the app's calls.
    expect(f.fulfillment.health).toBe('healthy');
    expect(f.inventory.health).toBe('healthy');

    await t.app.services.settings.saveFlowOptions(STORE, { syncMode: 'poll' }, NOW);
    const polled = await flows();
    expect(polled.fulfillment).toMatchObject({ health: 'failing', reason: `The warehouse has not answered since ${hhmm(since)}` });
    expect(polled.inventory.health).toBe('failing');
  });

  it('a refused key, no warehouse at all, or a refused BigCommerce token are failing too', async () => {
    await new WarehouseCallRecorder({ db: t.db, now: () => NOW }).record(STORE, { ok: false, kind: 'refused', message: 'refused' });
    expect((await flows()).orders.reason).toBe(`The warehouse has refused the saved API key since ${hhmm(NOW)}`);

    await t.db('store_settings').where({ store_hash: STORE }).update({ backend_connected: false, backend_account_id: null });
    const none = await flows();
    expect(none.orders).toMatchObject({ health: 'failing', reason: 'No warehouse is connected: connect it in Settings' });
    expect(none.inventory.health).toBe('failing');

    await t.db('stores').where({ hash: STORE }).update({ needs_reauth: true, reauth_reason: 'token_revoked' });
    for (const flow of Object.values(await flows())) expect(flow.reason).toMatch(/BigCommerce no longer accepts the app’s access/);
  });

  it('failed shipments, skipped stock levels and cancellation alerts degrade their flows', async () => {
    await seedShipment(t.db, { state: 'failed', at: today });
    await seedShipment(t.db, { state: 'failed', at: today });
    await seedLevel(t.db, { sku: 'LAMP-RED', status: 'skipped', at: today });
    await seedOrder(t.db, { state: 'sent', at: today, alert: 'Cancelled in BigCommerce but already shipped', orderId: 4242 });
    const f = await flows();
    expect(f.fulfillment).toMatchObject({ health: 'degraded', reason: '2 shipments not written to BigCommerce', problems: [{ count: 2, path: '/orders?state=attention' }] });
    expect(f.inventory).toMatchObject({ health: 'degraded', reason: '1 stock level skipped', problems: [{ count: 1, path: '/inventory?status=skipped' }] });
    expect(f.cancellations).toMatchObject({ health: 'degraded', reason: '1 order has a cancellation problem', problems: [{ count: 1, path: '/orders/4242' }] });
  });

  it('deactivated order webhooks degrade the flows that need them; a flow switched off is off', async () => {
    await seedSubscription(t.db, { scope: 'store/order/created', hookId: 1, active: false, at: NOW });
    await seedSubscription(t.db, { scope: 'store/order/statusUpdated', hookId: 2, active: true, at: NOW });
    const f = await flows();
    expect(f.orders).toMatchObject({ health: 'degraded', reason: 'Order webhooks deactivated: repair them below' });
    expect(f.fulfillment.health).toBe('healthy');

    await t.app.services.settings.saveFlows(STORE, { orders: false }, NOW);
    expect((await flows()).orders).toMatchObject({ enabled: false, health: 'off', reason: null });
  });
});
