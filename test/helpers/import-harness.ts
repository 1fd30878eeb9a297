import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createApp } from '../../server/app.js';
import type { Config } from '../../server/config/env.js';
import { createFulfillmentClient } from '../../server/fulfillment/index.js';
import { createWorker } from '../../server/flows/runtime.js';
import type { JobWorker } from '../../server/jobs/index.js';
import { asError } from '../../server/jobs/rows.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { ORDER_SYNC_DEBOUNCE_MS } from '../../server/webhooks/topics.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { testConfig } from './config.js';
import { bootDataOf } from './harness.js';
import { LogCapture } from './log-capture.js';

export const STORE = 'sbx1234';
export const OWNER_ID = 1001;

export interface ImportHarness {
  app: ReturnType<typeof createApp>;
  appUrl: string;
  sandbox: Sandbox;
  warehouse: SandboxWarehouse;
  worker: JobWorker;
  db: Db;
  logs: LogCapture;
  config: Config;
  http: ReturnType<typeof supertest>;
  /** Session token of the store owner. */
  token: string;
  api(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown): Promise<supertest.Response>;
  /** Keep the order-sync debounce from now on (true) or skip it again (false, the default). */
  keepDebounce(keep: boolean): void;
  close(): Promise<void>;
}

export async function waitFor<T>(fn: () => Promise<T> | T, opts: { timeoutMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${opts.what ?? 'condition'} (last: ${JSON.stringify(last)})`);
}

const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;

/**
 * The whole loop on loopback: the app (with its job worker), the BigCommerce sandbox delivering
 * webhooks, and the sandbox warehouse. The store is installed, the backend connected, the
 * "Flat Rate" shipping method mapped, and the webhooks registered.
 */
export async function startImportHarness(
  opts: {
    sandbox?: Partial<SandboxOptions>;
    fulfillmentTimeoutMs?: number;
    connect?: boolean;
    clientDir?: string;
    /** Keep the receiver's one-second order-sync debounce (default: skipped, see skipDebounce). */
    keepDebounce?: boolean;
  } = {},
): Promise<ImportHarness> {
  const server = http.createServer();
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const warehouse = await startSandboxWarehouse({ appWebhookUrl: `${appUrl}/webhooks/fulfillment` });
  const base = testConfig({ APP_URL: appUrl, FULFILLMENT_API_URL: warehouse.url });
  // The loop tests are not about the quota: at the Standard 150 per 30 s the app's 60% share
  // (issue 9) runs out within a file and its later steps would wait for the next window. The quota
  // tests and benchmarks set their own.
  const sandbox = await startSandbox({ clientId: base.clientId, clientSecret: base.clientSecret, appUrl, webhookRetryScale: 0.001, quota: 2_000, ...opts.sandbox });
  const config: Config = { ...base, bcLoginUrl: sandbox.url, bcApiUrl: sandbox.url };
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const logs = new LogCapture();
  const app = createApp({
    config,
    db,
    logger: logs.logger,
    clock: { now: () => Date.now() },
    clientDir: opts.clientDir ?? '/nonexistent',
    fulfillmentFactory: createFulfillmentClient({ baseUrl: warehouse.url, timeoutMs: opts.fulfillmentTimeoutMs ?? 1_000 }),
  });
  server.on('request', app);
  const worker = createWorker(app.services, { pollMs: 20, leaseMs: 5_000, backoff: { baseMs: 50, capMs: 400, floorMs: 20 } });
  worker.start();
  const hurry = opts.keepDebounce ? undefined : skipDebounce(db, () => worker.wake());

  const st = supertest(app);
  expect200(await st.get(pathOf(sandbox.control.beginInstall(STORE).authUrl)));
  const page = await st.get(pathOf(sandbox.control.loadUrl(STORE, OWNER_ID)));
  const token = (await st.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token as string;
  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown) => {
    const req = st[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body as object);
  };
  // The install queued a webhook reconciliation; wait until BigCommerce has our hooks.
  await waitFor(() => sandbox.control.hooks(STORE).filter((h) => h.isActive).length >= 2, { what: 'webhooks registered' });
  if (opts.connect !== false) {
    const account = warehouse.control.accounts()[0]!;
    expect200(await api('put', '/api/settings/backend', { accountId: account.id, apiKey: account.apiKey }));
    expect200(await api('put', '/api/shipping-mappings', { method: 'Flat Rate', backendCode: 'GROUND' }));
  }

  return {
    app,
    appUrl,
    sandbox,
    warehouse,
    worker,
    db,
    logs,
    config,
    http: st,
    token,
    api,
    keepDebounce: (keep) => hurry?.pause(keep),
    async close() {
      await hurry?.stop();
      await worker.stop({ graceMs: 2_000 });
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
      await sandbox.close();
      await warehouse.close();
      await db.destroy();
    },
  };
}

/**
 * Brings a webhook's debounced order sync forward so it runs at once: every order of an end-to-end
 * test would otherwise wait out ORDER_SYNC_DEBOUNCE_MS (1 s) of real time, which was most of
 * these files' run time. Only first attempts due within the debounce are touched (retries keep
 * their backoff); the debounce itself is unit-tested (test/webhooks/event-jobs.test.ts).
 */
export function skipDebounce(db: Db, wake: () => void, everyMs = 10): { pause(paused: boolean): void; stop(): Promise<void> } {
  let failure: Error | undefined;
  let paused = false;
  let busy: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (paused) return;
    busy = (async () => {
      const now = Date.now();
      const moved = await db('jobs')
        .where({ state: 'pending', kind: JOB.orderSync, attempts: 0 })
        .andWhere('run_at', '>', now)
        .andWhere('run_at', '<=', now + ORDER_SYNC_DEBOUNCE_MS)
        .update({ run_at: now });
      if (moved > 0) wake();
    })().catch((err: unknown) => {
      failure ??= asError(err);
    });
  }, everyMs);
  return {
    pause: (p) => void (paused = p),
    async stop() {
      clearInterval(timer);
      await busy;
      if (failure) throw failure;
    },
  };
}

function expect200(res: { status: number; text: string }) {
  if (res.status !== 200) throw new Error(`setup step failed: ${res.status} ${res.text.slice(0, 300)}`);
}
