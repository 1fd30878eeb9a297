// Issue 8 point 8: e-mail notifications: one mail per store, problem and hour, only for the kinds
// chosen, failures recorded (without the SMTP password), and a claim two runs cannot both win.
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertView } from '../../server/api/contract.js';
import type { OutgoingMail } from '../../server/notifications/mailer.js';
import { sendAlertMails, type NotifyDeps } from '../../server/notifications/send-alerts.js';
import { NotificationSettingsRepo } from '../../server/storage/notification-settings-repo.js';
import { NotificationsSentRepo } from '../../server/storage/notifications-sent-repo.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { LogCapture } from '../helpers/log-capture.js';

const MINUTE = 60_000;
const WAREHOUSE: AlertView = {
  kind: 'warehouse_unreachable',
  key: 'warehouse_unreachable',
  severity: 'critical',
  message: 'Warehouse unreachable since 10:40 — 12 orders waiting',
  since: '2026-03-02T10:40:00.000Z',
  action: { label: 'Check the warehouse connection', path: '/settings' },
};
const ATTENTION: AlertView = {
  kind: 'orders_need_attention',
  key: 'orders_need_attention',
  severity: 'warning',
  message: '3 orders need attention',
  since: null,
  action: { label: 'Review orders', path: '/orders?state=attention' },
};

class FakeMailer {
  sent: OutgoingMail[] = [];
  failWith: Error | null = null;
  async send(mail: OutgoingMail) {
    await new Promise((r) => setTimeout(r, 5)); // a real send takes a while: runs interleave here
    if (this.failWith) throw this.failWith;
    this.sent.push(mail);
  }
}

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup(opts: { kinds?: AlertView['kind'][]; enabled?: boolean } = {}) {
  const clock = new FakeClock(Date.parse('2026-03-02T10:45:00Z'));
  t = await bareApp({ clock });
  await t.install();
  await t.app.services.settings.get(STORE, clock.now());
  const settings = new NotificationSettingsRepo(t.db);
  await settings.save(
    STORE,
    { enabled: opts.enabled ?? true, recipients: ['ops@example.com', 'owner@example.com'], kinds: opts.kinds ?? ['warehouse_unreachable', 'orders_need_attention'] },
    clock.now(),
  );
  let alerts: AlertView[] = [WAREHOUSE];
  const mailer = new FakeMailer();
  const logs = new LogCapture();
  const deps = (): NotifyDeps => ({
    settings,
    sent: new NotificationsSentRepo(t!.db),
    listAlerts: async () => alerts,
    storeName: async () => 'Plant Shop',
    appLink: (hash) => `https://store-${hash}.mybigcommerce.com/manage/app/4242`,
    mailer,
    smtpUrl: 'smtp://mailer:S3cretPass@mail.example.com:587',
    clock,
    logger: logs.logger,
  });
  return { clock, mailer, logs, deps, setAlerts: (a: AlertView[]) => void (alerts = a), db: t.db };
}

describe('sendAlertMails', () => {
  it('mails a problem once, then not again within the hour, then again after it', async () => {
    const { clock, mailer, deps } = await setup();
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual(['warehouse_unreachable']);
    const [mail] = mailer.sent;
    expect(mail?.to).toEqual(['ops@example.com', 'owner@example.com']);
    expect(mail?.subject).toBe('[Plant Shop] Warehouse unreachable since 10:40');
    expect(mail?.text).toContain('Warehouse unreachable since 10:40 — 12 orders waiting');
    expect(mail?.text).toContain('What to do: Check the warehouse connection');
    expect(mail?.text).toContain(`https://store-${STORE}.mybigcommerce.com/manage/app/4242`);
    expect(mail?.html).toContain(`<a href="https://store-${STORE}.mybigcommerce.com/manage/app/4242">`);

    clock.advance(MINUTE);
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual([]);
    clock.advance(58 * MINUTE);
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual([]);
    clock.advance(MINUTE); // an hour after the first mail
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual(['warehouse_unreachable']);
    expect(mailer.sent).toHaveLength(2);
  });

  it('mails a second problem separately, within the first one’s hour', async () => {
    const { clock, mailer, deps, setAlerts } = await setup();
    await sendAlertMails(deps(), STORE);
    clock.advance(5 * MINUTE);
    setAlerts([WAREHOUSE, ATTENTION]);
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual(['orders_need_attention']);
    expect(mailer.sent.map((m) => m.subject)).toEqual(['[Plant Shop] Warehouse unreachable since 10:40', '[Plant Shop] 3 orders need attention']);
  });

  it('does not mail kinds the merchant did not choose, nor anything when notifications are off or SMTP is missing', async () => {
    const chosen = await setup({ kinds: ['orders_need_attention'] });
    chosen.setAlerts([WAREHOUSE, ATTENTION]);
    expect((await sendAlertMails(chosen.deps(), STORE)).sent).toEqual(['orders_need_attention']);
    await t!.close();

    const off = await setup({ enabled: false });
    expect(await sendAlertMails(off.deps(), STORE)).toEqual({ sent: [], failed: [] });
    expect(await sendAlertMails({ ...off.deps(), mailer: null }, STORE)).toEqual({ sent: [], failed: [] });
    expect(off.mailer.sent).toEqual([]);
    expect(await off.db('notifications_sent').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('records a failed send for Settings, logs it without the SMTP password, and tries again after 10 minutes', async () => {
    const { clock, mailer, deps, logs } = await setup();
    mailer.failWith = Object.assign(new Error('Invalid login: 535 Authentication failed for mailer:S3cretPass'), {
      code: 'EAUTH',
      response: '535 Authentication failed for mailer:S3cretPass',
    });
    expect(await sendAlertMails(deps(), STORE)).toEqual({ sent: [], failed: ['warehouse_unreachable'] });

    const failure = await new NotificationsSentRepo(t!.db).lastFailure(STORE);
    expect(failure?.error).toMatch(/^The mail server did not accept the user name and password in SMTP_URL \(535 Authentication failed/);
    expect(failure?.error).not.toContain('S3cretPass');
    expect(logs.text()).toContain('notification e-mail could not be sent');
    expect(logs.text()).not.toContain('S3cretPass');

    mailer.failWith = null;
    clock.advance(9 * MINUTE);
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual([]);
    clock.advance(MINUTE);
    expect((await sendAlertMails(deps(), STORE)).sent).toEqual(['warehouse_unreachable']);
    expect(await new NotificationsSentRepo(t!.db).lastFailure(STORE)).toBeNull();
  });

  it('sends once when two runs (two instances) check the same problem at the same time', async () => {
    const { mailer, deps } = await setup();
    const outcomes = await Promise.all([sendAlertMails(deps(), STORE), sendAlertMails(deps(), STORE), sendAlertMails(deps(), STORE)]);
    expect(outcomes.flatMap((o) => o.sent)).toEqual(['warehouse_unreachable']);
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('NotificationsSentRepo.claim', () => {
  it('is one statement: a claim an hour old is taken over, a fresh one is not', async () => {
    const { db } = await setup();
    const repo = new NotificationsSentRepo(db);
    const t0 = Date.parse('2026-03-02T10:00:00Z');
    expect(await repo.claim(STORE, 'k', t0)).toBe(true);
    expect(await repo.claim(STORE, 'k', t0)).toBe(false);
    expect(await repo.claim(STORE, 'k', t0 + 60 * MINUTE - 1)).toBe(false);
    expect(await repo.claim(STORE, 'k', t0 + 60 * MINUTE)).toBe(true);
    expect(await repo.claim(STORE, 'other', t0 + 60 * MINUTE)).toBe(true);
  });
});
