// Webhook acknowledgement benchmark: throughput of the receiver with its durable write versus a
// bare Express handler, and p99 latency at a fixed 200 requests/s. Each server runs in its own
// process (pinned to CPU 0 when taskset exists); autocannon drives it from this process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { signStandardWebhook } from '../server/webhooks/standard-webhooks.js';
import { SECRET_HEADER } from '../server/webhooks/topics.js';

interface Started {
  child: ChildProcess;
  port: number;
  secret?: string;
  clientSecret?: string;
  storeHash?: string;
}

async function startServer(mode: 'bare' | 'app'): Promise<Started> {
  const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];
  const [cmd, ...args] = [...pin, process.execPath, '--import', 'tsx', 'bench/fixtures/ack-server.ts', mode];
  const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...JSON.parse(line) };
}

function body(storeHash: string, i: number): string {
  return JSON.stringify({ scope: 'store/order/created', store_id: '1', producer: `stores/${storeHash}`, hash: randomUUID(), created_at: 0, data: { type: 'order', id: 1 + (i % 5000) } });
}

function run(s: Started, opts: { connections: number; duration: number; overallRate?: number }) {
  let i = 0;
  const storeHash = s.storeHash ?? 'bench1';
  return autocannon({
    url: `http://127.0.0.1:${s.port}/webhooks/bigcommerce`,
    method: 'POST',
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const b = body(storeHash, i++);
          const id = `msg_${i}`;
          const ts = Math.floor(Date.now() / 1000);
          const headers: Record<string, string> = { 'content-type': 'application/json', ...(req.headers as Record<string, string>) };
          if (s.secret && s.clientSecret) {
            headers[SECRET_HEADER] = s.secret;
            headers['webhook-id'] = id;
            headers['webhook-timestamp'] = String(ts);
            headers['webhook-signature'] = signStandardWebhook(id, ts, b, s.clientSecret);
          }
          return { ...req, body: b, headers };
        },
      },
    ],
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Keeps the load generator off the servers' core, so it never competes with the server measured. */
function pinSelfToCpu1(): boolean {
  if (spawnSync('taskset', ['--version']).status !== 0) return false;
  return spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

export async function benchWebhookAck(opts: { runs?: number; duration?: number } = {}) {
  const pinned = pinSelfToCpu1();
  const runs = opts.runs ?? 3;
  const duration = opts.duration ?? 8;
  const results: Record<'bare' | 'app', number[]> = { bare: [], app: [] };
  const errors: Record<'bare' | 'app', number> = { bare: 0, app: 0 };
  const servers = { bare: await startServer('bare'), app: await startServer('app') };
  try {
    for (const mode of ['bare', 'app'] as const) await run(servers[mode], { connections: 50, duration: 2 }); // warm-up
    for (let r = 0; r < runs; r++) {
      for (const mode of ['bare', 'app'] as const) {
        const res = await run(servers[mode], { connections: 50, duration });
        results[mode].push(res.requests.average);
        errors[mode] += res.non2xx + res.errors + res.timeouts;
      }
    }
    const fixed = await run(servers.app, { connections: 10, duration: 10, overallRate: 200 });
    const bare = median(results.bare);
    const app = median(results.app);
    return {
      throughput: { bareReqPerSec: bare, appReqPerSec: app, ratio: app / bare, runs: results, non2xx: errors },
      pinned,
      fixedRate200: { p50Ms: fixed.latency.p50, p99Ms: fixed.latency.p99, maxMs: fixed.latency.max, reqPerSec: fixed.requests.average, non2xx: fixed.non2xx + fixed.errors },
    };
  } finally {
    servers.bare.child.kill('SIGKILL');
    servers.app.child.kill('SIGKILL');
  }
}
