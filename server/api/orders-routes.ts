import { Router } from 'express';
import { z } from 'zod';
import { AppError, NotFoundError } from '../errors.js';
import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';
import { reconcileOrders } from '../flows/order-import/reconcile-orders.js';
import type { Services } from '../services.js';
import { sessionOf } from '../sessions/require-session.js';
import { toSummary } from '../storage/orders-repo.js';
import { JOB, orderSyncKey } from '../webhooks/topics.js';
import type { ImportWaitingResponse, OrderDetail, OrderLoopDetail } from './contract.js';
import { toShipmentView } from '../storage/shipments-repo.js';
import { idParam, paging, parseInput } from './paging.js';

const filters = z.object({
  state: z.enum(['waiting', 'sent', 'needs_attention', 'failed', 'shipped', 'cancelled']).optional(),
  search: z
    .string()
    .trim()
    .regex(/^#?\d{1,12}$/, 'Search by order number')
    .transform((v) => Number(v.replace('#', '')))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

async function detail(s: Services, storeHash: string, orderId: number): Promise<OrderDetail & OrderLoopDetail> {
  const o = await s.orders.get(storeHash, orderId);
  if (!o) throw new NotFoundError(`Order #${orderId} has not been seen by the app.`);
  const shipments = (await s.shipments.forOrder(storeHash, orderId)).map(toShipmentView);
  const cancellation = o.cancellation ? { ...o.cancellation, at: new Date(o.cancellation.at).toISOString() } : null;
  return {
    ...toSummary(o),
    attentionReason: o.attentionReason,
    payloadSent: o.payloadSent,
    timeline: await s.syncLog.timeline(storeHash, orderId),
    shipments,
    cancellation,
    alert: o.alert,
  };
}

export function ordersRoutes(s: Services): Router {
  const r = Router();

  r.get('/orders', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = parseInput(filters, { state: req.query.state || undefined, search: req.query.search }, 'filter');
    res.json({ ...(await s.orders.list(sessionOf(res).storeHash, f, page, limit)), page, limit });
  });

  r.get('/orders/:orderId', async (req, res) => {
    res.json(await detail(s, sessionOf(res).storeHash, idParam(req.params.orderId, 'order id')));
  });

  // Retry sends what failed again: the order to the warehouse, and any shipment BigCommerce refused.
  r.post('/orders/:orderId/retry', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const orderId = idParam(req.params.orderId, 'order id');
    await detail(s, storeHash, orderId); // 404 for orders of other stores or never seen
    const failedShipments = await s.shipments.failedForOrders(storeHash, [orderId]);
    // recheck: an order already sent has its status read again, to pass on a missed cancellation.
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.orderSync, payload: { orderId, recheck: true }, dedupeKey: orderSyncKey(storeHash, orderId) });
    await enqueueShipmentRetries(s, storeHash, failedShipments);
    const what = failedShipments.length > 0 ? ` ${failedShipments.length === 1 ? 'The failed shipment is' : `${failedShipments.length} failed shipments are`} sent to BigCommerce again.` : '';
    await s.syncLog.append({ storeHash, orderId, flow: 'orders', message: `Retry requested.${what}` }, s.clock.now());
    s.jobs.wake();
    res.json(await detail(s, storeHash, orderId));
  });

  r.post('/orders/import-waiting', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    // Listing happens now so the merchant sees how many orders were queued; sending is queued.
    let enqueued: number;
    try {
      enqueued = await reconcileOrders(s, storeHash, { all: true });
    } catch (err) {
      throw new AppError(502, 'bigcommerce_unavailable', `BigCommerce did not list the waiting orders just now (${err instanceof Error ? err.message : 'error'}). Try again in a moment.`);
    }
    const out: ImportWaitingResponse = { enqueued };
    res.json(out);
  });

  return r;
}
