// Issue 9 point 9: GET /api/audit (newest first, filtered by action, person and date, paged like
// the other lists) and GET /api/audit/filters; every member may read them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFiltersResponse, AuditListResponse } from '../../server/api/contract.js';
import { OWNER, STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { signInMember } from '../helpers/members.js';

const ANA = { id: 22, email: 'ana@example.com' };
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T10:00:00Z');

let t: SignedInApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(START);
  t = await signedInBareApp({ clock });
  const record = (day: number, actor: { id: number; email: string } | null, action: string, subject: string, before?: unknown, after?: unknown) =>
    t.app.services.audit.record({ storeHash: STORE, actor: actor && { userId: actor.id, email: actor.email }, action, subject, before, after }, START + day * DAY);
  // Day 0 … 4, one entry a day; Ana's e-mail changed between day 1 and day 4.
  await record(0, OWNER, 'settings.notifications', 'E-mail notifications', { enabled: false }, { enabled: true });
  await record(1, { ...ANA, email: 'ana.old@example.com' }, 'order.retry', 'Order #100', { state: 'failed' }, { state: 'queued' });
  await record(2, OWNER, 'team.permission', `Member ${ANA.email}`, { canManage: false }, { canManage: true });
  await record(3, null, 'order.release', 'Order #101');
  await record(4, ANA, 'order.retry', 'Order #102', { state: 'rejected' }, { state: 'queued' });
  await t.app.services.audit.record({ storeHash: 'other', actor: null, action: 'webhook.replay', subject: 'elsewhere' }, START);
});
afterEach(() => t.close());

const list = async (query: string, api = t.api) => {
  const res = await api('get', `/api/audit${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as AuditListResponse;
};
const subjects = (r: AuditListResponse) => r.items.map((e) => e.subject);

describe('GET /api/audit', () => {
  it("lists this store's entries newest first with who, what, subject and before → after", async () => {
    const r = await list('');
    expect(r).toMatchObject({ total: 5, totalCapped: false, page: 1, limit: 25 });
    expect(subjects(r)).toEqual(['Order #102', 'Order #101', `Member ${ANA.email}`, 'Order #100', 'E-mail notifications']);
    expect(r.items[0]).toMatchObject({
      at: new Date(START + 4 * DAY).toISOString(),
      actor: { userId: ANA.id, email: ANA.email },
      action: 'order.retry',
      before: { state: 'rejected' },
      after: { state: 'queued' },
    });
    // The app acting on its own has no person; nothing recorded stays null.
    expect(r.items[1]).toMatchObject({ actor: null, before: null, after: null });
  });

  it('filters by action, by person and by date (dates inclusive, or instants), and they combine', async () => {
    expect(subjects(await list('?action=order.retry'))).toEqual(['Order #102', 'Order #100']);
    expect(subjects(await list(`?userId=${OWNER.id}`))).toEqual([`Member ${ANA.email}`, 'E-mail notifications']);
    expect(subjects(await list(`?userId=${ANA.id}&action=order.retry`))).toEqual(['Order #102', 'Order #100']);
    expect(subjects(await list('?from=2026-03-02&to=2026-03-03'))).toEqual([`Member ${ANA.email}`, 'Order #100']);
    expect(subjects(await list('?from=2026-03-04T09:00:00Z&to=2026-03-04T23:00:00Z'))).toEqual(['Order #101']);
    expect(subjects(await list('?action=order.retry&to=2026-03-03'))).toEqual(['Order #100']);
    expect((await list('?action=rules.delete')).total).toBe(0);
    // Empty parameters are no filter (the UI's cleared filters).
    expect((await list('?action=&userId=&from=&to=')).total).toBe(5);
  });

  it('pages like the other lists', async () => {
    const first = await list('?limit=2');
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(subjects(first)).toEqual(['Order #102', 'Order #101']);
    expect(subjects(await list('?limit=2&page=3'))).toEqual(['E-mail notifications']);
    expect((await list('?limit=2&page=4')).items).toEqual([]);
  });

  it('answers bad filters with a 400 naming the field, never a 500', async () => {
    const cases: Array<[string, string]> = [
      ['?userId=abc', 'userId'],
      ['?userId=-3', 'userId'],
      ['?action=drop%20table', 'action'],
      [`?action=${'a'.repeat(65)}`, 'action'],
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-03-05&to=2026-03-01', 'from'],
      ['?limit=1000', 'limit'],
      ['?page=0', 'page'],
    ];
    for (const [query, field] of cases) {
      const res = await t.api('get', `/api/audit${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), query).toContain(field);
    }
  });

  it('is open to every member, including those who may not change settings; a missing session is a 401', async () => {
    const ana = await signInMember(t, ANA);
    expect(ana.user.canManage).toBe(false);
    expect((await list('', ana.api)).total).toBe(5);
    expect((await ana.api('get', '/api/audit/filters')).status).toBe(200);
    expect((await t.http.get('/api/audit')).status).toBe(401);
  });
});

describe('GET /api/audit/filters', () => {
  it('offers the actions and the people in this store’s log, each person with their latest e-mail', async () => {
    const res = await t.api('get', '/api/audit/filters');
    expect(res.status).toBe(200);
    const body = res.body as AuditFiltersResponse;
    expect(body.actions).toEqual(['order.release', 'order.retry', 'settings.notifications', 'team.permission']);
    expect(body.people).toEqual([
      { userId: ANA.id, email: ANA.email },
      { userId: OWNER.id, email: OWNER.email },
    ]);
  });
});
