// `npm run bench -- fairness [--small] [--db=sqlite|postgres|both] [--instances=N] [--stores=N]
// [--orders=N] [--quota-a=N] [--b-every-ms=N] [--no-background-kinds]`: the arguments and the table of
// each variant. --no-background-kinds is for comparison only: the claim as it was before issue 10.
import type { FairnessScaleOptions, FairnessScaleResult } from './fairness-scale.js';

export interface FairnessArgs {
  small: boolean;
  variants: FairnessScaleOptions[];
}

/** The PostgreSQL server of the postgres variant (never printed: it may carry a password). */
export const benchPostgresUrl = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || undefined;

export function fairnessArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): FairnessArgs {
  const raw = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, fallback: number) => {
    const v = raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got "${v}")`);
    return n;
  };
  const dbArg = raw('db') ?? (benchPostgresUrl(env) ? 'both' : 'sqlite');
  if (!['sqlite', 'postgres', 'both'].includes(dbArg)) throw new Error(`--db must be sqlite, postgres or both (got "${dbArg}")`);
  const stores = num('stores', 1_000);
  if (stores < 2) throw new Error('--stores must be at least 2 (stores A and B)');
  const common = {
    stores,
    ordersA: num('orders', 5_000),
    quotaA: num('quota-a', 1_500),
    bEveryMs: num('b-every-ms', 3_000),
    noBackgroundKinds: argv.includes('--no-background-kinds'),
  };
  const variants: FairnessScaleOptions[] = [];
  if (dbArg !== 'postgres') {
    if (raw('instances') && dbArg === 'sqlite' && num('instances', 1) !== 1)
      throw new Error('--db=sqlite runs one instance (SQLite is one machine); use --db=postgres for several');
    variants.push({ db: 'sqlite', instances: 1, ...common });
  }
  if (dbArg !== 'sqlite') {
    const url = benchPostgresUrl(env);
    if (!url) throw new Error('--db=postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL (postgres://…)');
    variants.push({ db: 'postgres', instances: num('instances', 2), databaseUrl: url, ...common });
  }
  return { small: argv.includes('--small'), variants };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function printFairnessScale(r: FairnessScaleResult): void {
  const o = r.options;
  const share = Math.floor(o.quotaA * 0.6);
  console.log(
    `\nFairness at scale — ${r.variant}: ${o.stores.toLocaleString('en-US')} installed stores; A backfills ${o.ordersA.toLocaleString('en-US')} waiting orders, B places one every ${o.bEveryMs / 1000} s`,
  );
  console.log(
    `  (A's quota ${o.quotaA} requests / 30 s, an Enterprise-sized quota instead of Standard's 150, so the run takes minutes, not ~28: the app's 60% share is ${share} per window; B and the idle stores: 150 / 30 s)`,
  );
  const rows: Array<[string, string, string]> = [
    [
      'B order → warehouse',
      `p50 ${s(r.bLatencyMs.p50)}, p95 ${s(r.bLatencyMs.p95)}, p99 ${s(r.bLatencyMs.p99)}, max ${s(r.bLatencyMs.max)} (${r.ordersB} orders)`,
      `p99 < 5 s ${r.bLatencyMs.p99 < 5_000 ? 'MET' : 'NOT MET'}`,
    ],
    ['B order → webhook stored', `p50 ${s(r.bWebhookMs.p50)}, p95 ${s(r.bWebhookMs.p95)}, p99 ${s(r.bWebhookMs.p99)}, max ${s(r.bWebhookMs.max)}`, ''],
    ['B import job due → done', `p50 ${s(r.bJobMs.p50)}, p95 ${s(r.bJobMs.p95)}, p99 ${s(r.bJobMs.p99)}, max ${s(r.bJobMs.max)}`, ''],
    [
      'B job due → claimed',
      `p50 ${s(r.bBreakdown.queueWaitMs.p50)}, p95 ${s(r.bBreakdown.queueWaitMs.p95)}, p99 ${s(r.bBreakdown.queueWaitMs.p99)}, max ${s(r.bBreakdown.queueWaitMs.max)} (${r.bBreakdown.seen} of ${r.ordersB} claims seen; the bench's longest gap between polls ${s(r.bBreakdown.watchMaxGapMs)})`,
      '',
    ],
    ['B job claimed → done', `p50 ${s(r.bBreakdown.runMs.p50)}, p95 ${s(r.bBreakdown.runMs.p95)}, p99 ${s(r.bBreakdown.runMs.p99)}, max ${s(r.bBreakdown.runMs.max)}`, ''],
    [
      'B slowest orders',
      r.bBreakdown.slowest
        .map((x) => `${s(x.totalMs)} = webhook ${s(x.webhookMs)} + debounce ${s(x.debounceMs)} + queue ${s(x.queueWaitMs)} + import ${s(x.claimToWarehouseMs)}`)
        .join('; '),
      '',
    ],
    ['B jobs retried', `${r.bRetried.jobs}${r.bRetried.errors.length ? ` (last errors: ${r.bRetried.errors.join(' | ')})` : ''}`, ''],
    [
      'A backfill',
      `${r.backfillFinished ? '' : 'NOT FINISHED at the time limit: '}${(r.backfillMs / 1000).toFixed(1)} s, ${r.aDelivered} orders delivered, ${r.aOrdersPerSec.toFixed(1)} orders/s`,
      '',
    ],
    ['BigCommerce calls', `A ${r.calls.a}, B ${r.calls.b}, idle stores ${r.calls.idle}`, ''],
    ['429s', `A ${r.calls.a429}, B ${r.calls.b429}, idle stores ${r.calls.idle429}`, `0 ${r.calls.a429 + r.calls.b429 + r.calls.idle429 === 0 ? 'MET' : 'NOT MET'}`],
    [
      'idle stores: scheduled jobs run',
      `${r.idle.jobs} (${
        Object.entries(r.idle.jobsByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }), ${r.idle.storesVisited} stores, at most ${r.idle.maxJobsPerSec} in one second`,
      '',
    ],
    [
      'idle stores: calls by endpoint',
      Object.entries(r.idle.callsByPath)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ') || 'none',
      '',
    ],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  for (const [name, value, target] of rows) console.log(`  ${name.padEnd(w)}  ${value}${target ? `   target ${target}` : ''}`);
  console.log(`  (the run started ${s(r.idle.bootToStartMs)} after the instances booted with every store installed: the scheduler's first runs overlap it)`);
  console.log(`  machine load during the run: 1-min load average mean ${r.load.mean.toFixed(2)}, max ${r.load.max.toFixed(2)} on ${r.load.cpus} CPUs`);
}

/**
 * The runs as one Markdown table, to paste into a closing note: B's latency is order creation (the
 * webhook fires then) → the order at the warehouse; the load is the machine's 1-minute load
 * average during the run (mean / max) over its CPUs.
 */
export function fairnessTable(runs: readonly FairnessScaleResult[]): string {
  const sec = (ms: number) => (ms / 1000).toFixed(2);
  const head = [
    'database',
    'instances',
    'stores',
    'A orders',
    'B orders',
    'B p50 (s)',
    'B p95 (s)',
    'B p99 (s)',
    'p99 < 5 s',
    'A throughput',
    '429s (A/B/idle)',
    'load (mean/max, CPUs)',
  ];
  const rows = runs.map((r) => [
    r.options.db === 'postgres' ? 'PostgreSQL' : 'SQLite',
    String(r.options.instances) + (r.options.noBackgroundKinds ? ' (no background kinds)' : ''),
    r.options.stores.toLocaleString('en-US'),
    r.options.ordersA.toLocaleString('en-US'),
    String(r.ordersB),
    sec(r.bLatencyMs.p50),
    sec(r.bLatencyMs.p95),
    sec(r.bLatencyMs.p99),
    r.bLatencyMs.p99 < 5_000 ? 'met' : 'NOT met',
    `${r.aOrdersPerSec.toFixed(1)} orders/s (${r.aDelivered} in ${(r.backfillMs / 1000).toFixed(0)} s${r.backfillFinished ? '' : ', unfinished'})`,
    `${r.calls.a429}/${r.calls.b429}/${r.calls.idle429}`,
    `${r.load.mean.toFixed(2)}/${r.load.max.toFixed(2)}, ${r.load.cpus}`,
  ]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
