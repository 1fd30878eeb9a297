import { afterEach, describe, expect, it } from 'vitest';
import { bootDataOf } from '../helpers/harness.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

// Issue 9 point 3: the backfill and API quota share routes: validation, one run at a time (409),
// managers only (403), and an audit entry for every change.

let t: SignedInApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const MEMBER = { id: 12, email: 'member@example.com' };

/** A second member of the store, whom the owner has not allowed to change things. */
async function memberApi(app: SignedInApp) {
  const page = await app.http.get('/load').query({ signed_payload_jwt: app.sign({ user: { ...MEMBER, locale: 'en-US' } }) });
  const token = String((await app.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token);
  return (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const r = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
}

const audits = (app: SignedInApp) => app.db('audit_log').where({ store_hash: STORE }).orderBy('id').select('action', 'user_email', 'subject', 'before_json', 'after_json');

describe('backfill routes', () => {
  it('refuses bad ranges with a message next to the field', async () => {
    t = await signedInBareApp();
    const cases: Array<[object, string, RegExp]> = [
      [{}, 'from', /first day/],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /must be a date/],
      [{ from: '2026-03-05', to: '2026-03-01' }, 'to', /not be before/],
      [{ from: '2025-01-01', to: '2026-03-01' }, 'to', /366 days/],
      [{ from: 'yesterday', to: 'today' }, 'from', /must be a date/],
    ];
    for (const [body, field, message] of cases) {
      const res = await t.api('post', '/api/backfill', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields[field]).toMatch(message);
    }
    expect(await t.db('backfills').count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });

  it('starts one backfill, answers 409 for a second, and pause / resume / cancel it, each audited', async () => {
    t = await signedInBareApp();
    expect((await t.api('get', '/api/backfill')).body).toEqual({ backfill: null, quotaShare: 60 });

    const started = await t.api('post', '/api/backfill', { from: '2026-03-01', to: '2026-03-31' });
    expect(started.status).toBe(200);
    expect(started.body.backfill).toMatchObject({ state: 'running', from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z', startedBy: 'owner@example.com' });
    expect(started.body.backfill.counts).toMatchObject({ total: null, listed: 0, done: 0 });

    const again = await t.api('post', '/api/backfill', { from: '2026-03-01', to: '2026-03-31' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('An import of waiting orders is still running. Resume or cancel it before starting another one.');
    // The old button's route is one too.
    expect((await t.api('post', '/api/orders/import-waiting')).status).toBe(409);

    expect((await t.api('post', '/api/backfill/pause')).body.backfill.state).toBe('paused');
    expect((await t.api('post', '/api/backfill/pause')).status).toBe(409);
    expect((await t.api('post', '/api/backfill/resume')).body.backfill.state).toBe('running');
    expect((await t.api('post', '/api/backfill/cancel')).body.backfill.state).toBe('cancelled');
    const none = await t.api('post', '/api/backfill/cancel');
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe('There is no import of waiting orders to cancel.');
    // The last one stays visible after it ended.
    expect((await t.api('get', '/api/backfill')).body.backfill).toMatchObject({ state: 'cancelled' });

    const rows = await audits(t);
    expect(rows.map((r) => r.action)).toEqual(['backfill.start', 'backfill.pause', 'backfill.resume', 'backfill.cancel']);
    expect(rows.every((r) => r.user_email === 'owner@example.com')).toBe(true);
    expect(rows[0]!.subject).toBe('Import of waiting orders (orders created 2026-03-01 to 2026-03-31)');
    expect(JSON.parse(rows[1]!.before_json)).toEqual({ state: 'running' });
    expect(JSON.parse(rows[1]!.after_json)).toEqual({ state: 'paused' });
  });

  it('POST /api/orders/import-waiting still works: a backfill of everything waiting', async () => {
    t = await signedInBareApp();
    const res = await t.api('post', '/api/orders/import-waiting');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enqueued: 0 }); // no BigCommerce here to count them
    const view = (await t.api('get', '/api/backfill')).body.backfill;
    expect(view).toMatchObject({ state: 'running', from: null, to: null });
    expect((await audits(t)).map((r) => r.action)).toEqual(['backfill.start']);
  });

  it('members the owner has not allowed can view, not start, pause or change the share (403)', async () => {
    t = await signedInBareApp();
    await t.api('post', '/api/backfill', { from: '2026-03-01', to: '2026-03-02' });
    const member = await memberApi(t);
    expect((await member('get', '/api/backfill')).status).toBe(200);
    expect((await member('get', '/api/settings/api-quota-share')).status).toBe(200);
    for (const [method, path, body] of [
      ['post', '/api/backfill', { from: '2026-03-01', to: '2026-03-02' }],
      ['post', '/api/backfill/pause', undefined],
      ['post', '/api/backfill/cancel', undefined],
      ['post', '/api/orders/import-waiting', undefined],
      ['put', '/api/settings/api-quota-share', { percent: 80 }],
    ] as const) {
      const res = await member(method, path, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error.message).toMatch(/store owner/);
    }
    expect((await t.api('get', '/api/backfill')).body.backfill.state).toBe('running');
    expect((await audits(t)).map((r) => r.action)).toEqual(['backfill.start']);
  });
});

describe('API quota share routes', () => {
  it('saves a share within 10–100%, audited, and refuses others with a readable message', async () => {
    t = await signedInBareApp();
    expect((await t.api('get', '/api/settings/api-quota-share')).body).toEqual({ percent: 60, min: 10, max: 100, default: 60 });
    for (const [percent, message] of [
      [5, /At least 10%/],
      [101, /At most 100%/],
      [55.5, /whole percentage/],
      ['80', /Enter a percentage/],
    ] as const) {
      const res = await t.api('put', '/api/settings/api-quota-share', { percent });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.percent).toMatch(message);
    }
    const saved = await t.api('put', '/api/settings/api-quota-share', { percent: 80, previous: 60 });
    expect(saved.body).toMatchObject({ percent: 80 });
    expect((await t.app.services.settings.get(STORE, Date.now())).apiQuotaShare).toBe(80);
    const [row] = await audits(t);
    expect(row).toMatchObject({ action: 'settings.api_quota_share', user_email: 'owner@example.com', subject: 'Share of the API quota' });
    expect([JSON.parse(row!.before_json), JSON.parse(row!.after_json)]).toEqual([{ percent: 60 }, { percent: 80 }]);
    // The share shows in the backfill answer ("at 80% of your API quota").
    expect((await t.api('get', '/api/backfill')).body.quotaShare).toBe(80);
  });

  it("the share reaches the store's limiter with the next client, without a restart", async () => {
    // The app's own client factory (no injected one), so the services' limiters are used.
    t = await signedInBareApp({ deps: { bigcommerceFactory: undefined } });
    const s = t.app.services;
    await s.bigcommerce.forStore(STORE);
    expect(s.bigcommerce.quota(STORE).share).toBeCloseTo(0.6);
    await t.api('put', '/api/settings/api-quota-share', { percent: 25 });
    await s.bigcommerce.forStore(STORE);
    expect(s.bigcommerce.quota(STORE).share).toBeCloseTo(0.25);
  });

  it('a save based on an older value is refused (409): someone else changed it', async () => {
    t = await signedInBareApp();
    await t.api('put', '/api/settings/api-quota-share', { percent: 70 });
    const stale = await t.api('put', '/api/settings/api-quota-share', { percent: 90, previous: 60 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Changed by someone else since you opened it: the share is now 70%/);
    expect((await t.app.services.settings.get(STORE, Date.now())).apiQuotaShare).toBe(70);
  });
});
