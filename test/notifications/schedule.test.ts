// Issue 8 point 8: the minute tick queues a notification check for each store with e-mail on (only
// when SMTP is configured), and the job's handler mails the banner's own alerts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Mailbox } from '../../sandbox/mail/mailbox.js';
import { startMailCatcher } from '../../sandbox/mail/smtp.js';
import { listAlerts } from '../../server/health/alerts.js';
import { startScheduler } from '../../server/flows/runtime.js';
import { enqueueNotificationChecks } from '../../server/notifications/job.js';
import { NotificationSettingsRepo } from '../../server/storage/notification-settings-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, type BareApp } from '../helpers/bare-app.js';
import { queued, runQueued } from '../helpers/run-queued.js';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function withStores() {
  const t: BareApp = await bareApp();
  closers.push(() => t.close());
  const s = t.app.services;
  const person = { id: 1, email: 'o@example.com' };
  const repo = new NotificationSettingsRepo(t.db);
  const now = Date.now();
  for (const hash of ['on1', 'off1', 'norecipients', 'revoked1', 'gone1']) {
    await t.db.transaction((trx) => s.stores.upsertInstalled({ hash, accessToken: `tok-${hash}`, scope: 's', accountUuid: 'a', owner: person, installer: person }, now, trx));
    await s.settings.get(hash, now);
  }
  await repo.save('on1', { enabled: true, recipients: ['ops@example.com'], kinds: ['token_invalid'] }, now);
  await repo.save('off1', { enabled: false, recipients: ['ops@example.com'], kinds: ['token_invalid'] }, now);
  await repo.save('norecipients', { enabled: true, recipients: [], kinds: ['token_invalid'] }, now);
  await repo.save('revoked1', { enabled: true, recipients: ['ops@example.com'], kinds: ['token_invalid'] }, now);
  await repo.save('gone1', { enabled: true, recipients: ['ops@example.com'], kinds: ['token_invalid'] }, now);
  await s.stores.markNeedsReauth('revoked1', 'tok-revoked1', now);
  await t.db.transaction((trx) => s.stores.markUninstalled('gone1', now, trx));
  return t;
}

describe('notification scheduling', () => {
  it('queues nothing while SMTP is not configured', async () => {
    const t = await withStores();
    expect(await enqueueNotificationChecks(t.app.services)).toBe(0);
    expect(await queued(t.db, JOB.notify)).toEqual([]);
  });

  it('queues one check per installed store with e-mail on, including one whose token was revoked', async () => {
    const t = await withStores();
    t.app.services.config.smtp = { url: 'smtp://127.0.0.1:9', from: 'fb@sandbox.test' };
    expect(await enqueueNotificationChecks(t.app.services)).toBe(2);
    expect(await enqueueNotificationChecks(t.app.services)).toBe(2); // deduplicated while pending
    const jobs = await t.db('jobs').where({ kind: JOB.notify }).orderBy('store_hash').select('store_hash', 'dedupe_key', 'max_attempts');
    expect(jobs).toEqual([
      { store_hash: 'on1', dedupe_key: 'notify:on1', max_attempts: 1 },
      { store_hash: 'revoked1', dedupe_key: 'notify:revoked1', max_attempts: 1 },
    ]);
  });

  it('startScheduler runs the check on its own tick', async () => {
    const t = await withStores();
    t.app.services.config.smtp = { url: 'smtp://127.0.0.1:9', from: 'fb@sandbox.test' };
    // Each store's check falls at its own phase of the interval (server/scheduler), ticks every 10 ms here.
    const stop = startScheduler(t.app.services, { notifyEveryMs: 25, tickMs: 10 });
    closers.push(async () => stop());
    // In phase order, which depends on where in the interval the test starts: compared as a set.
    await vi.waitFor(async () => expect((await queued(t.db, JOB.notify)).map((j) => j.dedupeKey).sort()).toEqual(['notify:on1', 'notify:revoked1']), { timeout: 5_000 });
  });

  it('the job mails what the banner shows (here: BigCommerce revoked the token) to the SMTP server', async () => {
    const t = await withStores();
    const mailbox = new Mailbox();
    const smtp = await startMailCatcher({ mailbox, port: 0 });
    closers.push(() => smtp.close());
    t.app.services.config.smtp = { url: smtp.url, from: 'fb@sandbox.test' };
    await enqueueNotificationChecks(t.app.services);
    expect(await runQueued(t.app.services, [JOB.notify])).toBe(2);

    const mails = mailbox.list();
    const [alert] = await listAlerts(t.app.services, 'revoked1', Date.now());
    expect(alert?.kind).toBe('token_invalid');
    expect(mails.map((m) => m.subject)).toEqual([`[Store revoked1] ${alert!.message.split(' — ')[0]}`]);
    expect(mails[0]?.text).toContain(alert!.message);
    expect(mails[0]?.to).toEqual(['ops@example.com']);
    expect(await t.db('notifications_sent').select('store_hash', 'problem_key', 'error')).toEqual([{ store_hash: 'revoked1', problem_key: 'token_invalid', error: null }]);
  });
});
