// Fairness between stores (issue 7 point 4; `npm run bench -- fairness --small`, the at-scale run of
// issue 10 is bench/fairness-scale.ts). Two stores on BigCommerce's Standard quota (150
// requests per 30 s each, the sandbox default): store A receives 600 orders at once, store B places
// one order every 3 s. Measures B's latency from order creation (the webhook fires at once) to the
// order's arrival at the warehouse, and how long A's backlog takes to drain. Target: B p99 < 5 s
// (before the fix: p50 90.6 s, p99 120.5 s, because A's jobs held every worker while they waited
// out A's quota window).
import supertest from 'supertest';
import { bootDataOf } from '../test/helpers/harness.js';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../test/helpers/import-harness.js';

const STORE_B = 'storeb';
const AWAITING_FULFILLMENT = 11;
const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;

export interface FairnessResult {
  quota: string;
  ordersA: number;
  ordersB: number;
  /** From the order's creation (BigCommerce fires the webhook then) to its arrival at the warehouse. */
  bLatencyMs: { p50: number; p99: number; max: number };
  /** Each B order: ms from its creation to the app receiving its webhook, and to the warehouse. */
  bOrders: Array<{ webhookMs: number; warehouseMs: number }>;
  /** From the app receiving the webhook to the warehouse. */
  bFromWebhookMs: { p50: number; p99: number };
  bAloneLatencyMs: number;
  aDrainMs: number;
  apiCalls: { a: number; b: number; a429: number };
  quotaWarningsA: number;
}

/** Installs a second store the way a merchant would: /auth, /load, connect the warehouse, map shipping. */
async function installStoreB(h: ImportHarness): Promise<void> {
  const store = h.sandbox.control.createStore({ hash: STORE_B });
  const st = supertest(h.app);
  const ok = (res: { status: number; text: string }, what: string) => {
    if (res.status !== 200) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
    return res;
  };
  ok(await st.get(pathOf(h.sandbox.control.beginInstall(STORE_B).authUrl)), 'install B');
  const page = ok(await st.get(pathOf(h.sandbox.control.loadUrl(STORE_B, store.ownerId))), 'load B');
  const session = await st.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode });
  const { token } = session.body as { token: string };
  const account = h.warehouse.control.accounts()[0]!;
  ok(await st.put('/api/settings/backend').set('Authorization', `Bearer ${token}`).send({ accountId: account.id, apiKey: account.apiKey }), 'connect B');
  ok(await st.put('/api/shipping-mappings').set('Authorization', `Bearer ${token}`).send({ method: 'Flat Rate', backendCode: 'GROUND' }), 'map B');
  await waitFor(() => h.sandbox.control.hooks(STORE_B).filter((x) => x.isActive).length >= 2, { what: 'store B webhooks' });
}

function arrivals(h: ImportHarness, storeHash: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const o of h.warehouse.control.orders()) {
    const ref = o.body.external_ref as { store_hash: string; order_id: number };
    if (ref.store_hash === storeHash && !out.has(ref.order_id)) out.set(ref.order_id, o.receivedAt);
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchFairness(opts: { ordersA?: number; bEveryMs?: number; bForMs?: number } = {}): Promise<FairnessResult> {
  const ordersA = opts.ordersA ?? 600;
  const bEveryMs = opts.bEveryMs ?? 3_000;
  const bForMs = opts.bForMs ?? 60_000;
  const h = await startImportHarness({ sandbox: { quota: 150, windowMs: 30_000 } });
  try {
    await installStoreB(h);
    // Baseline: one B order with nothing else going on.
    const lone = h.sandbox.control.createOrders(STORE_B, 1, { statusId: AWAITING_FULFILLMENT })[0]!;
    await waitFor(() => arrivals(h, STORE_B).has(lone.id), { what: 'baseline order', timeoutMs: 30_000 });
    const bAloneLatencyMs = arrivals(h, STORE_B).get(lone.id)! - lone.createdAt;
    // Let both stores start from a fresh quota window.
    await new Promise((r) => setTimeout(r, 31_000));
    h.sandbox.control.resetRequests();

    const started = Date.now();
    const aOrders = h.sandbox.control.createOrders(STORE, ordersA, { statusId: AWAITING_FULFILLMENT });
    const bOrders: Array<{ id: number; createdAt: number }> = [];
    while (Date.now() - started < bForMs) {
      const o = h.sandbox.control.createOrders(STORE_B, 1, { statusId: AWAITING_FULFILLMENT })[0]!;
      bOrders.push({ id: o.id, createdAt: o.createdAt });
      await new Promise((r) => setTimeout(r, bEveryMs));
    }
    await waitFor(() => bOrders.every((o) => arrivals(h, STORE_B).has(o.id)), { what: 'all B orders at the warehouse', timeoutMs: 300_000 });
    const aIds = new Set(aOrders.map((o) => o.id));
    await waitFor(() => [...arrivals(h, STORE).keys()].filter((id) => aIds.has(id)).length === ordersA, { what: 'A drained', timeoutMs: 600_000 });
    const aArrivals = arrivals(h, STORE);
    const aDrainMs = Math.max(...aOrders.map((o) => aArrivals.get(o.id)!)) - started;
    const bArrivals = arrivals(h, STORE_B);
    const latencies = bOrders.map((o) => bArrivals.get(o.id)! - o.createdAt).sort((x, y) => x - y);
    const requests = h.sandbox.control.requests;
    // When the app received each B order's webhook (its receiver stores the event with its job).
    const events: Array<{ resource_id: string; received_at: number | string }> = await h
      .db('webhook_events')
      .where({ store_hash: STORE_B, source: 'bigcommerce' })
      .select('resource_id', 'received_at');
    const receivedAt = new Map<string, number>(
      events.map((e) => [e.resource_id, Number(e.received_at)] as const).reverse(), // the first event of an order wins
    );
    const quotaWarningsA = Number((await h.db('sync_log').where({ store_hash: STORE, flow: 'system', level: 'warn' }).count({ n: '*' }))[0]!.n);
    return {
      quota: '150 / 30 s per store',
      ordersA,
      ordersB: bOrders.length,
      bLatencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1]! },
      bOrders: bOrders.map((o) => ({ webhookMs: (receivedAt.get(String(o.id)) ?? NaN) - o.createdAt, warehouseMs: bArrivals.get(o.id)! - o.createdAt })),
      bFromWebhookMs: (() => {
        const fromWebhook = bOrders.map((o) => bArrivals.get(o.id)! - (receivedAt.get(String(o.id)) ?? o.createdAt)).sort((x, y) => x - y);
        return { p50: percentile(fromWebhook, 50), p99: percentile(fromWebhook, 99) };
      })(),
      bAloneLatencyMs,
      aDrainMs,
      apiCalls: {
        a: requests.filter((r) => r.storeHash === STORE).length,
        b: requests.filter((r) => r.storeHash === STORE_B).length,
        a429: requests.filter((r) => r.storeHash === STORE && r.status === 429).length,
      },
      quotaWarningsA,
    };
  } finally {
    await h.close();
  }
}
