import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { boundedShutdown } from './bounded-shutdown.js';
import { closeHttpServer } from './http/close-server.js';
import { createWorker, startScheduler } from './flows/runtime.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { createLogger, type Logger } from './logging/logger.js';
import { migrateToLatest, openDatabase } from './storage/db.js';
import { DatabaseFileError } from './storage/db-file-check.js';

const here = dirname(fileURLToPath(import.meta.url));
/** A stopped server exits within this, whatever is stuck (README, Deploying). */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/** dist/client when running the build, or the same folder relative to the sources. */
export function defaultClientDir(): string {
  // From server/ (tsx) or dist/server/server/ (compiled), the built UI is <root>/dist/client.
  const root = here.includes(`${'dist'}/server`) ? resolve(here, '../../..') : resolve(here, '..');
  return resolve(root, 'dist/client');
}

export interface RunningServer {
  url: string;
  config: Config;
  logger: Logger;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app and listens. Used by `npm start` and the sandbox. */
export async function startServer(env: NodeJS.ProcessEnv, opts: { host?: string; logger?: Logger } = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = opts.logger ?? createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl, { warn: (message) => logger.warn(message) });
  await migrateToLatest(db);
  const app = createApp({ config, db, logger, clock: systemClock, clientDir: defaultClientDir() });
  // Background work runs in the same process: the job worker and the periodic safety nets.
  const worker = createWorker(app.services);
  worker.start();
  const stopScheduler = startScheduler(app.services);
  const server = app.listen(config.port, opts.host ?? '0.0.0.0');
  await new Promise<void>((res, rej) => server.once('listening', res).once('error', rej));
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'Fulfillment Bridge listening');
  return {
    url: `http://localhost:${port}`,
    config,
    logger,
    async close() {
      await stopScheduler();
      // Requests in flight get 5 s, running jobs 10 s (then they are handed back), side by side;
      // the database closes last. main() force-exits if this still takes more than 15 s.
      const stopped = await Promise.allSettled([closeHttpServer(server, 5_000), worker.stop({ graceMs: 10_000 })]);
      await db.destroy();
      for (const r of stopped) if (r.status === 'rejected') throw r.reason;
    },
  };
}

async function main() {
  try {
    const running = await startServer(process.env);
    const stop = boundedShutdown({ close: () => running.close(), timeoutMs: SHUTDOWN_TIMEOUT_MS, logger: running.logger, exit: (code) => process.exit(code) });
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (err) {
    // Bad configuration or an unusable database file: the message says what to do; no stack.
    if (err instanceof ConfigError || err instanceof DatabaseFileError) {
      // eslint-disable-next-line no-console -- boot failed before there is a logger; one readable line on stderr
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
