// Issue 8 point 8: the problems the banner and the e-mails show, one per kind, with stable keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertView } from '../../server/api/contract.js';
import { listAlerts, QUOTA_ALERT_MS, REPAIRED_NOTICE_MS } from '../../server/health/alerts.js';
import { WarehouseCallRecorder } from '../../server/health/warehouse-calls.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { connectWarehouse, seedOrder, seedShipment, seedSubscription } from './seed.js';

const NOW = Date.parse('2026-03-04T15:00:00Z');
const hhmm = (ms: number) => `${String(new Date(ms).getHours()).padStart(2, '0')}:${String(new Date(ms).getMinutes()).padStart(2, '0')}`;

let t: BareApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(NOW);
  t = await bareApp({ clock });
  await t.install();
  await connectWarehouse(t.app.services.settings, NOW - 60 * 60_000);
});
afterEach(() => t.close());

const alerts = () => listAlerts(t.app.services, STORE, clock.now());
const only = async (kind: AlertView['kind']) => {
  const all = await alerts();
  expect(all.map((a) => a.kind)).toEqual([kind]);
  return all[0]!;
};

describe('listAlerts', () => {
  it('a healthy store has none', async () => {
    await seedOrder(t.db, { state: 'sent', at: NOW, sentAt: NOW });
    expect(await alerts()).toEqual([]);
  });

  it('warehouse_unreachable says since when and how many orders wait, and points to Settings', async () => {
    const since = NOW - 20 * 60_000;
    await new WarehouseCallRecorder({ db: t.db, now: () => since }).record(STORE, { ok: false, kind: 'unreachable', message: 'The warehouse could not be reached.' });
    for (let i = 0; i < 11; i++) await seedOrder(t.db, { state: 'retrying', at: NOW });
    await seedOrder(t.db, { state: 'queued', at: NOW });
    expect(await only('warehouse_unreachable')).toEqual({
      kind: 'warehouse_unreachable',
      key: 'warehouse_unreachable',
      severity: 'critical',
      message: `Warehouse unreachable since ${hhmm(since)} — 12 orders waiting`,
      since: new Date(since).toISOString(),
      action: { label: 'Check the warehouse connection', path: '/settings' },
    });
  });

  it('warehouse_refused', async () => {
    await new WarehouseCallRecorder({ db: t.db, now: () => NOW }).record(STORE, { ok: false, kind: 'refused', message: 'refused' });
    await seedOrder(t.db, { state: 'retrying', at: NOW });
    expect(await only('warehouse_refused')).toMatchObject({ severity: 'critical', message: `Warehouse refused the saved API key since ${hhmm(NOW)} — 1 order waiting` });
  });

  it('orders_need_attention counts held and rejected orders, singular and plural', async () => {
    await seedOrder(t.db, { state: 'needs_attention', at: NOW - 5_000 });
    expect(await only('orders_need_attention')).toMatchObject({
      key: 'orders_need_attention',
      severity: 'warning',
      message: '1 order needs attention',
      since: new Date(NOW - 5_000).toISOString(),
      action: { label: 'Review orders', path: '/orders?state=attention' },
    });
    await seedOrder(t.db, { state: 'rejected', at: NOW });
    await seedOrder(t.db, { state: 'needs_attention', at: NOW });
    expect((await only('orders_need_attention')).message).toBe('3 orders need attention');
  });

  it('orders_failed', async () => {
    await seedOrder(t.db, { state: 'failed', at: NOW });
    expect(await only('orders_failed')).toMatchObject({ severity: 'critical', message: '1 order failed after every retry', action: { path: '/orders?state=failed' } });
  });

  it('shipments_failed', async () => {
    await seedShipment(t.db, { state: 'failed', at: NOW });
    await seedShipment(t.db, { state: 'failed', at: NOW });
    expect(await only('shipments_failed')).toMatchObject({ message: '2 shipments could not be written to BigCommerce' });
  });

  it('cancellation_alerts: one order links to it, several to the list', async () => {
    await seedOrder(t.db, { state: 'sent', at: NOW, alert: 'Cancelled in BigCommerce but already shipped', orderId: 77 });
    expect(await only('cancellation_alerts')).toMatchObject({ message: '1 order has a cancellation problem', action: { path: '/orders/77' } });
    await seedOrder(t.db, { state: 'sent', at: NOW, alert: 'The warehouse refused the cancellation' });
    expect(await only('cancellation_alerts')).toMatchObject({ message: '2 orders have a cancellation problem', action: { path: '/orders?alert=1' } });
  });

  it('webhooks_deactivated offers the repair; after a repair it says "repaired" for a while', async () => {
    await seedSubscription(t.db, { scope: 'store/order/created', hookId: 1, active: false, at: NOW });
    await seedSubscription(t.db, { scope: 'store/order/statusUpdated', hookId: 2, active: true, at: NOW });
    expect(await only('webhooks_deactivated')).toMatchObject({
      key: 'webhooks_deactivated',
      severity: 'warning',
      message: expect.stringMatching(/^Webhooks deactivated — /),
      action: { label: 'Repair webhooks', path: '/' },
    });

    const repairedAt = NOW + 60_000;
    await t.db('webhook_subscriptions').where({ store_hash: STORE }).update({ is_active: true, repaired_at: repairedAt });
    clock.advance(2 * 60_000);
    expect(await only('webhooks_deactivated')).toEqual({
      kind: 'webhooks_deactivated',
      key: 'webhooks_repaired',
      severity: 'info',
      message: `Webhooks deactivated — repaired at ${hhmm(repairedAt)}`,
      since: new Date(repairedAt).toISOString(),
      action: null,
    });
    clock.advance(REPAIRED_NOTICE_MS);
    expect(await alerts()).toEqual([]);
  });

  it('token_invalid', async () => {
    await t.db('stores').where({ hash: STORE }).update({ needs_reauth: true, reauth_reason: 'token_revoked' });
    expect(await only('token_invalid')).toMatchObject({ severity: 'critical', message: expect.stringMatching(/reinstall the app/) });
  });

  it('quota_exhausted while the quota ran out recently', async () => {
    await t.db('store_api_quota').insert({ store_hash: STORE, requests_quota: 150, requests_left: 0, window_ms: 30_000, exhausted_at: NOW, observed_at: NOW });
    expect(await only('quota_exhausted')).toMatchObject({ severity: 'warning', message: `BigCommerce API limit reached at ${hhmm(NOW)} — updates wait for the next window` });
    clock.advance(QUOTA_ALERT_MS);
    expect(await alerts()).toEqual([]);
  });

  it('lists the most severe first', async () => {
    await seedOrder(t.db, { state: 'needs_attention', at: NOW });
    await seedOrder(t.db, { state: 'failed', at: NOW });
    await t.db('stores').where({ hash: STORE }).update({ needs_reauth: true, reauth_reason: 'token_revoked' });
    expect((await alerts()).map((a) => a.severity)).toEqual(['critical', 'critical', 'warning']);
  });
});
