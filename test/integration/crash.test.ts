import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { testEnv } from '../helpers/config.js';
import { waitFor } from '../helpers/import-harness.js';
import { SCHEDULED_FOLLOW_UPS } from '../helpers/queue-idle.js';
import { openDatabase } from '../../server/storage/db.js';

const STORE = 'sbx1234';
// Exactly once across a kill does not depend on the storm's size (the 1,000-order storm on two
// instances is test/postgres/two-instances-kill.test.ts): enough orders that the kill lands with
// jobs leased, webhooks in flight and most of the storm still to come.
const ORDERS = 40;

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

let child: ChildProcess | undefined;
let replacement: AppProcess | undefined;
let sandbox: Sandbox | undefined;
let warehouse: SandboxWarehouse | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  replacement?.proc.kill('SIGKILL');
  await sandbox?.close();
  await warehouse?.close();
});

/** No job waiting or running in the app process's database (scheduled follow-ups left out). */
async function appQueueIdle(file: string): Promise<boolean> {
  const db = openDatabase(`sqlite:${file}`);
  try {
    const [row]: Array<{ n: number }> = await db('jobs').whereIn('state', ['pending', 'running']).whereNotIn('kind', SCHEDULED_FOLLOW_UPS).count({ n: '*' });
    return Number(row?.n) === 0;
  } finally {
    await db.destroy();
  }
}

interface AppProcess {
  proc: ChildProcess;
  /** Resolves when the process writes `line` to stdout; rejects if it exits first. */
  says(line: string): Promise<void>;
}

/** The app in its own process (fixtures/app-process.ts); `hold`: loaded, but serving only once told to. */
function spawnApp(env: Record<string, string>, opts: { hold?: boolean } = {}): AppProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/integration/fixtures/app-process.ts'], {
    env: { ...process.env, ...env, APP_HOLD: opts.hold ? '1' : '0' },
    stdio: [opts.hold ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout! });
  const says = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const onLine = (l: string) => {
        if (l !== line) return;
        done();
        resolve();
      };
      const onExit = (code: number | null) => {
        done();
        reject(new Error(`app exited before it said "${line}" (${code})`));
      };
      const done = () => {
        lines.off('line', onLine);
        proc.off('exit', onExit);
      };
      lines.on('line', onLine);
      proc.once('exit', onExit);
    });
  return { proc, says };
}

async function startApp(env: Record<string, string>): Promise<ChildProcess> {
  const app = spawnApp(env);
  await app.says('ready');
  return app.proc;
}

describe('a process killed mid-storm', () => {
  it('delivers every order exactly once after restart', async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    warehouse = await startSandboxWarehouse({ appWebhookUrl: `${appUrl}/webhooks/fulfillment` });
    const dbFile = join(mkdtempSync(join(tmpdir(), 'fb-crash-')), 'app.sqlite');
    const base = testEnv({ APP_URL: appUrl, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${dbFile}` });
    sandbox = await startSandbox({ clientId: base.CLIENT_ID!, clientSecret: base.CLIENT_SECRET!, appUrl, webhookRetryScale: 0.001, quota: 10_000 });
    const env = { ...base, BC_LOGIN_URL: sandbox.url, BC_API_URL: sandbox.url, FULFILLMENT_API_URL: warehouse.url };
    // The process that replaces the killed one loads its modules meanwhile (held until the kill),
    // so the restart costs what a restart costs, not seconds of loading TypeScript.
    replacement = spawnApp(env, { hold: true });
    const replacementLoaded = replacement.says('loaded');
    replacementLoaded.catch(() => undefined); // awaited below; a failure before then is reported there
    child = await startApp(env);

    // Install, sign in, connect the warehouse and map the shipping method, over real HTTP.
    expect((await fetch(sandbox.control.beginInstall(STORE).authUrl)).status).toBe(200);
    const page = await (await fetch(sandbox.control.loadUrl(STORE, 1001))).text();
    const code = JSON.parse(Buffer.from(/name="fb-boot" content="([^"]+)"/.exec(page)![1]!, 'base64url').toString()).exchangeCode;
    const { token } = (await (
      await fetch(`${appUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    ).json()) as { token: string };
    const api = (path: string, body: unknown) =>
      fetch(`${appUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const account = warehouse.control.accounts()[0]!;
    expect((await api('/api/settings/backend', { accountId: account.id, apiKey: account.apiKey })).status).toBe(200);
    expect((await api('/api/shipping-mappings', { method: 'Flat Rate', backendCode: 'GROUND' })).status).toBe(200);
    await waitFor(() => sandbox!.control.hooks(STORE).filter((h) => h.isActive).length >= 2, { what: 'hooks' });

    await replacementLoaded;
    const orders = sandbox.control.createOrders(STORE, ORDERS, { statusId: 11, storm: true });
    const ids = new Set(orders.map((o) => o.id));
    const atWarehouse = () => warehouse!.control.orders().filter((o) => ids.has((o.body.external_ref as { order_id: number }).order_id));
    await waitFor(() => atWarehouse().length >= 5, { what: 'storm under way' });
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const beforeRestart = atWarehouse().length;
    expect(beforeRestart).toBeLessThan(ORDERS);

    const ready = replacement.says('ready');
    replacement.proc.stdin!.write('go\n');
    await ready;
    child = replacement.proc;
    replacement = undefined;
    await waitFor(() => atWarehouse().length === ORDERS, { what: 'every order delivered', timeoutMs: 60_000 });
    // Let retries and redeliveries play out: once BigCommerce has nothing left to deliver and the
    // app's queue holds no job waiting or running, no further create can happen. Then count.
    await sandbox.control.webhooks.idle();
    await waitFor(() => appQueueIdle(dbFile), { what: "the app's queue idle", timeoutMs: 30_000 });
    expect(atWarehouse()).toHaveLength(ORDERS);
    const created = warehouse.control.requests.filter((r) => r.outcome === 'created');
    const perKey = new Map<string, number>();
    for (const r of created) perKey.set(r.idempotencyKey!, (perKey.get(r.idempotencyKey!) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(perKey.size).toBe(ORDERS);
  }, 120_000);
});
