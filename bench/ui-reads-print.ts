// Prints the UI-reads benchmark (bench/ui-reads.ts) with its target, and where the app's time went.
import type { AppProfile } from './fixtures/app-profile.js';
import type { UiReadsReport } from './ui-reads.js';

function printProfile(label: string, p: AppProfile) {
  const el = p.eventLoopDelayMs;
  console.log(`  ${label}: app event-loop delay p50 ${el.p50.toFixed(1)} ms, p99 ${el.p99.toFixed(1)} ms, max ${el.max.toFixed(1)} ms over ${(p.windowMs / 1000).toFixed(0)} s`);
  const sqlMs = p.sqlExec.reduce((sum, x) => sum + x.totalMs, 0);
  console.log(
    `    SQL executing on the event loop (15 costliest statements): ${(sqlMs / 1000).toFixed(1)} s (${((100 * sqlMs) / p.windowMs).toFixed(0)}% of the window); n, total, p95, max:`,
  );
  for (const x of p.sqlExec.slice(0, 8))
    console.log(`    ${String(x.n).padStart(6)} ${String(x.totalMs).padStart(6)} ms  p95 ${x.p95Ms} ms  max ${x.maxMs} ms  ${x.sql.slice(0, 110)}`);
}

export function printUiReads(ui: UiReadsReport): void {
  const how = [
    ui.synchronous === 'FULL' ? '' : ` — synchronous=${ui.synchronous}, for comparison only`,
    ui.splitWorker ? ' — job worker in its own process, for comparison only' : '',
  ].join('');
  console.log(
    `\nUI reads (${ui.historyRows.toLocaleString('en-US')} webhook history rows; ${ui.orders}-order burst at ${ui.quota} drained in ${(ui.drainMs / 1000).toFixed(1)} s, ${ui.pageLoads} page loads, ${ui.apiCallsDuringBurst} BigCommerce calls${how}):`,
  );
  console.log('  route (as the browser sees it; "app": from arrival to answer in the app process)');
  for (const [route, t] of Object.entries(ui.burst)) {
    const inApp = ui.app.routes.find((x) => x.route === `GET ${route}`);
    const quiet = ui.quiet[route];
    const quietApp = ui.quietApp.routes.find((x) => x.route === `GET ${route}`);
    const errors = t.errors > 0 ? `, ${t.errors} errors` : '';
    const met = t.p95Ms < 300 && t.errors === 0 ? 'MET' : 'NOT MET';
    console.log(
      `  ${route.padEnd(46)} p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms (${t.samples} reads${errors}; app p95 ${inApp?.p95Ms} ms)   target p95 < 300 ms   ${met}`,
    );
    console.log(`  ${''.padEnd(46)} before the burst: p95 ${quiet?.p95Ms} ms (app p50 ${quietApp?.p50Ms} ms, p95 ${quietApp?.p95Ms} ms)`);
  }
  for (const route of ui.skipped) console.log(`  ${route.padEnd(46)} skipped: answers 404 (not built yet)`);
  console.log(`  load average before ${ui.loadavg.before.join(' / ')}, after ${ui.loadavg.after.join(' / ')} (1 / 5 / 15 min)`);
  printProfile('before the burst', ui.quietApp);
  printProfile('during the burst', ui.app);
  console.log('  longest waits for the database connection during the burst (n, p95, max):');
  for (const x of ui.app.sqlWait.slice(0, 5)) console.log(`    ${String(x.n).padStart(6)}  p95 ${x.p95Ms} ms  max ${x.maxMs} ms  ${x.sql.slice(0, 110)}`);
}
