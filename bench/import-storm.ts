// Import storm: 1,000 orders, each arriving as `created` + `statusUpdated` + one duplicate, through
// the BigCommerce sandbox (real webhook deliveries), the app (receiver, queue, worker) and the
// sandbox warehouse. Measures BigCommerce API calls per imported order and effective creates.
import { startImportHarness, STORE, waitFor } from '../test/helpers/import-harness.js';

export async function benchImportStorm(opts: { orders?: number; quota?: number } = {}) {
  const count = opts.orders ?? 1_000;
  // The quota only changes how long the drain takes, not how many calls it needs.
  const h = await startImportHarness({ sandbox: { quota: opts.quota ?? 100_000 } });
  try {
    h.sandbox.control.resetRequests();
    h.warehouse.control.resetRequests();
    const started = Date.now();
    const orders = h.sandbox.control.createOrders(STORE, count, { statusId: 11, storm: true });
    const ids = new Set(orders.map((o) => o.id));
    const delivered = () =>
      new Set(
        h.warehouse.control
          .orders()
          .map((o) => (o.body.external_ref as { order_id: number }).order_id)
          .filter((id) => ids.has(id)),
      ).size;
    await waitFor(() => delivered() === count, { timeoutMs: 600_000, what: 'all orders at the warehouse' });
    const drainMs = Date.now() - started;
    await h.sandbox.control.webhooks.idle();
    await waitFor(async () => (await h.app.services.jobs.queue.counts()).pending === 0 && h.worker.running === 0, { timeoutMs: 60_000 });
    const apiCalls = h.sandbox.control.requests.length;
    const creates = h.warehouse.control.requests.filter((r) => r.outcome === 'created').length;
    const received = Number((await h.db('webhook_events').count({ n: '*' }))[0]!.n);
    return {
      orders: count,
      delivered: delivered(),
      duplicateCreates: creates - count,
      apiCalls,
      callsPerOrder: apiCalls / count,
      apiCallsByPath: Object.entries(
        h.sandbox.control.requests.reduce<Record<string, number>>((acc, r) => {
          const key = `${r.method} ${r.path.replace(/\/\d+/g, '/{id}')}`;
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {}),
      ),
      webhooksReceived: received,
      drainMs,
    };
  } finally {
    await h.close();
  }
}
