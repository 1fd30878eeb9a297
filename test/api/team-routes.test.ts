// Issue 9 point 9: Settings › Team. Every member sees the team; only the owner allows or
// disallows the others to change settings (never their own row); each change is audited; a
// member's permission bites on their next request; members added by BigCommerce's load callback
// start without the permission.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamMember, TeamResponse } from '../../server/api/contract.js';
import { OWNER_ONLY_MESSAGE, OWNER_ROW_MESSAGE } from '../../server/api/team-routes.js';
import { NOT_A_MANAGER_MESSAGE } from '../../server/sessions/require-manager.js';
import { OWNER, STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { signInMember } from '../helpers/members.js';

const ANA = { id: 22, email: 'ana@example.com' };
const BEN = { id: 33, email: 'ben@example.com' };
const NOTIFY = { enabled: true, recipients: ['ops@example.com'], kinds: ['warehouse_unreachable'] };

let t: SignedInApp;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T09:00:00Z'));
  t = await signedInBareApp({ clock });
});
afterEach(() => t.close());

const auditRows = () => t.db('audit_log').orderBy('id');
const setPermission = (userId: number, canManage: unknown, as = t.api) => as('put', `/api/team/${userId}`, { canManage });

describe('GET /api/team', () => {
  it('lists every member with e-mail, role, permission and when added: the owner first, then by arrival', async () => {
    clock.advance(60_000);
    const ana = await signInMember(t, ANA);
    clock.advance(60_000);
    await signInMember(t, BEN);

    const res = await t.api('get', '/api/team');
    expect(res.status).toBe(200);
    const body = res.body as TeamResponse;
    expect(body.canEdit).toBe(true);
    expect(body.members.map((m: TeamMember) => [m.email, m.role, m.canManage, m.you])).toEqual([
      [OWNER.email, 'owner', true, true],
      [ANA.email, 'user', false, false],
      [BEN.email, 'user', false, false],
    ]);
    expect(body.members[1]!.addedAt).toBe('2026-03-02T09:01:00.000Z');

    // A member sees the same list, marked as theirs, and is told they cannot edit it.
    const asAna = (await ana.api('get', '/api/team')).body as TeamResponse;
    expect(asAna.canEdit).toBe(false);
    expect(asAna.members.find((m) => m.you)?.email).toBe(ANA.email);
  });
});

describe('PUT /api/team/:userId', () => {
  it('lets the owner allow a member, answers the member and audits before → after with who', async () => {
    await signInMember(t, ANA);
    const res = await setPermission(ANA.id, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: ANA.id, email: ANA.email, canManage: true, you: false });
    expect(await t.app.services.members.find(STORE, ANA.id)).toMatchObject({ canManage: true });

    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      store_hash: STORE,
      at: clock.now(),
      user_id: OWNER.id,
      user_email: OWNER.email,
      action: 'team.permission',
      subject: `Member ${ANA.email}`,
      before_json: '{"canManage":false}',
      after_json: '{"canManage":true}',
    });

    // Disallowing again is recorded too; the same value twice records nothing more.
    await setPermission(ANA.id, false);
    await setPermission(ANA.id, false);
    expect((await auditRows()).map((r) => [r.before_json, r.after_json])).toEqual([
      ['{"canManage":false}', '{"canManage":true}'],
      ['{"canManage":true}', '{"canManage":false}'],
    ]);
  });

  it('refuses anyone but the owner with a readable 403, even a member allowed to change settings', async () => {
    const ana = await signInMember(t, ANA);
    await signInMember(t, BEN);
    const refused = await setPermission(BEN.id, true, ana.api);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'owner_only', message: OWNER_ONLY_MESSAGE });

    await setPermission(ANA.id, true);
    const stillRefused = await setPermission(BEN.id, true, ana.api);
    expect(stillRefused.status).toBe(403);
    expect(await t.app.services.members.find(STORE, BEN.id)).toMatchObject({ canManage: false });
  });

  it("refuses to change the owner's own row (409 with why), an unknown member (404) and bad input (400)", async () => {
    const own = await setPermission(OWNER.id, false);
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'owner_always_manages', message: OWNER_ROW_MESSAGE });
    expect(await t.app.services.members.find(STORE, OWNER.id)).toMatchObject({ canManage: true });

    const unknown = await setPermission(999, true);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/not a member of this store/);

    await signInMember(t, ANA);
    for (const [path, body] of [
      [`/api/team/${ANA.id}`, { canManage: 'yes' }],
      [`/api/team/${ANA.id}`, {}],
      [`/api/team/${ANA.id}`, { canManage: true, role: 'owner' }],
      ['/api/team/abc', { canManage: true }],
    ] as const) {
      const res = await t.api('put', path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    expect(await auditRows()).toEqual([]);
  });
});

describe('a permission change bites on the member’s next request', () => {
  it('the same session token is refused, then allowed, then refused again, as the owner decides', async () => {
    const ana = await signInMember(t, ANA);
    expect(ana.user.canManage).toBe(false);

    const before = await ana.api('put', '/api/settings/notifications', NOTIFY);
    expect(before.status).toBe(403);
    expect(before.body.error.message).toBe(NOT_A_MANAGER_MESSAGE);

    await setPermission(ANA.id, true);
    expect((await ana.api('put', '/api/settings/notifications', NOTIFY)).status).toBe(200);

    await setPermission(ANA.id, false);
    expect((await ana.api('put', '/api/settings/notifications', { ...NOTIFY, enabled: false })).status).toBe(403);
    // Viewing stays open.
    expect((await ana.api('get', '/api/settings/notifications')).status).toBe(200);
  });
});

describe("members added by BigCommerce's load callback", () => {
  it('start without the permission, and a returning member keeps what the owner chose', async () => {
    const lifecycle = t.app.services.lifecycle;
    const claims = (user: { id: number; email: string }) => ({ storeHash: STORE, user: { ...user, locale: 'en-US' }, owner: OWNER }) as never;
    expect(await lifecycle.load(claims(ANA), clock.now())).toBe('ok');
    expect(await t.app.services.members.find(STORE, ANA.id)).toMatchObject({ role: 'user', canManage: false });

    await setPermission(ANA.id, true);
    await lifecycle.load(claims(ANA), clock.now());
    expect(await t.app.services.members.find(STORE, ANA.id)).toMatchObject({ canManage: true });

    // Removed by BigCommerce and added back: a new membership, without the permission.
    await lifecycle.removeUser(claims(ANA));
    await lifecycle.load(claims(ANA), clock.now());
    expect(await t.app.services.members.find(STORE, ANA.id)).toMatchObject({ canManage: false });
  });

  it('an installer who is not the owner starts without it too', async () => {
    await t.app.services.lifecycle.install(
      { access_token: 'tok-2', scope: 'store_v2_orders', context: `stores/${STORE}`, account_uuid: 'acc', user: BEN, owner: OWNER },
      clock.now(),
    );
    expect(await t.app.services.members.find(STORE, BEN.id)).toMatchObject({ role: 'user', canManage: false });
    expect(await t.app.services.members.find(STORE, OWNER.id)).toMatchObject({ role: 'owner', canManage: true });
  });
});
