// Issue 9 points 2, 4 and 5 on the API: order rules (list, create, update with optimistic
// concurrency, delete, reorder), the fallback shipping method, Release and the dry run. Changes
// need canManage and are audited; Release and the dry run are open to every member; the dry run
// never calls the warehouse and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderPreviewResponse, OrderRule, OrderRulesResponse } from '../../server/api/contract-rules.js';
import { NOT_A_MANAGER_MESSAGE } from '../../server/sessions/require-manager.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { OWNER, STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { signInMember } from '../helpers/members.js';
import { bcOrder, FakeStore, FakeWarehouse } from '../helpers/order-sync-fakes.js';
import { queued } from '../helpers/run-queued.js';
import { seedOrders } from './seed-orders.js';

const ANA = { id: 22, email: 'ana@example.com' };
const INTL = { name: 'International', action: 'hold', enabled: true, conditions: [{ field: 'country', operator: 'is_none_of', values: ['us'] }] };

let t: SignedInApp;
let clock: FakeClock;
let ana: Awaited<ReturnType<typeof signInMember>>;
let store: FakeStore;
let wh: FakeWarehouse;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T09:00:00Z'));
  store = new FakeStore(STORE);
  wh = new FakeWarehouse();
  t = await signedInBareApp({ clock, deps: { bigcommerceFactory: () => store.client, fulfillmentFactory: () => wh.client } });
  ana = await signInMember(t, ANA); // a member the owner has not allowed to change settings
});
afterEach(() => t.close());

const audit = async () =>
  (await t.db('audit_log').where({ store_hash: STORE }).orderBy('id')).map((r) => ({
    who: r.user_email as string | null,
    action: r.action as string,
    subject: r.subject as string | null,
    before: r.before_json == null ? null : JSON.parse(String(r.before_json)),
    after: r.after_json == null ? null : JSON.parse(String(r.after_json)),
  }));
const rules = async () => (await t.api('get', '/api/rules')).body as OrderRulesResponse;
const create = async (body: object = INTL) => {
  const res = await t.api('post', '/api/rules', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as OrderRule;
};

describe('who may change rules', () => {
  it('every member sees the rules (the built-in one too); only managers change them, and nothing is recorded for a refusal', async () => {
    const seen = await ana.api('get', '/api/rules');
    expect(seen.status).toBe(200);
    expect((seen.body as OrderRulesResponse).items).toEqual([
      expect.objectContaining({ name: 'Manual Verification Required', builtIn: 'manual_verification', enabled: true, action: 'hold', ordersAffected: 0 }),
    ]);
    const rule = await create();
    for (const [method, path, body] of [
      ['post', '/api/rules', INTL],
      ['put', `/api/rules/${rule.id}`, { ...INTL, baseUpdatedAt: rule.updatedAt }],
      ['delete', `/api/rules/${rule.id}`, undefined],
      ['post', '/api/rules/order', { ids: [rule.id] }],
      ['put', '/api/settings/fallback-shipping', { backendCode: 'STD' }],
    ] as const) {
      const res = await ana.api(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'not_allowed', message: NOT_A_MANAGER_MESSAGE });
    }
    expect((await audit()).map((e) => e.who)).toEqual([OWNER.email]);
  });
});

describe('POST/PUT/DELETE /api/rules', () => {
  it('creates a rule after the built-in one, stored as the import compares it, and records it', async () => {
    const rule = await create();
    expect(rule).toMatchObject({ name: 'International', conditions: [{ field: 'country', operator: 'is_none_of', values: ['US'] }], builtIn: null, ordersAffected: 0 });
    expect((await rules()).items.map((r) => r.name)).toEqual(['Manual Verification Required', 'International']);
    expect(await audit()).toEqual([
      {
        who: OWNER.email,
        action: 'rules.create',
        subject: 'Rule "International"',
        before: null,
        after: expect.objectContaining({ name: 'International', action: 'hold', enabled: true }),
      },
    ]);
  });

  it.each([
    [
      { ...INTL, conditions: [{ field: 'order_total', operator: 'greater_than', values: ['lots'] }] },
      'conditions.0.values',
      'An order total condition needs one number, e.g. 100 or 99.50',
    ],
    [
      { ...INTL, conditions: [{ field: 'order_total', operator: 'is_any_of', values: ['5'] }] },
      'conditions.0.operator',
      'An order total condition compares with greater_than or less_than',
    ],
    [
      { ...INTL, conditions: [{ field: 'country', operator: 'is_any_of', values: ['USA'] }] },
      'conditions.0.values',
      'Country codes are 2 letters (ISO 3166, e.g. US, CA, GB): "USA" is not one',
    ],
    [
      { ...INTL, conditions: [{ field: 'channel', operator: 'is_any_of', values: ['web'] }] },
      'conditions.0.values',
      'A sales channel condition takes ids as whole numbers: "web" is not one',
    ],
    [{ ...INTL, conditions: Array.from({ length: 21 }, () => INTL.conditions[0]) }, 'conditions', 'At most 20 conditions per rule'],
    [{ ...INTL, conditions: [{ field: 'sku', operator: 'is_any_of', values: Array.from({ length: 51 }, (_, i) => `SKU-${i}`) }] }, 'conditions.0.values', 'at most 50 values'],
    [{ ...INTL, conditions: [] }, 'conditions', 'A rule needs at least one condition'],
    [{ ...INTL, name: '  ' }, 'name', 'Give the rule a name'],
    [{ ...INTL, action: 'delete' }, 'action', 'must be hold or skip'],
  ])('refuses %j with a readable message next to %s', async (body, field, message) => {
    const res = await t.api('post', '/api/rules', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBe(message);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a second rule with the same name', async () => {
    await create();
    const res = await t.api('post', '/api/rules', { ...INTL, name: 'INTERNATIONAL' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual({ name: 'Already used by another rule' });
  });

  it('an update names the version it edits: a stale one is refused with a readable 409, a missing one with a 400', async () => {
    const rule = await create();
    const missing = await t.api('put', `/api/rules/${rule.id}`, { ...INTL, enabled: false });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.baseUpdatedAt).toMatch(/is required/);

    clock.advance(1000);
    const saved = await t.api('put', `/api/rules/${rule.id}`, { ...INTL, enabled: false, baseUpdatedAt: rule.updatedAt });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: false });
    expect(saved.body.updatedAt).not.toBe(rule.updatedAt);

    const stale = await t.api('put', `/api/rules/${rule.id}`, { ...INTL, name: 'Mine', baseUpdatedAt: rule.updatedAt });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Changed by someone else since you opened it/);
    expect((await rules()).items[1]).toMatchObject({ name: 'International', enabled: false });
    expect((await audit()).at(-1)).toMatchObject({ action: 'rules.update', before: { enabled: true }, after: { enabled: false } });
  });

  it('the built-in rule can be turned off but not changed or deleted', async () => {
    const [mvr] = (await rules()).items;
    const del = await t.api('delete', `/api/rules/${mvr!.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.message).toMatch(/cannot be deleted\. Turn it off instead/);
    const renamed = await t.api('put', `/api/rules/${mvr!.id}`, { name: 'Mine', action: 'hold', enabled: true, conditions: mvr!.conditions, baseUpdatedAt: mvr!.updatedAt });
    expect(renamed.status).toBe(409);
    const off = await t.api('put', `/api/rules/${mvr!.id}`, { name: mvr!.name, action: 'hold', enabled: false, conditions: mvr!.conditions, baseUpdatedAt: mvr!.updatedAt });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, builtIn: 'manual_verification' });
  });

  it('a change to a rule queues the orders it holds to be decided again; deleting it too', async () => {
    const rule = await create();
    await seedOrders(t.db, [
      { orderId: 50, state: 'held', attentionCode: 'held_by_rule', attentionSubject: 'International' },
      { orderId: 51, state: 'held' },
    ]);
    await t.db('orders').where({ order_id: 50 }).update({ rule_id: rule.id });
    expect((await rules()).items[1]!.ordersAffected).toBe(1);
    const res = await t.api('put', `/api/rules/${rule.id}`, { ...INTL, enabled: false, baseUpdatedAt: rule.updatedAt });
    expect(res.body.ordersAffected).toBe(0);
    expect(await t.db('orders').where({ order_id: 50 }).first()).toMatchObject({ state: 'queued', rule_id: null });
    expect(await t.db('orders').where({ order_id: 51 }).first()).toMatchObject({ state: 'held' });
    expect((await queued(t.db, JOB.orderSync)).map((j) => j.payload?.orderId)).toEqual([50]);

    await t.db('orders').where({ order_id: 50 }).update({ state: 'skipped', rule_id: rule.id });
    expect((await t.api('delete', `/api/rules/${rule.id}`)).status).toBe(204);
    expect(await t.db('orders').where({ order_id: 50 }).first()).toMatchObject({ state: 'queued' });
    expect((await audit()).at(-1)).toMatchObject({ action: 'rules.delete', subject: 'Rule "International"', after: null });
  });

  it('reorders when the list names every rule once; a list that is out of date is refused', async () => {
    const a = await create();
    const b = await create({ ...INTL, name: 'Big orders' });
    const [mvr] = (await rules()).items;
    const stale = await t.api('post', '/api/rules/order', { ids: [b.id, a.id] });
    expect(stale.status).toBe(409);
    const res = await t.api('post', '/api/rules/order', { ids: [b.id, mvr!.id, a.id] });
    expect(res.status).toBe(200);
    expect((res.body as OrderRulesResponse).items.map((r) => r.name)).toEqual(['Big orders', 'Manual Verification Required', 'International']);
    expect((await audit()).at(-1)).toMatchObject({ action: 'rules.reorder', after: { order: ['Big orders', 'Manual Verification Required', 'International'] } });
    expect((await t.api('post', '/api/rules/order', { ids: 'all' })).status).toBe(400);
  });
});

describe('the fallback shipping method', () => {
  it('is read by every member, saved by managers (validated like a mapping code) and audited', async () => {
    expect((await ana.api('get', '/api/settings/fallback-shipping')).body).toEqual({ backendCode: null });
    const tooLong = await t.api('put', '/api/settings/fallback-shipping', { backendCode: 'X'.repeat(101) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.backendCode).toMatch(/At most 100 characters/);
    expect((await t.api('put', '/api/settings/fallback-shipping', { backendCode: ' STD ' })).body).toEqual({ backendCode: 'STD' });
    expect((await t.api('put', '/api/settings/fallback-shipping', { backendCode: '' })).body).toEqual({ backendCode: null });
    expect((await audit()).map((e) => [e.action, e.before, e.after])).toEqual([
      ['settings.fallback_shipping', { backendCode: null }, { backendCode: 'STD' }],
      ['settings.fallback_shipping', { backendCode: 'STD' }, { backendCode: null }],
    ]);
  });
});

describe('POST /api/orders/:orderId/release', () => {
  it('any member releases a held order: queued, remembered, on the timeline and in the audit log', async () => {
    const rule = await create();
    await seedOrders(t.db, [{ orderId: 60, state: 'held', attentionCode: 'held_by_rule', attentionSubject: 'International' }]);
    await t.db('orders').where({ order_id: 60 }).update({ rule_id: rule.id });
    const detail = await t.api('get', '/api/orders/60');
    expect(detail.body.remedy).toMatchObject({ code: 'held_by_rule', canRelease: true, canRetry: false });
    const res = await ana.api('post', '/api/orders/60/release');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'queued', remedy: null });
    expect(await t.db('orders').where({ order_id: 60 }).first()).toMatchObject({ released_rule_id: rule.id, rule_id: null });
    expect((await queued(t.db, JOB.orderSync)).map((j) => j.payload?.orderId)).toEqual([60]);
    expect(res.body.timeline.map((e: { message: string }) => e.message)).toContain('Released by ana@example.com: sending the order (rule "International" does not hold it again).');
    expect((await audit()).at(-1)).toEqual({
      who: ANA.email,
      action: 'order.release',
      subject: 'Order #60',
      before: { state: 'held', rule: 'International' },
      after: { state: 'queued' },
    });

    const again = await ana.api('post', '/api/orders/60/release');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Order #60 is not held by a rule, so there is nothing to release: it is queued.');
  });

  it('404 for an order never seen, 400 for a bad number, 409 with the reason for a skipped order', async () => {
    expect((await t.api('post', '/api/orders/999/release')).status).toBe(404);
    expect((await t.api('post', '/api/orders/abc/release')).status).toBe(400);
    await seedOrders(t.db, [{ orderId: 61, state: 'skipped', attentionReason: 'Skipped by rule "Marketplace": not sent.' }]);
    const res = await t.api('post', '/api/orders/61/release');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Skipped by rule "Marketplace": not sent\. Change the rule to send it\./);
  });
});

describe('POST /api/orders/:orderId/preview (dry run)', () => {
  const TABLES = ['orders', 'sync_log', 'jobs', 'audit_log', 'order_rules', 'customer_group_cache', 'webhook_events', 'store_settings', 'shipping_fallback'];
  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (tb) => [tb, await t.db(tb).select()])));
  const preview = async (orderId: number | string, body: object = {}, who: { api: SignedInApp['api'] } = t) => {
    const res = await who.api('post', `/api/orders/${orderId}/preview`, body);
    return res;
  };

  it('before a warehouse is connected: the body that would be sent, the reason it is not, one BigCommerce read, no warehouse call, nothing written', async () => {
    await t.app.services.mappings.setShipping(STORE, 'Flat Rate', 'GROUND', clock.now());
    // The settings row exists once any page read the settings (reading creates it with the defaults).
    await t.app.services.settings.get(STORE, clock.now());
    store.orders.set(70, bcOrder(70, 11));
    const before = await snapshot();
    const res = await preview(70, {}, ana);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body as OrderPreviewResponse;
    expect(p).toMatchObject({ orderId: 70, outcome: 'cannot_send', connected: false, rule: null });
    expect(p.reason).toMatch(/^Connect your fulfillment backend/);
    expect(p.body).toMatchObject({ external_ref: { order_id: 70 }, shipments: [{ shipping_method: 'GROUND', lines: [{ sku: 'A-1', quantity: 2 }] }] });
    expect(store.calls).toEqual([{ method: 'GET', path: '/orders/70' }]);
    expect(wh.calls).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('connected: "send" with the body; draft rules are tried instead of the saved ones', async () => {
    await t.app.services.settings.saveBackend(STORE, { accountId: 'acc', apiKey: 'key', accountName: 'Fake', connected: true, error: null }, clock.now());
    await t.app.services.mappings.setShipping(STORE, 'Flat Rate', 'GROUND', clock.now());
    await create({ ...INTL, conditions: [{ field: 'country', operator: 'is_any_of', values: ['US'] }], name: 'Domestic' });
    store.orders.set(71, bcOrder(71, 11));
    const before = await snapshot();
    const saved = (await preview(71)).body as OrderPreviewResponse;
    expect(saved).toMatchObject({ outcome: 'held', rule: { name: 'Domestic', action: 'hold' }, body: null, connected: true });
    expect(saved.reason).toBe('Held by rule "Domestic": it waits until someone releases it or the rule changes.');
    const drafts = (await preview(71, { rules: [{ ...INTL, name: 'Draft skip', action: 'skip', conditions: [{ field: 'sku', operator: 'is_any_of', values: ['B-2'] }] }] }))
      .body as OrderPreviewResponse;
    expect(drafts).toMatchObject({ outcome: 'send', reason: null, rule: null, notes: ['Tried with 1 draft rule instead of the saved ones.'] });
    expect(drafts.body).toMatchObject({ shipments: [{ shipping_method: 'GROUND' }] });
    const skip = (await preview(71, { rules: [{ ...INTL, name: 'Draft skip', action: 'skip', conditions: [{ field: 'sku', operator: 'is_any_of', values: ['a-1'] }] }] }))
      .body as OrderPreviewResponse;
    expect(skip).toMatchObject({ outcome: 'skipped', rule: { id: null, name: 'Draft skip', action: 'skip' } });
    expect(wh.calls).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('names the fallback used, the built-in rule, an order out of the import status, and one already sent', async () => {
    await t.app.services.settings.saveBackend(STORE, { accountId: 'acc', apiKey: 'key', accountName: 'Fake', connected: true, error: null }, clock.now());
    await t.api('put', '/api/settings/fallback-shipping', { backendCode: 'STD' });
    store.orders.set(72, bcOrder(72, 11, 'Express'));
    const fb = (await preview(72)).body as OrderPreviewResponse;
    expect(fb).toMatchObject({ outcome: 'send', notes: ['Shipping method "Express" has no mapping: the fallback "STD" is used.'] });

    store.orders.set(73, bcOrder(73, 12));
    const mvr = (await preview(73)).body as OrderPreviewResponse;
    expect(mvr).toMatchObject({ outcome: 'not_in_import_status', notes: ['Once in the import status, rule "Manual Verification Required" would hold it.'] });
    expect(mvr.reason).toMatch(/^Status is "Status 12", not the import status "Awaiting Fulfillment"/);

    await seedOrders(t.db, [{ orderId: 74, state: 'sent', backendOrderId: 'WH-9' }]);
    await t
      .db('orders')
      .where({ order_id: 74 })
      .update({ payload_sent: JSON.stringify({ sent: true }) });
    const sent = (await preview(74)).body as OrderPreviewResponse;
    expect(sent).toMatchObject({ outcome: 'already_sent', body: { sent: true } });
    expect(store.calls.filter((c) => c.path === '/orders/74')).toEqual([]);
  });

  it('404 with a readable message for an order BigCommerce does not have; 400 for bad numbers and draft rules', async () => {
    const missing = await preview(999);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('BigCommerce has no order #999. Check the order number.');
    expect((await preview('abc')).status).toBe(400);
    const bad = await preview(70, { rules: [{ ...INTL, conditions: [{ field: 'country', operator: 'is_any_of', values: ['Canada'] }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields['rules.0.conditions.0.values']).toMatch(/Country codes are 2 letters/);
  });
});
