// A local SMTP catcher for `npm run sandbox` and tests: accepts every message (and any user name
// and password) on loopback, keeps it in a Mailbox, delivers nothing.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Mailbox } from './mailbox.js';

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>: the app's SMTP_URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export async function startMailCatcher(opts: { mailbox: Mailbox; port?: number; host?: string }): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (no certificate to trust), sign-in optional and always accepted.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Fulfillment Bridge sandbox mail catcher',
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'sandbox' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large for the sandbox'), { responseCode: 552 }));
        const mailFrom = session.envelope.mailFrom;
        const envelope = { from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        opts.mailbox.add(Buffer.concat(chunks).toString('utf8'), envelope, typeof session.user === 'string' ? session.user : null);
        callback();
      });
    },
  });
  let listening = false;
  await new Promise<void>((resolve, reject) => {
    // SMTPServer re-emits listen and connection errors; unhandled, one would end the process. A
    // client that drops its connection is its own business.
    server.on('error', (err) => {
      if (!listening) reject(err);
    });
    server.listen(opts.port ?? 0, host, () => {
      listening = true;
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
