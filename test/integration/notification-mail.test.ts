// Issue 8 point 8: e-mails go out through nodemailer and can be seen in the sandbox's mail catcher
// (SMTP on an ephemeral port, listed at /mail and /mail.json of the sandbox BigCommerce).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { Mailbox } from '../../sandbox/mail/mailbox.js';
import { startMailCatcher, type MailCatcher } from '../../sandbox/mail/smtp.js';
import type { CaughtMail } from '../../sandbox/mail/mailbox.js';
import { alertMail } from '../../server/notifications/compose.js';
import { smtpMailer } from '../../server/notifications/mailer.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function catcher(): Promise<{ mailbox: Mailbox; smtp: MailCatcher; sandbox: Sandbox; mails(): Promise<CaughtMail[]> }> {
  const mailbox = new Mailbox();
  const smtp = await startMailCatcher({ mailbox, port: 0 });
  closers.push(() => smtp.close());
  const sandbox = await startSandbox({ clientId: 'c', clientSecret: 's', appUrl: 'http://127.0.0.1:9', mail: { mailbox, smtpUrl: smtp.url } });
  closers.push(() => sandbox.close());
  const mails = async () => ((await (await fetch(`${sandbox.url}/mail.json`)).json()) as { mails: CaughtMail[] }).mails;
  return { mailbox, smtp, sandbox, mails };
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('sandbox mail catcher', () => {
  it('receives an alert mail sent with nodemailer (any sign-in accepted) and lists it at /mail.json and /mail', async () => {
    const { smtp, sandbox, mails } = await catcher();
    const url = smtp.url.replace('smtp://', 'smtp://alerts%40shop.test:any-Password-1@');
    const mail = alertMail(
      { storeName: 'Plant Shop', appLink: `https://store-${STORE}.mybigcommerce.com/manage/app/4242`, recipients: ['ops@example.com', 'owner@example.com'] },
      {
        kind: 'warehouse_unreachable',
        key: 'warehouse_unreachable',
        severity: 'critical',
        message: 'Warehouse unreachable since 10:40 — 12 orders waiting',
        since: null,
        action: { label: 'Check the warehouse connection', path: '/settings' },
      },
    );
    await smtpMailer({ url, from: 'Fulfillment Bridge <fb@sandbox.test>' }).send(mail);

    const [caught, ...rest] = await mails();
    expect(rest).toEqual([]);
    expect(caught).toMatchObject({
      subject: '[Plant Shop] Warehouse unreachable since 10:40',
      from: 'Fulfillment Bridge <fb@sandbox.test>',
      to: ['ops@example.com', 'owner@example.com'],
      envelope: { from: 'fb@sandbox.test', to: ['ops@example.com', 'owner@example.com'] },
      authUser: 'alerts@shop.test',
    });
    expect(caught?.text).toContain('Warehouse unreachable since 10:40 — 12 orders waiting');
    expect(caught?.text).toContain(`Open Fulfillment Bridge: https://store-${STORE}.mybigcommerce.com/manage/app/4242`);
    expect(caught?.html).toContain('<a href="https://store-abc123.mybigcommerce.com/manage/app/4242">Open Fulfillment Bridge</a>');
    expect(JSON.stringify(caught)).not.toContain('any-Password-1');

    const page = await (await fetch(`${sandbox.url}/mail`)).text();
    expect(page).toContain('[Plant Shop] Warehouse unreachable since 10:40');
    expect(page).toContain('1 e-mail caught');

    expect((await fetch(`${sandbox.url}/mail.json`, { method: 'DELETE' })).status).toBe(415);
    expect((await fetch(`${sandbox.url}/mail.json`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' } })).status).toBe(204);
    expect(await mails()).toEqual([]);
  });

  it('keeps the newest 200 e-mails, newest first', () => {
    const mailbox = new Mailbox();
    for (let i = 1; i <= 205; i++) mailbox.add(`Subject: mail ${i}\r\n\r\nbody ${i}\r\n`, { from: 'a@x.test', to: ['b@x.test'] }, null);
    const list = mailbox.list();
    expect(list).toHaveLength(200);
    expect(list[0]?.subject).toBe('mail 205');
    expect(list.at(-1)?.subject).toBe('mail 6');
  });
});

describe('POST /api/settings/notifications/test through SMTP', () => {
  async function app(smtpUrl: string): Promise<SignedInApp> {
    const t = await signedInBareApp();
    closers.push(() => t.close());
    // The routes read the configuration per request; SMTP is the only thing this test changes.
    t.app.services.config.smtp = { url: smtpUrl, from: 'Fulfillment Bridge <fb@sandbox.test>' };
    return t;
  }

  it('sends the test e-mail to the recipients in the form, and says so', async () => {
    const { smtp, mails } = await catcher();
    const t = await app(smtp.url);
    expect((await t.api('get', '/api/settings/notifications')).body.smtpConfigured).toBe(true);
    const r = await t.api('post', '/api/settings/notifications/test', { recipients: ['ops@example.com'] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, message: 'Test e-mail sent to ops@example.com.' });
    const [caught] = await mails();
    expect(caught?.subject).toBe(`[Store ${STORE}] Test e-mail from Fulfillment Bridge`);
    expect(caught?.to).toEqual(['ops@example.com']);
    // The sandbox BigCommerce is on loopback: the link opens its control-panel page for the store.
    expect(caught?.text).toContain(`http://127.0.0.1:9/manage/app?store=${STORE}`);
  });

  it('answers the SMTP error in words, without the password, when the mail server cannot be reached', async () => {
    const t = await app(`smtp://mailer:Pa55-word-xyz@127.0.0.1:${await closedPort()}`);
    const r = await t.api('post', '/api/settings/notifications/test', { recipients: ['ops@example.com'] });
    expect(r.status).toBe(502);
    expect(r.body.error.message).toMatch(/^The test e-mail was not sent: The mail server could not be reached \(.*ECONNREFUSED/);
    expect(JSON.stringify(r.body)).not.toContain('Pa55-word-xyz');
    expect(t.logs.text()).not.toContain('Pa55-word-xyz');
  });
});
