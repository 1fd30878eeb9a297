// Issue 9 points 4 and 5 on the import: order rules hold or skip an order before it is sent, a
// release by hand sends it (that rule does not hold it again), a rule change decides its orders
// again, the built-in rule holds Manual Verification Required orders, and an unmapped shipping
// method goes out with the fallback code. Real services and database; fake BigCommerce and
// warehouse; a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleCondition } from '../../server/api/contract-rules.js';
import { BigCommerceApiError, BigCommerceServerError, type BigCommerceClient } from '../../server/bigcommerce/index.js';
import { requeueHeldOrders, requeueRuleOrders } from '../../server/flows/order-import/requeue-held.js';
import { syncOrder } from '../../server/flows/order-import/sync-order.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { RuleOrdersRepo } from '../../server/storage/rule-orders-repo.js';
import { RulesRepo, type RuleWrite } from '../../server/storage/rules-repo.js';
import { OrdersQuery } from '../../server/storage/orders-query.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { bcOrder, connectedFakeApp, FakeStore, FakeWarehouse, jobOf } from '../helpers/order-sync-fakes.js';
import { queued, runQueued } from '../helpers/run-queued.js';

const clock = new FakeClock(Date.parse('2026-03-02T09:00:00Z'));
let b: Awaited<ReturnType<typeof connectedFakeApp>>;
let store: FakeStore;
let wh: FakeWarehouse;
let customers: { calls: number; fail: BigCommerceApiError | null; groups: Map<number, number> };
const s = () => b.app.services;
const rules = () => new RulesRepo(s().db);
const sync = (orderId: number) => syncOrder(s(), jobOf(STORE, JOB.orderSync, { orderId }));
const row = async (orderId: number) => (await s().orders.get(STORE, orderId))!;
const timeline = async (orderId: number) => (await s().syncLog.timeline(STORE, orderId)).map((e) => e.message);
const creates = () => wh.calls.filter((c) => c.op === 'create');
const cond = (field: RuleCondition['field'], operator: RuleCondition['operator'], ...values: string[]): RuleCondition => ({ field, operator, values });
const addRule = (w: Partial<RuleWrite> & Pick<RuleWrite, 'name'>) =>
  rules().create(STORE, { action: 'hold', enabled: true, conditions: [cond('country', 'is_none_of', 'US')], ...w }, clock.now());

/** A BigCommerce order shipping to `country`. */
function orderTo(id: number, country: string, over: Record<string, unknown> = {}, method = 'Flat Rate') {
  const o = bcOrder(id, 11, method);
  o.consignments!.shipping[0]!.country_iso2 = country;
  return { ...o, ...over };
}

/** The fake store, answering GET /v3/customers too. */
function withCustomers(base: BigCommerceClient): BigCommerceClient {
  return {
    ...base,
    get: async <T>(version: string, path: string, opts?: { query?: Record<string, unknown> }) => {
      if (path !== '/customers') return base.get<T>(version as 'v2', path, opts as never);
      customers.calls++;
      if (customers.fail) throw customers.fail;
      const id = Number(opts?.query?.['id:in']);
      return { data: customers.groups.has(id) ? [{ id, customer_group_id: customers.groups.get(id) }] : [] } as T;
    },
  };
}

beforeEach(async () => {
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  customers = { calls: 0, fail: null, groups: new Map([[7, 2]]) };
  b = await connectedFakeApp(clock, { bigcommerce: () => withCustomers(store.client), fulfillment: () => wh.client });
});
afterEach(async () => b.close());

describe('a hold rule', () => {
  it('holds a matching order before anything is sent, says so once, and shows the rule as the remedy', async () => {
    await addRule({ name: 'International' });
    store.orders.set(1, orderTo(1, 'CA'));
    await sync(1);
    await sync(1);
    expect(creates()).toHaveLength(0);
    expect(await row(1)).toMatchObject({ state: 'held', attentionCode: 'held_by_rule', attentionSubject: 'International', backendOrderId: null });
    expect((await timeline(1)).filter((m) => m.startsWith('Held by rule'))).toEqual(['Held by rule "International".']);
    // Counted under "attention" (a person must release it), with a count of its own.
    const counts = await new OrdersQuery(s().db).counts(STORE, {});
    expect(counts).toMatchObject({ held: 1, attention: 1 });
  });

  it('does not hold an order it does not match', async () => {
    await addRule({ name: 'International' });
    store.orders.set(2, orderTo(2, 'US'));
    await sync(2);
    expect(await row(2)).toMatchObject({ state: 'sent' });
  });

  it('a released order is sent and not held again by that rule, but another rule still holds it', async () => {
    const intl = await addRule({ name: 'International' });
    store.orders.set(3, orderTo(3, 'CA'));
    await sync(3);
    expect(await new RuleOrdersRepo(s().db).release(STORE, 3, clock.now())).toBe(true);
    await sync(3);
    expect(await row(3)).toMatchObject({ state: 'sent', releasedRuleId: intl.id });

    await addRule({ name: 'Big orders', conditions: [cond('order_total', 'greater_than', '100')] });
    store.orders.set(4, orderTo(4, 'CA', { total_inc_tax: '250.00' }));
    await sync(4);
    await new RuleOrdersRepo(s().db).release(STORE, 4, clock.now());
    await sync(4);
    expect(await row(4)).toMatchObject({ state: 'held', attentionSubject: 'Big orders' });
  });

  it('when the rule is turned off, the orders it holds are decided again and sent', async () => {
    const intl = await addRule({ name: 'International' });
    store.orders.set(5, orderTo(5, 'CA'));
    store.orders.set(6, orderTo(6, 'GB'));
    await sync(5);
    await sync(6);
    await rules().update(STORE, intl.id, { ...intl, enabled: false }, intl.updatedAtMs, clock.now());
    expect(await requeueRuleOrders(s(), STORE, [intl.id], 'Rule "International" turned off: checking the order again.')).toBe(2);
    expect(await row(5)).toMatchObject({ state: 'queued', ruleId: null, attentionCode: null });
    expect((await queued(s().db, JOB.orderSync)).map((j) => j.payload?.orderId)).toEqual([5, 6]);
    await runQueued(s(), [JOB.orderSync]);
    expect(await row(5)).toMatchObject({ state: 'sent' });
    expect(await row(6)).toMatchObject({ state: 'sent' });
    expect(await timeline(5)).toContain('Rule "International" turned off: checking the order again.');
  });

  it('a rule changed so it still matches holds the order again, under its new name', async () => {
    const intl = await addRule({ name: 'International' });
    store.orders.set(7, orderTo(7, 'CA'));
    await sync(7);
    await rules().update(STORE, intl.id, { ...intl, name: 'Outside the US' }, intl.updatedAtMs, clock.now());
    await requeueRuleOrders(s(), STORE, [intl.id], 'Rule "Outside the US" changed: checking the order again.');
    await runQueued(s(), [JOB.orderSync]);
    expect(await row(7)).toMatchObject({ state: 'held', attentionSubject: 'Outside the US' });
    expect(creates()).toHaveLength(0);
  });
});

describe('a skip rule', () => {
  it('never sends a matching order', async () => {
    await addRule({ name: 'Marketplace orders', action: 'skip', conditions: [cond('channel', 'is_any_of', '2')] });
    store.orders.set(8, orderTo(8, 'US', { channel_id: 2 }));
    await sync(8);
    expect(creates()).toHaveLength(0);
    expect(await row(8)).toMatchObject({ state: 'skipped', attentionCode: null });
    expect(await timeline(8)).toContain('Skipped by rule "Marketplace orders": not sent.');
  });
});

describe('the built-in Manual Verification Required rule', () => {
  it('holds an order in that status (created for the store on first use) until it is turned off', async () => {
    await s().settings.saveImport(STORE, { importStatusId: 12, statusAfterAcceptId: null }, clock.now());
    store.orders.set(9, bcOrder(9, 12));
    await sync(9);
    expect(await row(9)).toMatchObject({ state: 'held', attentionSubject: 'Manual Verification Required' });
    const [mvr] = await rules().list(STORE, clock.now());
    await rules().update(STORE, mvr!.id, { ...mvr!, enabled: false }, mvr!.updatedAtMs, clock.now());
    await requeueRuleOrders(s(), STORE, [mvr!.id], 'checking again');
    await runQueued(s(), [JOB.orderSync]);
    expect(await row(9)).toMatchObject({ state: 'sent' });
  });
});

describe('customer group rules', () => {
  it('read the group only when a rule needs it, once per customer', async () => {
    store.orders.set(10, orderTo(10, 'US', { customer_id: 7 }));
    await sync(10);
    expect(customers.calls).toBe(0);
    await addRule({ name: 'Wholesale', conditions: [cond('customer_group', 'is_any_of', '2')] });
    store.orders.set(11, orderTo(11, 'US', { customer_id: 7 }));
    store.orders.set(12, orderTo(12, 'US', { customer_id: 7 }));
    await sync(11);
    await sync(12);
    expect(customers.calls).toBe(1);
    expect(await row(12)).toMatchObject({ state: 'held', attentionSubject: 'Wholesale' });
  });

  it('a refused read holds the order with the reason; a passing failure retries', async () => {
    await addRule({ name: 'Wholesale', conditions: [cond('customer_group', 'is_any_of', '2')] });
    customers.fail = new BigCommerceApiError('GET /v3/customers failed with 403', { status: 403, method: 'GET', path: '/customers', storeHash: STORE });
    store.orders.set(13, orderTo(13, 'US', { customer_id: 7 }));
    await sync(13);
    expect(await row(13)).toMatchObject({ state: 'needs_attention', attentionCode: 'other' });
    expect((await row(13)).attentionReason).toMatch(/Customers \(read-only\) permission/);

    customers.fail = new BigCommerceServerError('GET /v3/customers failed with 503', { status: 503, method: 'GET', path: '/customers', storeHash: STORE, retryable: true });
    store.orders.set(14, orderTo(14, 'US', { customer_id: 8 }));
    await expect(sync(14)).rejects.toBeInstanceOf(RetryableJobError);
    expect(creates()).toHaveLength(0);
  });
});

describe('the fallback shipping method', () => {
  it('sends an unmapped method with the fallback code instead of holding the order, and says so once', async () => {
    await rules().setFallbackCode(STORE, 'STD', clock.now());
    store.orders.set(20, orderTo(20, 'US', {}, 'Express'));
    await sync(20);
    await sync(20);
    expect(await row(20)).toMatchObject({ state: 'sent' });
    expect(creates()[0]!.body!.shipments[0]!.shipping_method).toBe('STD');
    expect((await timeline(20)).filter((m) => m.includes('fallback'))).toEqual(['Shipping method "Express" has no mapping: sent with the fallback "STD".']);
    // The order page shows the code the method went out with.
    expect((await row(20)).details?.shipTo[0]).toMatchObject({ shippingMethod: 'Express', mappedMethod: 'STD' });
  });

  it('a mapped method keeps its mapping; without a fallback the order is held; saving one sends it', async () => {
    store.orders.set(21, orderTo(21, 'US', {}, 'Express'));
    await sync(21);
    expect(await row(21)).toMatchObject({ state: 'needs_attention', attentionCode: 'unmapped_shipping_method' });
    await rules().setFallbackCode(STORE, 'STD', clock.now());
    await requeueHeldOrders(s(), STORE);
    expect(await row(21)).toMatchObject({ state: 'queued' });
    await runQueued(s(), [JOB.orderSync]);
    expect(await row(21)).toMatchObject({ state: 'sent' });
    const said = await timeline(21);
    expect(said).toContain('Fallback shipping method "STD" saved: sending the order with it for "Express".');
    expect(said.filter((m) => m.includes('sent with the fallback'))).toHaveLength(1);

    store.orders.set(22, orderTo(22, 'US'));
    await sync(22);
    expect(creates().at(-1)!.body!.shipments[0]!.shipping_method).toBe('GROUND');
  });
});
