import { Router } from 'express';
import { AppError, NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { requireManager } from '../sessions/require-manager.js';
import { startImportAll } from './backfill-routes.js';
import { OrdersQuery } from '../storage/orders-query.js';
import type { ImportWaitingResponse, OrdersListResponse } from './contract.js';
import { orderDetail } from './order-detail.js';
import { retryOrders } from './order-retry.js';
import { exportOrders } from './orders-export.js';
import { ordersFilterOf } from './orders-filter.js';
import { idParam, paging, parseInput } from './paging.js';
import { bulkRetryInput } from './inputs/orders.js';

export type OrdersRoutesDeps = Pick<Collaborators, 'audit' | 'bigcommerce' | 'clock' | 'db' | 'jobs' | 'orders' | 'settings' | 'shipments' | 'syncLog'>;

export function ordersRoutes(s: OrdersRoutesDeps): Router {
  const r = Router();
  const query = new OrdersQuery(s.db);

  r.get('/orders', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = ordersFilterOf(req.query);
    const out: OrdersListResponse = { ...(await query.list(sessionOf(res).storeHash, f, page, limit)), page, limit };
    res.json(out);
  });

  // Before /orders/:orderId, which would take "export.csv" for an order number.
  r.get('/orders/export.csv', exportOrders(s));

  r.get('/orders/:orderId', async (req, res) => {
    res.json(await orderDetail(s, sessionOf(res).storeHash, idParam(req.params.orderId, 'order id')));
  });

  // Retry sends what failed again: the order to the warehouse, and any shipment BigCommerce refused.
  // Where retrying cannot help (a mapping to add, an order already shipped), it says why.
  r.post('/orders/:orderId/retry', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const orderId = idParam(req.params.orderId, 'order id');
    // 404 for orders of other stores or never seen; 409 when Retry cannot help.
    const before = (await s.orders.get(storeHash, orderId))?.state;
    if (!before) throw new NotFoundError(`Order #${orderId} has not been seen by the app.`);
    const { skipped } = await retryOrders(s, storeHash, [orderId]);
    if (skipped.length > 0) throw new AppError(409, 'retry_cannot_help', `Order #${orderId}: ${skipped[0]!.reason}`);
    // Open to every member; audited (the state it was retried from, and that it was queued).
    await s.audit.record(
      { storeHash, actor: actorOf(res), action: 'order.retry', subject: `Order #${orderId}`, before: { state: before }, after: { state: 'queued' } },
      s.clock.now(),
    );
    res.json(await orderDetail(s, storeHash, orderId));
  });

  r.post('/orders/retry', async (req, res) => {
    const { orderIds } = parseInput(bulkRetryInput, req.body ?? {}, 'request');
    const { storeHash } = sessionOf(res);
    const out = await retryOrders(s, storeHash, orderIds);
    if (out.retried > 0) {
      const skipped = new Set(out.skipped.map((x) => x.orderId));
      const retried = [...new Set(orderIds)].filter((id) => !skipped.has(id));
      const subject = `${retried.length} ${retried.length === 1 ? 'order' : 'orders'}: ${retried.map((id) => `#${id}`).join(', ')}`;
      await s.audit.record({ storeHash, actor: actorOf(res), action: 'order.retry-bulk', subject, after: { retried, skipped: [...skipped] } }, s.clock.now());
    }
    res.json(out);
  });

  // Kept for compatibility: starts a backfill of everything waiting (backfill-routes.ts; the UI
  // uses POST /api/backfill with a date range) and answers how many orders wait.
  r.post('/orders/import-waiting', requireManager, async (_req, res) => {
    const out: ImportWaitingResponse = { enqueued: await startImportAll(s, res) };
    res.json(out);
  });

  return r;
}
