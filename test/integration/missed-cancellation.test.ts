// Issue 7 review, point 1, through the sandboxes: a sent order cancelled while its statusUpdated
// webhook is lost (secret replaced, hook deactivated, downtime) is cancelled at the warehouse by
// the periodic reconciliation, which lists the cancellation statuses with the real v2 query.
import { workSettled } from '../helpers/queue-idle.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';

let h: ImportHarness;
beforeAll(async () => {
  h = await startImportHarness();
});
afterAll(async () => h?.close());

const row = (orderId: number) => h.app.services.orders.get(STORE, orderId);
const drained = async () => {
  await h.sandbox.control.webhooks.idle();
  await waitFor(() => workSettled(h.app.services.jobs.queue, h.worker), { what: 'queue drained' });
};

describe('a cancellation whose webhook never arrived', () => {
  it('is found by the reconciliation and passed on to the warehouse', async () => {
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11 });
    const sent = await waitFor(async () => ((await row(order.id))?.backendOrderId ? row(order.id) : undefined), { what: 'order sent' });
    await drained();

    h.sandbox.control.webhooks.drop(1);
    h.sandbox.control.setOrderStatus(STORE, order.id, 5);
    await drained();
    expect(h.warehouse.control.order(sent.backendOrderId!).status).not.toBe('cancelled');

    await h.app.services.jobs.queue.enqueue({ storeHash: STORE, kind: 'orders.reconcile', dedupeKey: `reconcile:${STORE}` });
    await waitFor(() => h.warehouse.control.order(sent.backendOrderId!).status === 'cancelled', { what: 'cancelled at the warehouse' });
    await waitFor(async () => (await row(order.id))?.state === 'cancelled', { what: 'order cancelled' });
    const activity = await h.api('get', '/api/activity?level=warn');
    expect(activity.body.items.some((a: { message: string }) => /cancelled in BigCommerce that no webhook reported/.test(a.message))).toBe(true);
  });
});
