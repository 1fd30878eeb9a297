// UI reads under load (issue 8 point 2): every GET /api/... a page of the UI makes on first load,
// timed while a 300-order burst drains against the Standard plan quota (150 requests / 30 s) on a
// SQLite file holding 1,000,000 webhook history rows (and as many Activity rows) for the store.
// Target: p95 < 300 ms for every route. Before issue 8, GET /api/overview, /api/order-statuses and
// /api/inventory-locations called BigCommerce and waited behind the import jobs on the store's
// quota (5.8 s, 18.3 s, 27.7 s).
import { loadavg } from 'node:os';
import type { AppProfile } from './fixtures/app-profile.js';
import { startBenchStack, STORE, waitFor, type BenchStack } from './fixtures/stack.js';

const AWAITING_FULFILLMENT = 11;

/** The routes each page requests on first load (client/src; the alert banner is on every page). */
function pages(orderId: number): Array<{ page: string; routes: string[] }> {
  return [
    { page: 'Overview', routes: ['/api/overview', '/api/alerts'] },
    { page: 'Orders', routes: ['/api/alerts', '/api/orders?page=1&limit=25', '/api/orders?page=1&limit=25&state=attention'] },
    { page: 'Order detail', routes: ['/api/alerts', `/api/orders/${orderId}`] },
    { page: 'Webhook history', routes: ['/api/alerts', '/api/webhook-events?page=1&limit=25', '/api/webhook-events/topics'] },
    { page: 'Activity', routes: ['/api/alerts', '/api/activity?page=1&limit=25'] },
    { page: 'Inventory', routes: ['/api/alerts', '/api/inventory?page=1&limit=25', '/api/inventory?page=1&limit=1&status=skipped', '/api/inventory-locations'] },
    {
      page: 'Settings',
      routes: [
        '/api/alerts',
        '/api/settings',
        '/api/order-statuses',
        '/api/inventory-locations',
        '/api/sku-mappings?page=1&limit=25',
        '/api/shipping-mappings',
        '/api/carrier-mappings',
        '/api/settings/notifications',
      ],
    },
  ];
}

export interface RouteTiming {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Answers other than 200 (a 404 at the first try skips the route instead). */
  errors: number;
}

export interface UiReadsReport {
  historyRows: number;
  orders: number;
  quota: string;
  /** From the burst to its last order at the warehouse. */
  drainMs: number;
  /** Page loads made while the burst drained. */
  pageLoads: number;
  burst: Record<string, RouteTiming>;
  /** The same routes with nothing draining (before the burst). */
  quiet: Record<string, RouteTiming>;
  /** Routes that answered 404 (not built yet), left out. */
  skipped: string[];
  apiCallsDuringBurst: number;
  loadavg: { before: number[]; after: number[] };
  seedMs: number;
  /** Where the app process spent its time during the burst (event loop, SQL, server-side route times). */
  app: AppProfile;
  /** The same before the burst. */
  quietApp: AppProfile;
  /** The app's SQLite `synchronous` setting for this run (FULL, as the app runs it, unless asked). */
  synchronous: 'FULL' | 'NORMAL';
  /** The job worker ran in its own process (experiment), not in the web process as npm start runs it. */
  splitWorker: boolean;
}

const quantile = (sorted: number[], q: number) => Number((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN).toFixed(1));

function summarise(samples: Map<string, { ms: number[]; errors: number }>): Record<string, RouteTiming> {
  const out: Record<string, RouteTiming> = {};
  for (const [route, s] of samples) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    out[route] = { samples: sorted.length, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), maxMs: quantile(sorted, 1), errors: s.errors };
  }
  return out;
}

/** One page load: its routes at once, as the browser requests them. */
async function loadPage(stack: BenchStack, routes: string[], samples: Map<string, { ms: number[]; errors: number }>, skipped: Set<string>) {
  await Promise.all(
    routes
      .filter((r) => !skipped.has(r))
      .map(async (route) => {
        const { status, ms } = await stack.get(route);
        const key = route.replace(/\/orders\/\d+$/, '/orders/:id');
        if (status === 404 && !samples.has(key)) return void skipped.add(route);
        const s = samples.get(key) ?? { ms: [], errors: 0 };
        samples.set(key, s);
        s.ms.push(ms);
        if (status !== 200) s.errors += 1;
      }),
  );
}

export async function benchUiReads(
  opts: { historyRows?: number; orders?: number; quietRounds?: number; synchronous?: 'FULL' | 'NORMAL'; splitWorker?: boolean } = {},
): Promise<UiReadsReport> {
  const historyRows = opts.historyRows ?? 1_000_000;
  const count = opts.orders ?? 300;
  const synchronous = opts.synchronous ?? 'FULL';
  const stack = await startBenchStack({ historyRows, quota: 150, windowMs: 30_000, profile: true, synchronous, splitWorker: opts.splitWorker });
  try {
    const atWarehouse = () => new Set(stack.warehouse.control.orders().map((o) => (o.body.external_ref as { store_hash: string; order_id: number }).order_id));
    // One order first, for the order detail page.
    const first = stack.sandbox.control.createOrders(STORE, 1, { statusId: AWAITING_FULFILLMENT })[0]!;
    await waitFor(() => atWarehouse().has(first.id), 'the first order at the warehouse', 60_000);
    const skipped = new Set<string>();
    const plan = pages(first.id);

    const quiet = new Map<string, { ms: number[]; errors: number }>();
    stack.profileStart();
    for (let i = 0; i < (opts.quietRounds ?? 5); i++) for (const p of plan) await loadPage(stack, p.routes, quiet, skipped);
    const quietApp = await stack.profileRead();

    // A fresh quota window, then the burst: its webhooks arrive and its imports drain at 150 / 30 s.
    await new Promise((r) => setTimeout(r, 31_000));
    stack.sandbox.control.resetRequests();
    const before = loadavg();
    stack.profileStart();
    const started = Date.now();
    const ids = new Set(stack.sandbox.control.createOrders(STORE, count, { statusId: AWAITING_FULFILLMENT }).map((o) => o.id));
    const burst = new Map<string, { ms: number[]; errors: number }>();
    let pageLoads = 0;
    let drainedAt = 0;
    const drained = () => [...atWarehouse()].filter((id) => ids.has(id)).length === count;
    while (!drainedAt) {
      for (const p of plan) {
        await loadPage(stack, p.routes, burst, skipped);
        pageLoads += 1;
        if (drained()) {
          drainedAt = Date.now();
          break;
        }
      }
      if (Date.now() - started > 600_000) throw new Error('the burst did not drain within 10 minutes');
    }
    const app = await stack.profileRead();
    return {
      historyRows,
      orders: count,
      quota: '150 / 30 s',
      drainMs: drainedAt - started,
      pageLoads,
      burst: summarise(burst),
      quiet: summarise(quiet),
      skipped: [...skipped],
      apiCallsDuringBurst: stack.sandbox.control.requests.length,
      loadavg: { before: before.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
      seedMs: stack.seedMs,
      app,
      quietApp,
      synchronous,
      splitWorker: opts.splitWorker === true,
    };
  } finally {
    await stack.close();
  }
}
