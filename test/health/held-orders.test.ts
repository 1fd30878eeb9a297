// Issue 9 point 4 on the Overview: an order a rule holds ships only once a person releases it or
// changes the rule, so it counts under "needs attention" (the alert, the Orders flow, the
// attention filter); a skipped order does not (the rule decided it is not for this warehouse).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../server/health/alerts.js';
import { readStoreHealth } from '../../server/health/overview.js';
import { remedyOf } from '../../server/flows/order-import/remedy.js';
import { OrdersQuery } from '../../server/storage/orders-query.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { connectWarehouse, seedOrder } from './seed.js';

const NOW = Date.parse('2026-03-04T15:00:00Z');
let t: BareApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(NOW);
  t = await bareApp({ clock });
  await t.install();
  await connectWarehouse(t.app.services.settings, NOW - 60 * 60_000);
});
afterEach(() => t.close());

describe('held orders on the Overview', () => {
  it('count under needs attention; skipped ones do not', async () => {
    await seedOrder(t.db, { state: 'held', at: NOW - 5_000 });
    await seedOrder(t.db, { state: 'skipped', at: NOW });
    const alerts = await listAlerts(t.app.services, STORE, clock.now());
    expect(alerts).toEqual([expect.objectContaining({ kind: 'orders_need_attention', message: '1 order needs attention', since: new Date(NOW - 5_000).toISOString() })]);
    const orders = (await readStoreHealth(t.app.services, STORE, clock.now())).flows.find((f) => f.flow === 'orders')!;
    expect(orders.problems).toEqual([{ label: '1 order needs attention', count: 1, path: '/orders?state=attention' }]);
    const q = new OrdersQuery(t.db);
    expect(await q.counts(STORE, {})).toMatchObject({ held: 1, skipped: 1, attention: 1 });
    expect((await q.list(STORE, { state: 'attention' }, 1, 25)).items.map((o) => o.state)).toEqual(['held']);
    expect((await q.list(STORE, { state: 'skipped' }, 1, 25)).items.map((o) => o.state)).toEqual(['skipped']);
  });
});

describe('the remedy of a held order', () => {
  it('offers Release and the rules, not Retry', () => {
    const r = remedyOf({
      state: 'held',
      attentionCode: 'held_by_rule',
      attentionSubject: 'International',
      attentionReason: null,
      lastError: null,
      attempts: 0,
      backendOrderId: null,
    });
    expect(r).toMatchObject({
      code: 'held_by_rule',
      subject: 'International',
      canRetry: false,
      canRelease: true,
      action: { label: 'Review order rules', path: '/settings/orders#rules' },
    });
    expect(r!.message).toMatch(/^Held by the order rule "International"\. Release it to send it now/);
  });
});
