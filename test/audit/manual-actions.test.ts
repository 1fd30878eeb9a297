// Issue 9 point 9 on the routes that existed before it: notification settings and the test e-mail
// are for members allowed to change settings; replay, Retry and webhook repair stay open to every
// member. Each records an audit entry with who, what and before → after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_A_MANAGER_MESSAGE } from '../../server/sessions/require-manager.js';
import { seedOrders } from '../api/seed-orders.js';
import { OWNER, STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { signInMember } from '../helpers/members.js';

const ANA = { id: 22, email: 'ana@example.com' };
const NOTIFY = { enabled: true, recipients: ['ops@example.com'], kinds: ['warehouse_unreachable', 'orders_failed'] };

let t: SignedInApp;
let clock: FakeClock;
let ana: Awaited<ReturnType<typeof signInMember>>;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T09:00:00Z'));
  t = await signedInBareApp({ clock });
  ana = await signInMember(t, ANA); // a member the owner has not allowed to change settings
});
afterEach(() => t.close());

const entries = async () =>
  (await t.db('audit_log').where({ store_hash: STORE }).orderBy('id')).map((r) => ({
    who: r.user_email as string | null,
    action: r.action as string,
    subject: r.subject as string | null,
    before: r.before_json == null ? null : JSON.parse(String(r.before_json)),
    after: r.after_json == null ? null : JSON.parse(String(r.after_json)),
  }));

describe('Settings › Notifications', () => {
  it('refuses a member without the permission (403, nothing saved or recorded)', async () => {
    const res = await ana.api('put', '/api/settings/notifications', NOTIFY);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'not_allowed', message: NOT_A_MANAGER_MESSAGE });
    expect((await t.api('get', '/api/settings/notifications')).body.enabled).toBe(false);
    const test = await ana.api('post', '/api/settings/notifications/test', { recipients: ['me@example.com'] });
    expect(test.status).toBe(403);
    expect(await entries()).toEqual([]);
  });

  it('records what changed, only the fields that changed, and nothing for a save without changes', async () => {
    expect((await t.api('put', '/api/settings/notifications', NOTIFY)).status).toBe(200);
    expect((await t.api('put', '/api/settings/notifications', { ...NOTIFY, recipients: ['ops@example.com', 'boss@example.com'] })).status).toBe(200);
    expect((await t.api('put', '/api/settings/notifications', { ...NOTIFY, recipients: ['ops@example.com', 'boss@example.com'] })).status).toBe(200);
    const [first, second, ...rest] = await entries();
    expect(first).toMatchObject({ who: OWNER.email, action: 'settings.notifications', subject: 'E-mail notifications' });
    expect(first!.before).toMatchObject({ enabled: false, recipients: [] });
    expect(first!.after).toMatchObject({ enabled: true, recipients: ['ops@example.com'] });
    expect(second).toMatchObject({ before: { recipients: ['ops@example.com'] }, after: { recipients: ['ops@example.com', 'boss@example.com'] } });
    expect(rest).toEqual([]);
  });

  it('records a test e-mail, sent or not, with its recipients and the reason it failed', async () => {
    t.config.smtp = { url: 'smtp://127.0.0.1:1', from: 'Fulfillment Bridge <fb@example.com>' };
    const res = await t.api('post', '/api/settings/notifications/test', { recipients: ['ops@example.com'] });
    expect(res.status).toBe(502);
    const [entry] = await entries();
    expect(entry).toMatchObject({ who: OWNER.email, action: 'notifications.test', subject: 'Test e-mail', before: null });
    expect(entry!.after).toMatchObject({ recipients: ['ops@example.com'], sent: false });
    expect(String(entry!.after.reason)).toBeTruthy();
  });
});

describe('open to every member, and audited', () => {
  it('Retry of one order records the state it was retried from', async () => {
    await seedOrders(t.db, [{ orderId: 201, state: 'failed', attentionCode: 'out_of_retries', attempts: 20, lastError: 'The warehouse did not answer.' }]);
    expect((await ana.api('post', '/api/orders/201/retry')).status).toBe(200);
    expect(await entries()).toEqual([{ who: ANA.email, action: 'order.retry', subject: 'Order #201', before: { state: 'failed' }, after: { state: 'queued' } }]);
  });

  it('a Retry that cannot help is not recorded; bulk Retry records the orders retried and skipped', async () => {
    await seedOrders(t.db, [
      { orderId: 201, state: 'failed', attentionCode: 'out_of_retries', attempts: 3 },
      { orderId: 202, state: 'failed', attentionCode: 'out_of_retries', attempts: 3 },
      { orderId: 203, state: 'shipped', backendOrderId: 'WH-203' },
    ]);
    expect((await ana.api('post', '/api/orders/203/retry')).status).toBe(409);
    expect(await entries()).toEqual([]);
    const res = await ana.api('post', '/api/orders/retry', { orderIds: [201, 202, 203] });
    expect(res.body).toMatchObject({ retried: 2 });
    expect(await entries()).toEqual([
      { who: ANA.email, action: 'order.retry-bulk', subject: '2 orders: #201, #202', before: null, after: { retried: [201, 202], skipped: [203] } },
    ]);
  });

  it('a webhook replay records the event and what happened', async () => {
    const [id] = await t.db('webhook_events').insert({
      store_hash: STORE,
      source: 'bigcommerce',
      event_id: 'e1',
      dedupe_key: 'e1',
      topic: 'store/order/created',
      resource_id: '150',
      payload: '{}',
      status: 'processed',
      received_at: clock.now(),
    });
    const res = await ana.api('post', `/api/webhook-events/${id}/replay`);
    expect(res.status, res.text).toBe(200);
    const [entry] = await entries();
    expect(entry).toMatchObject({ who: ANA.email, action: 'webhook.replay', subject: `Webhook event #${id} (store/order/created, order #150)` });
    expect(entry!.after.result).toMatch(/queued to be processed again/);
  });

  it('webhook repair is recorded with its outcome, even when BigCommerce could not be reached', async () => {
    const res = await ana.api('post', '/api/webhooks/repair');
    expect(res.status, res.text).toBe(502);
    const [entry] = await entries();
    expect(entry).toMatchObject({ who: ANA.email, action: 'webhooks.repair', subject: 'BigCommerce webhooks' });
    expect(entry!.after.result).toBe('Not repaired: BigCommerce could not be reached just now: try again in a minute.');
  });
});
