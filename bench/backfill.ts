// Backfill at the Standard quota (issue 9 point 3): 5,000 orders already waiting in the import
// status of a sandbox store (their webhooks were missed), BigCommerce's Standard quota of 150
// requests per 30 s, the app's share 60%. The backfill is started as the merchant does
// (POST /api/backfill) and followed as the page does (GET /api/backfill, once a second).
// Reports the total time against the minimum the share allows (calls needed ÷ 90 per window),
// the 429s (target 0), the app's most requests in one window (at most 90), the ETA error at 10%,
// 25% and 50% done (target ≤ 15%), and the BigCommerce calls per order.
//
// `--window-ms=3000` runs the same proportions (150 per 3 s) ten times faster; `--orders=`,
// `--share=` and `--others=` (requests other apps use per window) change the scenario.
import { setOtherAppsUsage, windowHistory } from '../sandbox/api/rate-limit.js';
import type { BackfillResponse } from '../server/api/contract.js';
import { startImportHarness, STORE, waitFor } from '../test/helpers/import-harness.js';

export interface BackfillBenchOptions {
  orders?: number;
  windowMs?: number;
  quota?: number;
  share?: number;
  others?: number;
}

export interface BackfillBenchResult {
  orders: number;
  quota: string;
  share: number;
  othersPerWindow: number;
  totalMs: number;
  /** BigCommerce calls the run made (sandbox log), and per order. */
  calls: number;
  callsPerOrder: number;
  callsByPath: Record<string, number>;
  /** calls ÷ (the app's calls per window) × window. */
  minimumMs: number;
  overMinimum: number;
  rateLimited: number;
  /** The app's answered requests as the sandbox's windows counted them (a check on `calls`). */
  callsInWindows: number;
  maxAppCallsPerWindow: number;
  allowedPerWindow: number;
  delivered: number;
  duplicates: number;
  /** At 10%, 25%, 50% done: the ETA shown then, the time it really took, the error. */
  eta: Array<{ atPercent: number; shownMs: number | null; actualMs: number; error: number | null }>;
}

export function backfillOptionsFromArgs(argv: string[]): BackfillBenchOptions {
  const opt = (name: string) => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    return raw === undefined ? undefined : Number(raw);
  };
  return { windowMs: opt('window-ms'), orders: opt('orders'), share: opt('share'), others: opt('others'), quota: opt('quota') };
}

const DAY_MS = 86_400_000;
const pathKey = (method: string, path: string) => `${method} ${path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+/g, '/{id}')}`;

export async function benchBackfill(opts: BackfillBenchOptions = {}): Promise<BackfillBenchResult> {
  const orders = opts.orders ?? 5_000;
  const windowMs = opts.windowMs ?? 30_000;
  const quota = opts.quota ?? 150;
  const share = opts.share ?? 60;
  const others = opts.others ?? 0;
  const h = await startImportHarness({ sandbox: { quota, windowMs } });
  try {
    const put = await h.api('put', '/api/settings/api-quota-share', { percent: share });
    if (put.status !== 200) throw new Error(`share not saved: ${put.status} ${put.text}`);
    // The orders were waiting before the app was connected: their webhooks never reached it.
    h.sandbox.control.webhooks.drop(orders);
    const created = h.sandbox.control.createOrders(STORE, orders, { statusId: 11 });
    const ids = new Set(created.map((o) => o.id));
    await h.sandbox.control.webhooks.idle();
    // Start on a fresh quota window, with nothing else queued.
    await waitFor(async () => (await h.app.services.jobs.queue.counts()).pending === 0 && h.worker.running === 0, { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, windowMs + 100));
    setOtherAppsUsage(h.sandbox.control.state, STORE, others);
    h.sandbox.control.resetRequests();
    h.warehouse.control.resetRequests();
    const windowsBefore = windowHistory(h.sandbox.control.state, STORE).length;

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    const started = Date.now();
    const res = await h.api('post', '/api/backfill', { from: yesterday, to: today });
    if (res.status !== 200) throw new Error(`backfill not started: ${res.status} ${res.text}`);

    // The sandboxes keep their last 5,000 requests only: tallied as they come, once a second.
    const seen = new Set<object>();
    const callsByPath: Record<string, number> = {};
    let rateLimited = 0;
    let creates = 0;
    const tally = () => {
      for (const r of h.sandbox.control.requests) {
        if (seen.has(r) || r.storeHash !== STORE || r.status === 0) continue;
        seen.add(r);
        if (r.status === 429) rateLimited++;
        else callsByPath[pathKey(r.method, r.path)] = (callsByPath[pathKey(r.method, r.path)] ?? 0) + 1;
      }
      for (const r of h.warehouse.control.requests) {
        if (seen.has(r) || r.outcome === null) continue;
        seen.add(r);
        if (r.outcome === 'created') creates++;
      }
    };
    const samples: Array<{ at: number; done: number; total: number | null; remainingMs: number | null }> = [];
    let finishedAt = 0;
    for (;;) {
      tally();
      const view = ((await h.api('get', '/api/backfill')).body as BackfillResponse).backfill!;
      const at = Date.now();
      samples.push({ at, done: view.counts.done, total: view.counts.total, remainingMs: view.eta.remainingMs });
      if (view.state === 'done') {
        finishedAt = at;
        break;
      }
      if (view.state !== 'running') throw new Error(`backfill ${view.state}: ${view.error ?? ''}`);
      if (at - started > Math.max(20 * 60_000, windowMs * (orders / 40))) throw new Error('backfill did not finish in time');
      await new Promise((r) => setTimeout(r, Math.min(1_000, windowMs / 10)));
    }
    const totalMs = finishedAt - started;
    await new Promise((r) => setTimeout(r, 200));
    tally();

    const calls = Object.values(callsByPath).reduce((a, b) => a + b, 0);
    const windows = windowHistory(h.sandbox.control.state, STORE).slice(windowsBefore);
    const allowedPerWindow = Math.min(Math.floor((quota * share) / 100), quota - Math.ceil(quota * 0.1) - others);
    const minimumMs = (calls / allowedPerWindow) * windowMs;

    const eta = [10, 25, 50].map((atPercent) => {
      const s = samples.find((x) => x.total !== null && x.total > 0 && x.done / x.total >= atPercent / 100)!;
      const actualMs = finishedAt - s.at;
      return { atPercent, shownMs: s.remainingMs, actualMs, error: s.remainingMs === null ? null : Math.abs(s.remainingMs - actualMs) / actualMs };
    });
    const arrivals = h.warehouse.control.orders().filter((o) => ids.has((o.body.external_ref as { order_id: number }).order_id));
    return {
      orders,
      quota: `${quota} requests / ${windowMs / 1000} s`,
      share,
      othersPerWindow: others,
      totalMs,
      calls,
      callsPerOrder: calls / orders,
      callsByPath,
      minimumMs,
      overMinimum: totalMs / minimumMs - 1,
      rateLimited: Math.max(
        rateLimited,
        windows.reduce((n, w) => n + w.rateLimited, 0),
      ),
      callsInWindows: windows.reduce((n, w) => n + w.app, 0),
      maxAppCallsPerWindow: Math.max(0, ...windows.map((w) => w.app)),
      allowedPerWindow,
      delivered: new Set(arrivals.map((o) => (o.body.external_ref as { order_id: number }).order_id)).size,
      duplicates: creates - orders,
      eta,
    };
  } finally {
    await h.close();
  }
}

export function printBackfill(r: BackfillBenchResult): void {
  const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log(
    `\nBackfill (${r.orders.toLocaleString('en-US')} waiting orders, ${r.quota}, share ${r.share}%${r.othersPerWindow ? `, other apps ${r.othersPerWindow} per window` : ''}):`,
  );
  console.log(
    `  total ${min(r.totalMs)} vs minimum ${min(r.minimumMs)} (${r.calls} calls ÷ ${r.allowedPerWindow} per window): ${(r.overMinimum * 100).toFixed(1)}% over   target ≤ 10%   ${met(r.overMinimum <= 0.1)}`,
  );
  console.log(
    `  429s ${r.rateLimited}   target 0   ${met(r.rateLimited === 0)}; most app calls in one window ${r.maxAppCallsPerWindow} (allowed ${r.allowedPerWindow})   ${met(r.maxAppCallsPerWindow <= r.allowedPerWindow)}`,
  );
  console.log(
    `  BigCommerce calls per order ${r.callsPerOrder.toFixed(3)} (${Object.entries(r.callsByPath)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')})`,
  );
  console.log(`  delivered ${r.delivered}, duplicate creates ${r.duplicates}; the sandbox's windows counted ${r.callsInWindows} app calls`);
  for (const e of r.eta) {
    const ok = e.error !== null && e.error <= 0.15;
    console.log(
      `  ETA at ${String(e.atPercent).padStart(2)}% done: shown ${e.shownMs === null ? '—' : min(e.shownMs)}, took ${min(e.actualMs)}, error ${e.error === null ? '—' : `${(e.error * 100).toFixed(1)}%`}   target ≤ 15%   ${met(ok)}`,
    );
  }
}
