// Storage battery (issue 10 point 2): the small repositories, on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { AuditQuery } from '../../server/audit/audit-query.js';
import { AuditRepo } from '../../server/audit/audit-repo.js';
import { ALERT_KINDS } from '../../server/domain/alerts.js';
import { ExchangeCodesRepo } from '../../server/storage/exchange-codes-repo.js';
import { LocationsRepo } from '../../server/storage/locations-repo.js';
import { MembersRepo } from '../../server/storage/members-repo.js';
import { NotificationSettingsRepo } from '../../server/storage/notification-settings-repo.js';
import { NOTIFY_EVERY_MS, NotificationsSentRepo, RETRY_FAILED_AFTER_MS } from '../../server/storage/notifications-sent-repo.js';
import { OrderStatusesRepo } from '../../server/storage/order-statuses-repo.js';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { randomBytes } from 'node:crypto';
import { errorCode, seedStores, UNIQUE_VIOLATION, useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();

describe('AuditRepo + AuditQuery', () => {
  it('records JSON before/after, lists newest first with filters and pages, lists actions and people', async () => {
    await seedStores(db(), 's1', 's2');
    const audit = new AuditRepo(db());
    const ann = { userId: 7, email: 'ann@example.com' };
    const bob = { userId: 30, email: 'bob@example.com' };
    await audit.record({ storeHash: 's1', actor: ann, action: 'rules.create', subject: 'Rule "A"', after: { name: 'A', on: true } }, 1_000);
    await audit.record({ storeHash: 's1', actor: bob, action: 'order.retry', subject: 'Order #1' }, 2_000);
    await audit.record({ storeHash: 's1', actor: null, action: 'webhooks.repair', before: [1, 2] }, 3_000);
    await audit.record({ storeHash: 's1', actor: { userId: 7, email: 'ann@new.example.com' }, action: 'rules.update', subject: 'x'.repeat(300) }, 3_000);
    await audit.record({ storeHash: 's2', actor: ann, action: 'backfill.start' }, 4_000);
    const q = new AuditQuery(db());

    const all = await q.list('s1', {}, 1, 10);
    expect(all).toMatchObject({ total: 4, totalCapped: false });
    // Same `at`: the later row (higher id) first.
    expect(all.rows.map((e) => e.action)).toEqual(['rules.update', 'webhooks.repair', 'order.retry', 'rules.create']);
    expect(all.rows[0]!.subject).toHaveLength(255);
    expect(all.rows[3]).toMatchObject({ actor: ann, before: null, after: { name: 'A', on: true }, at: new Date(1_000).toISOString() });
    expect(all.rows[1]).toMatchObject({ actor: null, before: [1, 2] });
    expect(typeof all.rows[0]!.id).toBe('number');

    expect((await q.list('s1', { userId: 7 }, 1, 10)).rows.map((e) => e.action)).toEqual(['rules.update', 'rules.create']);
    expect((await q.list('s1', { action: 'order.retry' }, 1, 10)).total).toBe(1);
    expect((await q.list('s1', { from: 2_000, to: 2_999 }, 1, 10)).rows.map((e) => e.action)).toEqual(['order.retry']);
    expect((await q.list('s1', {}, 2, 3)).rows.map((e) => e.action)).toEqual(['rules.create']);

    expect(await q.actions('s1')).toEqual(['order.retry', 'rules.create', 'rules.update', 'webhooks.repair']);
    expect(await q.actions('nobody')).toEqual([]);
    // Each person with their latest e-mail, sorted by e-mail; the app itself (no user) is not a person.
    expect(await q.people('s1')).toEqual([
      { userId: 7, email: 'ann@new.example.com' },
      { userId: 30, email: 'bob@example.com' },
    ]);
  });

  it('a hand-written row that is not JSON reads as text', async () => {
    await seedStores(db(), 's1');
    await db()('audit_log').insert({ store_hash: 's1', at: 1, action: 'x', before_json: 'not json' });
    expect((await new AuditQuery(db()).list('s1', {}, 1, 10)).rows[0]).toMatchObject({ before: 'not json', after: null });
  });
});

describe('ExchangeCodesRepo', () => {
  it('a code is consumed once, before it expires, and only by its hash; old ones are swept', async () => {
    await seedStores(db(), 's1');
    const codes = new ExchangeCodesRepo(db());
    const code = await codes.create('s1', 5, 1_000, 60_000);
    expect(await db()('exchange_codes').where({ code_hash: code }).first()).toBeUndefined();
    expect(await codes.consume('nope', 2_000)).toBeUndefined();
    expect(await codes.consume(code, 2_000)).toEqual({ storeHash: 's1', userId: 5 });
    expect(await codes.consume(code, 2_001)).toBeUndefined();

    const late = await codes.create('s1', 5, 1_000, 60_000);
    expect(await codes.consume(late, 61_000)).toBeUndefined();
    // Created long after both expired: the sweep removes them.
    await codes.create('s1', 6, 200_000, 60_000);
    expect(await db()('exchange_codes').pluck('user_id')).toEqual([6]);
    await codes.removeForStore('s1');
    expect(await db()('exchange_codes').select()).toEqual([]);
  });
});

describe('LocationsRepo and OrderStatusesRepo', () => {
  it('replace the copy in one go, list it by id, label one, and say when it was refreshed', async () => {
    await seedStores(db(), 's1', 's2');
    const locations = new LocationsRepo(db());
    expect(await locations.refreshedAt('s1')).toBeNull();
    await locations.replaceAll(
      's1',
      [
        { id: 3, label: 'Warehouse C' },
        { id: 1, label: 'Main' },
      ],
      10,
    );
    await locations.replaceAll('s2', [{ id: 9, label: 'Other' }], 10);
    await locations.replaceAll(
      's1',
      [
        { id: 2, label: 'B'.repeat(300) },
        { id: 1, label: 'Main' },
      ],
      20,
    );
    expect((await locations.list('s1')).map((l) => [l.id, l.label.length])).toEqual([
      [1, 4],
      [2, 255],
    ]);
    expect(await locations.refreshedAt('s1')).toBe(20);
    await locations.replaceAll('s1', [], 30);
    expect(await locations.list('s1')).toEqual([]);
    expect(await locations.list('s2')).toEqual([{ id: 9, label: 'Other' }]);

    const statuses = new OrderStatusesRepo(db());
    expect(await statuses.refreshedAt('s1')).toBeNull();
    await statuses.replaceAll(
      's1',
      [
        { id: 11, name: 'Awaiting Fulfillment', label: 'Ready' },
        { id: 2, name: 'Shipped', label: 'Gone' },
      ],
      40,
    );
    expect(await statuses.list('s1')).toEqual([
      { id: 2, name: 'Shipped', label: 'Gone' },
      { id: 11, name: 'Awaiting Fulfillment', label: 'Ready' },
    ]);
    expect(await statuses.label('s1', 11)).toBe('Ready');
    expect(await statuses.label('s1', 5)).toBeNull();
    expect(await statuses.refreshedAt('s1')).toBe(40);
  });
});

describe('NotificationsSentRepo', () => {
  it('claims once an hour per problem (10 minutes after a failure), via ON CONFLICT … WHERE … RETURNING', async () => {
    await seedStores(db(), 's1');
    const sent = new NotificationsSentRepo(db());
    const T = 10_000_000;
    expect(await sent.claim('s1', 'orders_failed', T)).toBe(true);
    expect(await sent.claim('s1', 'orders_failed', T + 1)).toBe(false);
    expect(await sent.claim('s1', 'token_invalid', T + 1)).toBe(true);
    expect(await sent.lastFailure('s1')).toBeNull();
    await sent.recordFailure('s1', 'token_invalid', T + 1, 'SMTP said no '.repeat(200));
    const failure = await sent.lastFailure('s1');
    expect(failure).toMatchObject({ problemKey: 'token_invalid', at: T + 1 });
    expect(failure!.error).toHaveLength(1000);
    expect(await sent.claim('s1', 'token_invalid', T + RETRY_FAILED_AFTER_MS)).toBe(false);
    expect(await sent.claim('s1', 'token_invalid', T + 1 + RETRY_FAILED_AFTER_MS)).toBe(true);
    expect(await sent.lastFailure('s1')).toBeNull();
    expect(await sent.claim('s1', 'orders_failed', T + NOTIFY_EVERY_MS - 1)).toBe(false);
    expect(await sent.claim('s1', 'orders_failed', T + NOTIFY_EVERY_MS)).toBe(true);
  });

  it('two claims racing for the same key: exactly one wins', async () => {
    await seedStores(db(), 's1');
    const sent = new NotificationsSentRepo(db());
    const wins = await Promise.all([1, 2, 3, 4].map(() => sent.claim('s1', 'orders_failed', 5_000_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});

describe('NotificationSettingsRepo', () => {
  it('defaults, saves booleans and JSON lists, and lists stores with notifications on and recipients', async () => {
    await seedStores(db(), 's1', 's2', 's3', 'gone');
    const settings = new SettingsRepo(db(), new TokenCipher(randomBytes(32)));
    const repo = new NotificationSettingsRepo(db());
    expect(await repo.save('s1', { enabled: true, recipients: ['a@example.com'], kinds: [] }, 1)).toBe(false);
    for (const s of ['s1', 's2', 's3', 'gone']) await settings.get(s, 1);
    expect(await repo.get('s1')).toEqual({ enabled: false, recipients: [], kinds: ALERT_KINDS });

    expect(await repo.save('s1', { enabled: true, recipients: ['a@example.com'], kinds: ['orders_failed', 'token_invalid'] }, 2)).toBe(true);
    await repo.save('s2', { enabled: true, recipients: [], kinds: ALERT_KINDS }, 2);
    await repo.save('s3', { enabled: false, recipients: ['c@example.com'], kinds: ALERT_KINDS }, 2);
    await repo.save('gone', { enabled: true, recipients: ['g@example.com'], kinds: ALERT_KINDS }, 2);
    await db()('stores').where({ hash: 'gone' }).update({ status: 'uninstalled' });

    const s1 = await repo.get('s1');
    expect(s1).toEqual({ enabled: true, recipients: ['a@example.com'], kinds: ['orders_failed', 'token_invalid'] });
    expect(s1.enabled).toBe(true);
    expect((await repo.get('s3')).enabled).toBe(false);
    expect(await repo.enabledStores()).toEqual(['s1']);
  });
});

describe('MembersRepo', () => {
  it('upserts users, adds members without overwriting roles unless asked, lists the owner first', async () => {
    await seedStores(db(), 's1');
    const members = new MembersRepo(db());
    await members.upsertUser({ id: 1, email: 'old@example.com' }, 1);
    await members.upsertUser({ id: 1, email: 'owner@example.com', locale: 'en' }, 2);
    await members.upsertUser({ id: 2, email: 'user@example.com' }, 2);
    await members.upsertUser({ id: 3, email: 'late@example.com' }, 2);
    await members.addMember('s1', 2, 'user', 10);
    await members.addMember('s1', 1, 'user', 20);
    await members.addMember('s1', 3, 'user', 30);
    await members.addMember('s1', 1, 'owner', 40);
    expect((await members.find('s1', 1))?.role).toBe('user');
    await members.addMember('s1', 1, 'owner', 40, db(), true);
    expect(await members.find('s1', 1)).toEqual({ storeHash: 's1', userId: 1, email: 'owner@example.com', role: 'owner', canManage: true });
    expect(await members.find('s1', 99)).toBeUndefined();

    expect((await members.list('s1')).map((m) => [m.userId, m.role, m.canManage, m.addedAt])).toEqual([
      [1, 'owner', true, 20],
      [2, 'user', false, 10],
      [3, 'user', false, 30],
    ]);
    expect(await members.setCanManage('s1', 2, true)).toEqual({ before: false });
    expect(await members.setCanManage('s1', 2, true)).toEqual({ before: true });
    expect((await members.find('s1', 2))?.canManage).toBe(true);
    expect(await members.setCanManage('s1', 1, false)).toEqual({ before: true });
    expect(await members.setCanManage('s1', 99, true)).toBeUndefined();

    expect(await members.count('s1')).toBe(3);
    expect(await members.removeMember('s1', 3)).toBe(true);
    expect(await members.removeMember('s1', 3)).toBe(false);
    await members.removeAll('s1');
    expect(await members.count('s1')).toBe(0);
  });

  it('a second membership row for the same person is a unique violation either database reports', async () => {
    await seedStores(db(), 's1');
    await db()('users').insert({ id: 1, email: 'a@example.com', updated_at: 1 });
    await db()('store_members').insert({ store_hash: 's1', user_id: 1, role: 'user', created_at: 1 });
    const err = await db()('store_members')
      .insert({ store_hash: 's1', user_id: 1, role: 'owner', created_at: 2 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(errorCode(err)).toMatch(UNIQUE_VIOLATION);
  });
});
