import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/env.js';

/** One e-mail, plain text with a simple HTML alternative. */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Sends or throws; the job and the test button turn the error into words (smtpErrorInWords). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Nodemailer over SMTP_URL. The timeouts are short because a job and a button wait for the answer
 * (nodemailer's own socket timeout is ten minutes).
 */
export function smtpMailer(smtp: SmtpConfig, timeouts = { connectMs: 10_000, socketMs: 20_000 }): Mailer {
  const transport = nodemailer.createTransport({
    url: smtp.url,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    // Nodemailer logs nothing by default; say so, since its debug output would include credentials.
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}

const WORDS: Record<string, string> = {
  ECONNECTION: 'the mail server closed the connection',
  ETIMEDOUT: 'the mail server did not answer in time',
  ESOCKET: 'the mail server could not be reached',
  EDNS: 'the mail server’s name could not be found',
  ETLS: 'a secure connection to the mail server could not be set up',
  EAUTH: 'the mail server did not accept the user name and password in SMTP_URL',
  ENOAUTH: 'the mail server asks for a user name and password; add them to SMTP_URL',
  EENVELOPE: 'the mail server refused the sender or a recipient',
  EMESSAGE: 'the mail server refused the message',
  EPROTOCOL: 'the mail server gave an answer that could not be understood',
};

/** The SMTP URL's user name and password, raw and URL-decoded: never allowed into a message. */
function secretsOf(smtpUrl: string | undefined): string[] {
  if (!smtpUrl || !URL.canParse(smtpUrl)) return [];
  const u = new URL(smtpUrl);
  const out = new Set<string>();
  for (const v of [u.password, u.username]) {
    if (!v) continue;
    out.add(v);
    try {
      out.add(decodeURIComponent(v));
    } catch {
      // Malformed escapes: the raw value is scrubbed already.
    }
  }
  return [...out].filter((v) => v.length >= 3);
}

/**
 * A send failure as a merchant-readable sentence: what went wrong in words, then the server's
 * answer. The SMTP credentials are removed from it, so it may be stored, logged and shown.
 */
export function smtpErrorInWords(err: unknown, smtpUrl?: string): string {
  const e = err as { code?: unknown; response?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const detail = typeof e?.response === 'string' && e.response ? e.response : typeof e?.message === 'string' ? e.message : String(err);
  const words = WORDS[code];
  let text = words ? `${words[0]!.toUpperCase()}${words.slice(1)} (${detail.trim()}).` : `The e-mail could not be sent: ${detail.trim()}`;
  for (const secret of secretsOf(smtpUrl)) text = text.split(secret).join('[hidden]');
  return text.replace(/(smtps?:\/\/)[^@\s/]*@/gi, '$1[hidden]@').slice(0, 500);
}
