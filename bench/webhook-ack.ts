// Webhook acknowledgement benchmark: throughput of the receiver with its durable write versus a
// bare Express handler, and p99 latency at a fixed 200 requests/s. The receiver is measured with
// the app's synchronous=FULL and, for comparison, with NORMAL (what power-cut durability costs).
// Each server runs in its own process (pinned to CPU 0 when taskset exists); autocannon drives it
// from this process.
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

type Mode = 'bare' | 'app' | 'app-normal';

async function startServer(mode: Mode): Promise<Started> {
  const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];
  const [cmd, ...args] = [...pin, process.execPath, '--import', 'tsx', 'bench/fixtures/ack-server.ts', mode];
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  // The server's first line announces where it listens (bench/fixtures/ack-server.ts).
  return { child, ...(JSON.parse(line) as Omit<Started, 'child'>) };
}

function body(storeHash: string, i: number): string {
  return JSON.stringify({
    scope: 'store/order/created',
    store_id: '1',
    producer: `stores/${storeHash}`,
    hash: randomUUID(),
    created_at: 0,
    data: { type: 'order', id: 1 + (i % 5000) },
  });
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
  const modes = ['bare', 'app', 'app-normal'] as const;
  const results: Record<Mode, number[]> = { bare: [], app: [], 'app-normal': [] };
  const errors: Record<Mode, number> = { bare: 0, app: 0, 'app-normal': 0 };
  const servers = { bare: await startServer('bare'), app: await startServer('app'), 'app-normal': await startServer('app-normal') };
  try {
    for (const mode of modes) await run(servers[mode], { connections: 50, duration: 2 }); // warm-up
    for (let r = 0; r < runs; r++) {
      for (const mode of modes) {
        const res = await run(servers[mode], { connections: 50, duration });
        results[mode].push(res.requests.average);
        errors[mode] += res.non2xx + res.errors + res.timeouts;
      }
    }
    const fixed = await run(servers.app, { connections: 10, duration: 10, overallRate: 200 });
    const fixedNormal = await run(servers['app-normal'], { connections: 10, duration: 10, overallRate: 200 });
    const bare = median(results.bare);
    const app = median(results.app);
    const appNormal = median(results['app-normal']);
    const latency = (r: autocannon.Result) => ({ p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, reqPerSec: r.requests.average, non2xx: r.non2xx + r.errors });
    return {
      throughput: { bareReqPerSec: bare, appReqPerSec: app, ratio: app / bare, runs: results, non2xx: errors },
      // synchronous=NORMAL: not what the app runs; shows what FULL costs.
      normal: { appReqPerSec: appNormal, ratio: appNormal / bare, fullVsNormal: app / appNormal, fixedRate200: latency(fixedNormal) },
      pinned,
      fixedRate200: latency(fixed),
    };
  } finally {
    for (const mode of modes) servers[mode].child.kill('SIGKILL');
  }
}
