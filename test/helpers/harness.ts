import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createApp } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import type { Config } from '../../server/config/env.js';
import type { AppDeps } from '../../server/services.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { testConfig } from './config.js';
import { LogCapture } from './log-capture.js';

export class FakeClock implements Clock {
  constructor(public ms = Date.now()) {}
  now() {
    return this.ms;
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  appUrl: string;
  sandbox: Sandbox;
  db: Db;
  logs: LogCapture;
  config: Config;
  clock: Clock;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return (server.address() as AddressInfo).port;
}

/**
 * The app and the BigCommerce sandbox on loopback, wired to each other: the app listens first
 * (the sandbox needs its URL for server-to-server callbacks), then gets its config.
 */
export async function startHarness(opts: { clock?: Clock; clientDir?: string; sandbox?: Partial<SandboxOptions>; deps?: Partial<AppDeps> } = {}): Promise<Harness> {
  const server = http.createServer();
  const port = await listen(server);
  const appUrl = `http://127.0.0.1:${port}`;
  const base = testConfig({ APP_URL: appUrl });
  const sandbox = await startSandbox({ clientId: base.clientId, clientSecret: base.clientSecret, appUrl, ...opts.sandbox });
  const config: Config = { ...base, bcLoginUrl: sandbox.url, bcApiUrl: sandbox.url };
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const logs = new LogCapture();
  const clock = opts.clock ?? { now: () => Date.now() };
  const app = createApp({ config, db, logger: logs.logger, clock, clientDir: opts.clientDir ?? '/nonexistent-client-dir', ...opts.deps });
  server.on('request', app);
  return {
    app,
    appUrl,
    sandbox,
    db,
    logs,
    config,
    clock,
    http: supertest(app),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
      await sandbox.close();
      await db.destroy();
    },
  };
}

/** The boot data the server put into the page's meta tag. */
export function bootDataOf(html: string): { exchangeCode?: string; path: string } {
  const m = /<meta name="fb-boot" content="([^"]*)">/.exec(html);
  if (!m?.[1]) throw new Error('page has no boot data');
  return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
}
