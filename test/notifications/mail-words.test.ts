// Issue 8 point 8: what a mail says and where its link goes; SMTP errors in words without secrets.
import { describe, expect, it } from 'vitest';
import { decodeWords, parseMail } from '../../sandbox/mail/parse.js';
import { appLinkFor } from '../../server/notifications/app-link.js';
import { alertMail } from '../../server/notifications/compose.js';
import { smtpErrorInWords } from '../../server/notifications/mailer.js';

describe('appLinkFor', () => {
  it('opens the app in the control panel when the app id is known, else the control panel', () => {
    expect(appLinkFor({ bcLoginUrl: 'https://login.bigcommerce.com', bcAppId: '4242' }, 'abc123')).toBe('https://store-abc123.mybigcommerce.com/manage/app/4242');
    expect(appLinkFor({ bcLoginUrl: 'https://login.bigcommerce.com', bcAppId: null }, 'abc123')).toBe('https://store-abc123.mybigcommerce.com/manage');
    expect(appLinkFor({ bcLoginUrl: 'http://127.0.0.1:3100', bcAppId: null }, 'abc123')).toBe('http://127.0.0.1:3100/manage/app?store=abc123');
  });
});

describe('alertMail', () => {
  it('escapes the HTML version and leaves out a missing action', () => {
    const mail = alertMail(
      { storeName: 'Tom & Jerry <Shop>', appLink: 'https://store-x.mybigcommerce.com/manage', recipients: ['a@example.com'] },
      { kind: 'quota_exhausted', key: 'quota_exhausted', severity: 'warning', message: 'API quota used up <b>now</b>', since: null, action: null },
    );
    expect(mail.subject).toBe('[Tom & Jerry <Shop>] API quota used up <b>now</b>');
    expect(mail.html).toContain('<p>API quota used up &#60;b&#62;now&#60;/b&#62;</p>');
    expect(mail.text).not.toContain('What to do');
    expect(mail.text).toContain('Open Fulfillment Bridge: https://store-x.mybigcommerce.com/manage');
  });
});

describe('alertMail subject', () => {
  it('is the problem’s first clause, or the whole notice', () => {
    const ctx = { storeName: 'Plant Shop', appLink: 'https://x.test', recipients: ['a@example.com'] };
    const base = { kind: 'webhooks_deactivated', key: 'k', since: null, action: null } as const;
    expect(alertMail(ctx, { ...base, severity: 'warning', message: 'Webhooks deactivated — new orders reach the app late' }).subject).toBe('[Plant Shop] Webhooks deactivated');
    expect(alertMail(ctx, { ...base, severity: 'info', message: 'Webhooks deactivated — repaired at 10:40' }).subject).toBe(
      '[Plant Shop] Webhooks deactivated — repaired at 10:40',
    );
  });
});

describe('smtpErrorInWords', () => {
  it('names the failure and hides the SMTP credentials, raw or URL-encoded', () => {
    const url = 'smtp://alerts%40shop.test:p%40ss-Word9@mail.example.com:587';
    const err = Object.assign(new Error('x'), { code: 'EAUTH', response: '535 5.7.8 alerts@shop.test / p@ss-Word9 rejected' });
    const words = smtpErrorInWords(err, url);
    expect(words).toBe('The mail server did not accept the user name and password in SMTP_URL (535 5.7.8 [hidden] / [hidden] rejected).');
    expect(smtpErrorInWords(new Error('could not use smtp://u:p@host'), undefined)).toBe('The e-mail could not be sent: could not use smtp://[hidden]@host');
    expect(smtpErrorInWords(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }))).toBe(
      'The mail server could not be reached (connect ECONNREFUSED 127.0.0.1:25).',
    );
  });
});

describe('sandbox mail parsing', () => {
  it('joins encoded words, and reads multipart quoted-printable and base64 bodies', () => {
    expect(decodeWords('=?UTF-8?Q?Warehouse_unreachable_=E2=80=94?= =?UTF-8?Q?_12_orders?=')).toBe('Warehouse unreachable — 12 orders');
    expect(decodeWords('=?utf-8?B?UGxhbnQgU2hvcA==?= <a@b.test>')).toBe('Plant Shop <a@b.test>');
    const raw = [
      'From: =?UTF-8?Q?Caf=C3=A9?= <cafe@shop.test>',
      'To: a@x.test,',
      ' b@x.test',
      'Subject: Hi',
      'Content-Type: multipart/alternative; boundary="--b1"',
      '',
      '----b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'since 10:40 =E2=80=94 a long line that was wrapped by the encoder and conti=',
      'nues here',
      '----b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>Caf\u00e9</p>').toString('base64'),
      '----b1--',
      '',
    ].join('\r\n');
    expect(parseMail(raw)).toEqual({
      from: 'Café <cafe@shop.test>',
      to: ['a@x.test', 'b@x.test'],
      subject: 'Hi',
      text: 'since 10:40 — a long line that was wrapped by the encoder and continues here',
      html: '<p>Café</p>',
    });
  });
});
