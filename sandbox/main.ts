import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '../server/main.js';
import { startSandbox } from './index.js';
import { startSandboxWarehouse } from './warehouse/index.js';

/*
 * `npm run sandbox`: the app and a local BigCommerce stand-in on this machine, with generated
 * secrets and an embedded SQLite file. Prints the one URL to open.
 */
const APP_PORT = Number(process.env.PORT ?? 3000);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 3100);
const WAREHOUSE_PORT = Number(process.env.WAREHOUSE_PORT ?? 3200);

async function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = http.createServer();
    probe.once('error', () => {
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

async function main() {
  const appPort = await freePort(APP_PORT);
  const sandboxPort = await freePort(SANDBOX_PORT);
  const warehousePort = await freePort(WAREHOUSE_PORT);
  // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1 where nothing listens.
  const appUrl = `http://127.0.0.1:${appPort}`;
  const clientId = `sandbox-${randomBytes(6).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('hex');

  // Secrets are generated per run and the sandbox keeps its state in memory, so the app's
  // database starts fresh too (tokens sealed with an old key could not be read anyway).
  const dbFile = './data/sandbox.sqlite';
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

  const warehouse = await startSandboxWarehouse({ port: warehousePort, appWebhookUrl: `${appUrl}/webhooks/fulfillment` });
  const sandbox = await startSandbox({ clientId, clientSecret, appUrl, port: sandboxPort, host: '127.0.0.1' });
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
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    { host: '127.0.0.1' },
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
    ].join('\n'),
  );

  const stop = async () => {
    await app.close();
    await sandbox.close();
    await warehouse.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
