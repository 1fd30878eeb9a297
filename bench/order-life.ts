// API economy over an order's whole life (issue 9 point 7): import, the status after acceptance
// and one shipment, counted at the BigCommerce sandbox per order. Target ≤ 3 calls per order (was
// 5: the order was read at import, again before the shipment and after it, plus the status PUT and
// the shipment POST). The shipped-status check each shipment schedules a minute ahead is run too,
// as the worker would run it (it finds BigCommerce's own statusUpdated event and makes no call).
import { confirmShippedStatus } from '../server/flows/fulfillment/confirm-shipped-status.js';
import { JOBS, JOB } from '../server/flows/job-catalogue.js';
import { startImportHarness, STORE, waitFor } from '../test/helpers/import-harness.js';
import { pendingWork } from '../test/helpers/queue-idle.js';
import { jobOf } from '../test/helpers/order-sync-fakes.js';

export async function benchOrderLife(opts: { orders?: number } = {}) {
  const count = opts.orders ?? 100;
  const h = await startImportHarness({ sandbox: { quota: 100_000 } });
  try {
    const put = await h.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 9 });
    if (put.status !== 200) throw new Error(`could not set the status after acceptance: ${put.status}`);
    await waitFor(async () => (await pendingWork(h.app.services.jobs.queue)) === 0 && h.worker.running === 0, { timeoutMs: 60_000 });
    h.sandbox.control.resetRequests();
    const orders = h.sandbox.control.createOrders(STORE, count, { statusId: 11 });
    const ids = new Set(orders.map((o) => o.id));
    const row = (id: number) => h.app.services.orders.get(STORE, id);
    const accepted = await waitFor(
      async () => {
        const rows = await Promise.all(orders.map((o) => row(o.id)));
        const ok = rows.every((r) => r?.backendOrderId && h.sandbox.control.getOrder(STORE, r.orderId).statusId === 9);
        return ok ? rows.map((r) => r!) : undefined;
      },
      { timeoutMs: 300_000, what: 'every order sent and in the status after acceptance' },
    );
    for (const r of accepted) await h.warehouse.control.ship(r.backendOrderId!, { carrier: 'UPS', trackingNumber: `1ZLIFE${r.orderId}` });
    await waitFor(async () => ((await Promise.all(orders.map((o) => row(o.id)))).every((r) => r?.state === 'shipped' && r.bcStatusId === 2) ? true : undefined), {
      timeoutMs: 300_000,
      what: 'every order shipped and its Shipped status heard',
    });
    const checks: Array<{ payload: string }> = await h.app.services.db('jobs').where({ kind: JOB.orderShippedStatus, state: 'pending' }).select('payload');
    const payloadOf = (text: string) => JOBS[JOB.orderShippedStatus].payload.parse(JSON.parse(text));
    for (const c of checks) await confirmShippedStatus(h.app.services, jobOf(STORE, JOB.orderShippedStatus, payloadOf(c.payload)));
    const perOrder = h.sandbox.control.requests.filter((r) => {
      const m = /\/v2\/orders\/(\d+)(\/|$)/.exec(r.path);
      return m && ids.has(Number(m[1]));
    });
    const byKind = perOrder.reduce<Record<string, number>>((acc, r) => {
      const key = `${r.method} ${r.path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+/g, '/{id}')}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});
    return { orders: count, calls: perOrder.length, callsPerOrder: perOrder.length / count, byKind, shippedStatusChecks: checks.length };
  } finally {
    await h.close();
  }
}
