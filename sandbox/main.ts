import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { ConfigError } from '../server/config/env.js';
import { boundedShutdown } from '../server/bounded-shutdown.js';
import { startServer } from '../server/main.js';
import { startSandbox } from './index.js';
import { checkPortsFree, explainListenError, SandboxStartError, sandboxPorts, type SandboxPort } from './ports.js';
import { startSandboxWarehouse } from './warehouse/index.js';
import { Mailbox } from './mail/mailbox.js';
import { startMailCatcher } from './mail/smtp.js';

/*
 * `npm run sandbox`: the app and a local BigCommerce stand-in on this machine, with generated
 * secrets and an embedded SQLite file. Prints the one URL to open.
 */
const HOST = '127.0.0.1';

async function main() {
  const ports = sandboxPorts(process.env);
  const [appPort, sandboxPort, warehousePort, smtpPort] = ports.map((p) => p.port) as [number, number, number, number];
  // Fixed ports, checked up front: the printed URLs and the app's callbacks depend on them.
  await checkPortsFree(ports, HOST);
  // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1 where nothing listens.
  const appUrl = `http://${HOST}:${appPort}`;
  const clientId = `sandbox-${randomBytes(6).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('hex');

  // Secrets are generated per run and the sandbox keeps its state in memory, so the app's
  // database starts fresh too (tokens sealed with an old key could not be read anyway).
  const dbFile = './data/sandbox.sqlite';
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

  const warehouse = await startSandboxWarehouse({ port: warehousePort, appWebhookUrl: `${appUrl}/webhooks/fulfillment` });
  // E-mail notifications go to a local catcher, shown at the sandbox's /mail page.
  const mailbox = new Mailbox();
  const mailCatcher = await startMailCatcher({ mailbox, port: smtpPort, host: HOST });
  const sandbox = await startSandbox({ clientId, clientSecret, appUrl, port: sandboxPort, host: HOST, mail: { mailbox, smtpUrl: mailCatcher.url } });
  const sandboxUrl = sandbox.url;
  const app = await startServer(
    {
      ...process.env,
      CLIENT_ID: clientId,
      CLIENT_SECRET: clientSecret,
      APP_URL: appUrl,
      PORT: String(appPort),
      DATABASE_URL: `sqlite:${dbFile}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BC_LOGIN_URL: sandboxUrl,
      BC_API_URL: sandboxUrl,
      FULFILLMENT_API_URL: warehouse.url,
      SMTP_URL: mailCatcher.url,
      SMTP_FROM: 'Fulfillment Bridge <fulfillment-bridge@sandbox.test>',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    { host: HOST },
  );

  const account = warehouse.control.accounts()[0];
  console.log(
    [
      '',
      '  Fulfillment Bridge sandbox is running.',
      '',
      `  Open the BigCommerce sandbox control panel: ${sandboxUrl}/`,
      '',
      `  Sandbox warehouse (orders received, ship/cancel, faults): ${warehouse.url}/`,
      `  Connect it in the app's Settings with account id "${account?.id}" and API key "${account?.apiKey}".`,
      '',
      `  E-mails the app sends (Settings › Notifications): ${sandboxUrl}/mail`,
      '',
    ].join('\n'),
  );

  const stop = boundedShutdown({
    close: async () => {
      await app.close();
      await sandbox.close();
      await warehouse.close();
      await mailCatcher.close();
    },
    timeoutMs: 15_000,
    logger: app.logger,
    exit: (code) => process.exit(code),
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const known = err instanceof SandboxStartError || err instanceof ConfigError ? err : explainListenError(err, safePorts());
  if (!known) throw err;
  console.error(known.message);
  process.exit(1);
});

function safePorts(): SandboxPort[] {
  try {
    return sandboxPorts(process.env);
  } catch {
    return [];
  }
}
