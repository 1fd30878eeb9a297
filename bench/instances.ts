// Instance scaling on PostgreSQL (issue 10 point 4): 1, 2 and 4 app instances on one database behind
// a round-robin proxy (fixtures/instances.ts), each with the production worker (`npm start`'s).
// For each count:
// - webhook intake: signed `store/order/created` deliveries sent by autocannon through the proxy
//   for a fixed time; acknowledged (2xx) webhooks per second and their latency. Each names an order
//   BigCommerce does not have, so the jobs they queue end at the first read (404) and the workers'
//   share of the CPU stays small and the same for every count.
// - job throughput: an order storm created in the sandbox BigCommerce (real webhook deliveries, one
//   read and one create per order); orders per second from the storm's start until the last order
//   is at the warehouse.
// The database is BENCH_DATABASE_URL or TEST_DATABASE_URL; each count gets a fresh schema.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { openDatabase } from '../server/storage/db.js';
import { FIRST_STORE, startInstances, type Instances } from './fixtures/instances.js';
import { signatureFor } from '../sandbox/index.js';

export interface InstancesRow {
  instances: number;
  intake: { ackPerSec: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };
  jobs: { orders: number; ordersPerSec: number; drainMs: number };
}

export interface InstancesBenchOptions {
  counts?: number[];
  /** Orders in each storm (default 1,000). */
  orders?: number;
  /** Seconds of webhook intake per count (default 10). */
  intakeSeconds?: number;
  connections?: number;
}

export function instancesOptionsFromArgs(args: string[]): InstancesBenchOptions {
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const num = (name: string) => {
    const v = opt(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
    return n;
  };
  const counts = opt('counts')?.split(',').map(Number);
  if (counts && counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--counts must list whole numbers ≥ 1, e.g. --counts=1,2,4');
  return { counts, orders: num('orders'), intakeSeconds: num('intake-seconds'), connections: num('connections') };
}

function databaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new Error('The instances benchmark needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to postgres://user:password@host:port/database.');
  return url;
}

async function waitUntil(fn: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measureIntake(stack: Instances, seconds: number, connections: number): Promise<InstancesRow['intake']> {
  const hook = stack.sandbox.control.hooks(FIRST_STORE).find((h) => h.isActive && h.destination.endsWith('/webhooks/bigcommerce'));
  if (!hook) throw new Error('no active BigCommerce webhook for the store');
  const store = stack.sandbox.control.getStore(FIRST_STORE);
  let i = 0;
  const result = await autocannon({
    url: hook.destination,
    method: 'POST',
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const id = 900_000_000 + i++;
          const createdAt = Math.floor(Date.now() / 1000);
          const body = JSON.stringify({
            scope: 'store/order/created',
            store_id: String(store.storeId),
            data: { type: 'order', id },
            hash: randomUUID(),
            created_at: createdAt,
            producer: `stores/${FIRST_STORE}`,
          });
          const webhookId = randomUUID();
          const headers = {
            ...hook.headers,
            'content-type': 'application/json',
            'webhook-id': webhookId,
            'webhook-timestamp': String(createdAt),
            'webhook-signature': signatureFor(stack.clientSecret, webhookId, createdAt, body),
          };
          return { ...req, body, headers };
        },
      },
    ],
  });
  const acked = result['2xx'];
  return { ackPerSec: acked / seconds, p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function measureJobs(stack: Instances, orders: number): Promise<InstancesRow['jobs']> {
  const db = openDatabase(stack.databaseUrl);
  try {
    // The intake's jobs are done first, so the storm has the workers to itself.
    const busy = async () => Number((await db('jobs').whereIn('state', ['pending', 'running']).where('run_at', '<=', Date.now()).count({ n: '*' }))[0]!.n);
    await waitUntil(async () => (await busy()) === 0, 'the intake jobs to finish', 600_000);
    stack.sandbox.control.webhooks.setConcurrency(32);
    const started = Date.now();
    const created = stack.sandbox.control.createOrders(FIRST_STORE, orders, { statusId: 11 });
    const ids = new Set(created.map((o) => o.id));
    const arrived = () => stack.warehouse.control.orders().filter((o) => ids.has((o.body.external_ref as { order_id: number }).order_id)).length;
    await waitUntil(() => arrived() >= orders, 'every order at the warehouse', 1_800_000);
    const drainMs = Date.now() - started;
    return { orders, ordersPerSec: orders / (drainMs / 1000), drainMs };
  } finally {
    await db.destroy();
  }
}

export async function benchInstances(opts: InstancesBenchOptions = {}): Promise<{ rows: InstancesRow[]; loadavg: number[] }> {
  const url = databaseUrl();
  const rows: InstancesRow[] = [];
  for (const count of opts.counts ?? [1, 2, 4]) {
    const stack = await startInstances({ instances: count, databaseUrl: url, env: { LOG_LEVEL: 'error' } });
    try {
      const intake = await measureIntake(stack, opts.intakeSeconds ?? 10, opts.connections ?? 64);
      const jobs = await measureJobs(stack, opts.orders ?? 1_000);
      rows.push({ instances: count, intake, jobs });
    } finally {
      await stack.close();
    }
  }
  return { rows, loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))) };
}

export function printInstances(r: Awaited<ReturnType<typeof benchInstances>>): void {
  console.log('\nInstances on one PostgreSQL database behind a round-robin proxy (production worker each):');
  console.log('  instances   intake ack/s   p50 ms   p99 ms   non-2xx/errors   storm orders   orders/s   drain s');
  for (const row of r.rows) {
    const { intake: i, jobs: j } = row;
    console.log(
      `  ${String(row.instances).padStart(9)}   ${i.ackPerSec.toFixed(0).padStart(12)}   ${String(i.p50Ms).padStart(6)}   ${String(i.p99Ms).padStart(6)}   ${`${i.non2xx}/${i.errors}`.padStart(14)}   ${String(j.orders).padStart(12)}   ${j.ordersPerSec.toFixed(1).padStart(8)}   ${(j.drainMs / 1000).toFixed(1).padStart(7)}`,
    );
  }
  console.log(`  load average at the end ${r.loadavg.join(' / ')} (1 / 5 / 15 min): every process shares this machine's cores`);
}
