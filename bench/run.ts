// `npm run bench`: runs every benchmark and prints the figures with the targets they must meet.
import { benchWebhookAck } from './webhook-ack.js';

async function main() {
  const only = process.argv[2];
  const report: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length, at: new Date().toISOString() };
  if (!only || only === 'ack') {
    const ack = await benchWebhookAck();
    report.webhookAck = ack;
    console.log('\nWebhook acknowledgement (durable write) vs bare Express:');
    console.log(`  bare Express     ${ack.throughput.bareReqPerSec.toFixed(0)} req/s (runs ${ack.throughput.runs.bare.map((x) => x.toFixed(0)).join(' / ')})`);
    console.log(`  receiver + write ${ack.throughput.appReqPerSec.toFixed(0)} req/s (runs ${ack.throughput.runs.app.map((x) => x.toFixed(0)).join(' / ')})`);
    console.log(`  ratio            ${(ack.throughput.ratio * 100).toFixed(1)}%   target ≥ 60%   ${ack.throughput.ratio >= 0.6 ? 'MET' : 'NOT MET'}`);
    console.log(
      `  at 200 req/s     p50 ${ack.fixedRate200.p50Ms} ms, p99 ${ack.fixedRate200.p99Ms} ms, max ${ack.fixedRate200.maxMs} ms   target p99 < 50 ms   ${ack.fixedRate200.p99Ms < 50 ? 'MET' : 'NOT MET'}`,
    );
    console.log(`  non-2xx/errors   ${JSON.stringify(ack.throughput.non2xx)} / ${ack.fixedRate200.non2xx}`);
    console.log('  (the app runs synchronous=FULL; for comparison, the same receiver with NORMAL:)');
    console.log(
      `  NORMAL           ${ack.normal.appReqPerSec.toFixed(0)} req/s (${(ack.normal.ratio * 100).toFixed(1)}% of bare); FULL is ${(ack.normal.fullVsNormal * 100).toFixed(1)}% of it`,
    );
    console.log(`  NORMAL 200 req/s p50 ${ack.normal.fixedRate200.p50Ms} ms, p99 ${ack.normal.fixedRate200.p99Ms} ms`);
  }
  if (!only || only === 'import') {
    const { benchImportStorm } = await import('./import-storm.js');
    const storm = await benchImportStorm();
    report.importStorm = storm;
    console.log('\nImport storm (created + statusUpdated + duplicate per order):');
    console.log(`  orders ${storm.orders}, delivered to warehouse ${storm.delivered}, duplicates at warehouse ${storm.duplicateCreates}`);
    console.log(`  BigCommerce API calls ${storm.apiCalls} → ${storm.callsPerOrder.toFixed(3)} per order   target ≤ 1.05   ${storm.callsPerOrder <= 1.05 ? 'MET' : 'NOT MET'}`);
    console.log(`  webhooks received ${storm.webhooksReceived}, time to drain ${(storm.drainMs / 1000).toFixed(1)} s`);
  }
  const fairnessArgv = process.argv.slice(3);
  if ((!only || only === 'fairness') && !fairnessArgv.includes('--small')) {
    // At scale (issue 10): 1,000 stores, A backfilling 5,000 orders; SQLite, and PostgreSQL with 2 instances when a URL is set.
    const { benchFairnessAtScale } = await import('./fairness-scale.js');
    const { fairnessArgs, fairnessTable, printFairnessScale } = await import('./fairness-print.js');
    const runs = [];
    for (const variant of fairnessArgs(fairnessArgv).variants) {
      const r = await benchFairnessAtScale(variant);
      printFairnessScale(r);
      runs.push(r);
    }
    report.fairnessAtScale = runs;
    console.log(`\nFairness at scale, B's order created → at the warehouse (target p99 < 5 s):\n${fairnessTable(runs)}`);
  }
  if (only === 'fairness' && fairnessArgv.includes('--small')) {
    // The two-store scenario of issue 7 (bench/fairness.ts): 600 orders at once for A, Standard quota.
    const { benchFairness } = await import('./fairness.js');
    const fair = await benchFairness();
    report.fairness = fair;
    console.log(`\nFairness (${fair.quota}; store A: ${fair.ordersA} orders at once, store B: ${fair.ordersB} orders, one every 3 s):`);
    console.log(
      `  B order→warehouse  p50 ${(fair.bLatencyMs.p50 / 1000).toFixed(2)} s, p99 ${(fair.bLatencyMs.p99 / 1000).toFixed(2)} s, max ${(fair.bLatencyMs.max / 1000).toFixed(2)} s (alone ${(fair.bAloneLatencyMs / 1000).toFixed(2)} s)   target B p99 < 5 s   ${fair.bLatencyMs.p99 < 5_000 ? 'MET' : 'NOT MET'}`,
    );
    console.log(`  B received webhook→warehouse  p50 ${(fair.bFromWebhookMs.p50 / 1000).toFixed(2)} s, p99 ${(fair.bFromWebhookMs.p99 / 1000).toFixed(2)} s`);
    console.log(
      `  A drained in ${(fair.aDrainMs / 1000).toFixed(1)} s; API calls A ${fair.apiCalls.a} (429s ${fair.apiCalls.a429}), B ${fair.apiCalls.b}; quota warnings in A's Activity ${fair.quotaWarningsA}`,
    );
  }
  if (!only || only === 'order-life') {
    const { benchOrderLife } = await import('./order-life.js');
    const life = await benchOrderLife();
    report.orderLife = life;
    console.log(`\nAPI economy over an order's life (${life.orders} orders: import, status after acceptance, one shipment):`);
    console.log(`  BigCommerce calls per order ${life.callsPerOrder.toFixed(2)}   target ≤ 3   ${life.callsPerOrder <= 3 ? 'MET' : 'NOT MET'}`);
    console.log(`  by call ${JSON.stringify(life.byKind)}; shipped-status checks run ${life.shippedStatusChecks}`);
  }
  if (!only || only === 'history') {
    const { benchHistoryAtScale } = await import('./history-at-scale.js');
    const h = await benchHistoryAtScale();
    report.historyAtScale = h;
    console.log(
      `\nHistory at scale (${h.rows.webhookEvents.toLocaleString('en-US')} webhook events + ${h.rows.activity.toLocaleString('en-US')} activity rows, one store, ${h.fileMb} MB):`,
    );
    for (const [name, t] of Object.entries(h.withIndexes)) {
      const before = h.withoutIndexes[name];
      const ok = t.p95Ms < 50;
      console.log(`  ${name.padEnd(24)} p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms (without migration 006: p50 ${before?.p50Ms} ms)   target p95 < 50 ms   ${ok ? 'MET' : 'NOT MET'}`);
    }
    for (const [name, t] of Object.entries(h.replaced)) console.log(`  replaced: ${name.padEnd(24)} p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms`);
    const p = h.purge;
    console.log(`  purge: ${p.deleted} rows in ${p.statements} statements of ≤ ${p.batchSize}, ${(p.totalMs / 1000).toFixed(1)} s`);
    console.log(
      `    statement p95 ${p.p95StatementMs} ms, p99 ${p.p99StatementMs} ms, longest ${p.longestStatementMs} ms (${p.statementsOver50Ms} over 50 ms); longest event-loop delay ${p.maxEventLoopDelayMs} ms   target p99 < 50 ms   ${p.p99StatementMs < 50 ? 'MET' : 'NOT MET'}`,
    );
  }
  if (!only || only === 'initial-js') {
    // Measures dist/client (or CLIENT_DIR) as built by `npx vite build`; it builds nothing itself.
    const { measureInitialJs, printInitialJs } = await import('./initial-js.js');
    try {
      const js = measureInitialJs(process.env.CLIENT_DIR);
      report.initialJs = { gzipKb: js.initial.gzipKb, brotliKb: js.initial.brotliKb, met: js.initial.met, viewerInInitial: js.viewer.inInitial };
      printInitialJs(js);
    } catch (err) {
      if (only) throw err;
      console.log(`\nInitial JavaScript: skipped. ${(err as Error).message}`);
    }
  }
  if (!only || only === 'ui' || only === 'ui-normal' || only === 'ui-split') {
    // Experiments, for comparison only: ui-normal runs the app with synchronous=NORMAL (what each
    // commit's fsync costs), ui-split runs the job worker in a second process.
    const { benchUiReads } = await import('./ui-reads.js');
    const { printUiReads } = await import('./ui-reads-print.js');
    const ui = await benchUiReads({ synchronous: only === 'ui-normal' ? 'NORMAL' : 'FULL', splitWorker: only === 'ui-split' });
    report.uiReads = ui;
    printUiReads(ui);
  }
  if (!only || only === 'latency') {
    const { benchWebhookLatency } = await import('./webhook-latency.js');
    const lat = await benchWebhookLatency();
    report.webhookLatency = lat;
    console.log(`\nWebhook → warehouse latency (${lat.orders} orders, one every ${lat.everyMs / 1000} s, ${lat.quota}, no backlog):`);
    console.log(
      `  p50 ${(lat.latencyMs.p50 / 1000).toFixed(2)} s, p99 ${(lat.latencyMs.p99 / 1000).toFixed(2)} s, min ${(lat.latencyMs.min / 1000).toFixed(2)} s, max ${(lat.latencyMs.max / 1000).toFixed(2)} s   target p50 < 2 s   ${lat.latencyMs.p50 < 2_000 ? 'MET' : 'NOT MET'}`,
    );
    console.log(`  load average before ${lat.loadavg.before.join(' / ')}, after ${lat.loadavg.after.join(' / ')} (1 / 5 / 15 min)`);
  }
  if (!only || only === 'scheduler') {
    const { benchScheduler, printScheduler } = await import('./scheduler.js');
    const scheduler = await benchScheduler();
    report.scheduler = scheduler;
    printScheduler(scheduler);
  }
  if (!only || only === 'backfill') {
    // About 30 minutes at the real window; `npm run bench -- backfill --window-ms=3000` runs the same proportions in 3.
    const { backfillOptionsFromArgs, benchBackfill, printBackfill } = await import('./backfill.js');
    const backfill = await benchBackfill(backfillOptionsFromArgs(process.argv.slice(3)));
    report.backfill = backfill;
    printBackfill(backfill);
  }
  if (!only || only === 'instances') {
    // Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL); `--orders=300 --counts=1,2` for a shorter run.
    const { benchInstances, instancesOptionsFromArgs, printInstances } = await import('./instances.js');
    try {
      const inst = await benchInstances(instancesOptionsFromArgs(process.argv.slice(3)));
      report.instances = inst;
      printInstances(inst);
    } catch (err) {
      if (only) throw err;
      console.log(`\nInstances: skipped. ${(err as Error).message}`);
    }
  }
  console.log(`\n${JSON.stringify(report)}`);
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
