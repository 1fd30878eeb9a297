// Issue 8 point 8: Settings › Notifications (GET/PUT /api/settings/notifications, the test button).
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationsSentRepo } from '../../server/storage/notifications-sent-repo.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

let t: SignedInApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ALL = [
  'warehouse_unreachable',
  'warehouse_refused',
  'orders_need_attention',
  'orders_failed',
  'shipments_failed',
  'cancellation_alerts',
  'webhooks_deactivated',
  'token_invalid',
  'quota_exhausted',
];

describe('GET/PUT /api/settings/notifications', () => {
  it('starts off with every problem ticked, and says when SMTP is not configured', async () => {
    t = await signedInBareApp();
    const r = await t.api('get', '/api/settings/notifications');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ enabled: false, recipients: [], kinds: ALL, smtpConfigured: false, lastFailure: null });
  });

  it('saves recipients (duplicates once) and the chosen problems, and notes the change in Activity', async () => {
    t = await signedInBareApp();
    const r = await t.api('put', '/api/settings/notifications', {
      enabled: true,
      recipients: [' ops@example.com', 'Owner@example.com', 'owner@EXAMPLE.com'],
      kinds: ['orders_need_attention', 'warehouse_unreachable'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ enabled: true, recipients: ['ops@example.com', 'Owner@example.com'], kinds: ['warehouse_unreachable', 'orders_need_attention'] });
    expect((await t.api('get', '/api/settings/notifications')).body).toEqual(r.body);
    const log = await t.db('sync_log').where({ store_hash: STORE, flow: 'settings' }).pluck('message');
    expect(log).toContain('E-mail notifications on (2 recipients).');
  });

  it.each([
    [{ enabled: true, recipients: ['bob@'], kinds: ['orders_failed'] }, 'recipients', '“bob@” is not a valid e-mail address.'],
    [{ enabled: true, recipients: [], kinds: ['orders_failed'] }, 'recipients', 'Add at least one recipient to turn e-mail notifications on.'],
    [{ enabled: true, recipients: ['a@example.com'], kinds: [] }, 'kinds', 'Choose at least one problem to be e-mailed about.'],
    [{ enabled: true, recipients: ['a@example.com'], kinds: ['everything'] }, 'kinds', '“everything” is not a problem e-mails can be sent about'],
    [{ enabled: false, recipients: Array.from({ length: 11 }, (_, i) => `p${i}@example.com`), kinds: [] }, 'recipients', 'At most 10 recipients'],
    [{ recipients: [], kinds: [] }, 'enabled', 'enabled must be true or false.'],
    [{ enabled: true, recipients: 'a@example.com', kinds: ['orders_failed'] }, 'recipients', 'recipients must be a list of e-mail addresses.'],
  ])('answers 400 in words for %j', async (body, field, words) => {
    t = await signedInBareApp();
    const r = await t.api('put', '/api/settings/notifications', body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(words);
    expect(r.body.error.fields[field]).toContain(words);
  });

  it('keeps the lists when turned off with no recipients (nothing to check)', async () => {
    t = await signedInBareApp();
    const r = await t.api('put', '/api/settings/notifications', { enabled: false, recipients: [], kinds: [] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ enabled: false, recipients: [], kinds: [] });
  });

  it('shows the last failed e-mail until a later one goes out', async () => {
    t = await signedInBareApp();
    const sent = new NotificationsSentRepo(t.db);
    const at = Date.parse('2026-03-02T10:45:00Z');
    await sent.claim(STORE, 'warehouse_unreachable', at);
    await sent.recordFailure(STORE, 'warehouse_unreachable', at, 'The mail server could not be reached (connect ECONNREFUSED).');
    expect((await t.api('get', '/api/settings/notifications')).body.lastFailure).toEqual({
      at: '2026-03-02T10:45:00.000Z',
      message: 'The mail server could not be reached (connect ECONNREFUSED).',
    });
    await sent.claim(STORE, 'orders_failed', at + 60_000);
    expect((await t.api('get', '/api/settings/notifications')).body.lastFailure).toBeNull();
  });
});

describe('POST /api/settings/notifications/test', () => {
  it('says that SMTP_URL must be set first when it is not', async () => {
    t = await signedInBareApp();
    const r = await t.api('post', '/api/settings/notifications/test', { recipients: ['ops@example.com'] });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('must set SMTP_URL');
  });

  it('needs a valid recipient', async () => {
    t = await signedInBareApp();
    expect((await t.api('post', '/api/settings/notifications/test', {})).body.error.message).toBe('Add at least one recipient to send a test e-mail to.');
    const bad = await t.api('post', '/api/settings/notifications/test', { recipients: ['not-an-address'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('“not-an-address” is not a valid e-mail address.');
  });
});
