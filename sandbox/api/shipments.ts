// Order shipments v2 (orders.v2.oas2.yml "Order Shipments"):
//   GET    /orders/{id}/shipments               list (page, limit); 204 "No shipments exist"
//   POST   /orders/{id}/shipments               201 orderShipment
//   DELETE /orders/{id}/shipments               all of the order's shipments, 204
//   GET    /orders/{id}/shipments/count         {count}
//   GET    /orders/{id}/shipments/{shipment_id}
//   PUT    /orders/{id}/shipments/{shipment_id} orderShipment_Put (no items)
//   DELETE /orders/{id}/shipments/{shipment_id} 204
// Reading takes store_v2_orders or store_v2_orders_read_only; writing takes store_v2_orders.
// Validation and effects (quantities, order status, webhooks) are in shipments/book.ts.
import type { Request, Response, Router } from 'express';
import type { ShipmentRecord } from '../shipments/types.js';
import { renderShipment } from '../shipments/render.js';
import { parseShipmentPost, parseShipmentPut } from '../shipments/validate.js';
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import { requireScope } from './auth.js';
import { sendApiError } from './errors.js';
import { findOrder, ORDERS_READ, ORDERS_WRITE } from './orders.js';

const NOT_FOUND = 'The requested resource was not found.';

/** v2 paging of a sub-resource: default 50, at most 250. */
function page<T>(items: T[], query: Record<string, unknown>): T[] {
  const p = Math.max(1, Number(query.page) || 1);
  const limit = Math.min(250, Math.max(1, Number(query.limit) || 50));
  return items.slice((p - 1) * limit, p * limit);
}

/** Runs a shipment operation, answering its SandboxError (400 validation, 404, planned refusals) as a v2 error. */
function attempt(req: Request, res: Response, op: () => void): void {
  try {
    op();
  } catch (err) {
    if (err instanceof SandboxError) return sendApiError(req, res, err.status, err.status === 404 ? NOT_FOUND : err.message);
    throw err;
  }
}

export function registerShipments(v2: Router, state: SandboxState): void {
  const read = requireScope(ORDERS_READ);
  const write = requireScope(ORDERS_WRITE);
  const hashOf = (req: Request): string => String(req.params.hash);

  /** The :shipment_id of the order, or a v2 404. */
  const findShipment = (req: Request, res: Response, orderId: number): ShipmentRecord | undefined => {
    const id = String(req.params.shipmentId);
    const shipment = /^\d+$/.test(id) ? state.shipments.get(hashOf(req), orderId, Number(id)) : undefined;
    if (!shipment) sendApiError(req, res, 404, NOT_FOUND);
    return shipment;
  };

  v2.get('/orders/:id/shipments', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const list = page(state.shipments.list(hashOf(req), order.id), req.query as Record<string, unknown>);
    if (list.length === 0) return void res.status(204).end();
    res.json(list.map((s) => renderShipment(order, s)));
  });

  v2.post('/orders/:id/shipments', write, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    attempt(req, res, () => {
      const refusal = state.shipments.takeRefusal();
      if (refusal) throw new SandboxError(refusal.status, refusal.message);
      const shipment = state.shipments.create(hashOf(req), order.id, parseShipmentPost(req.body));
      // Written, but the caller never learns it (a gateway timing out after the write).
      if (state.shipments.takeLostAnswer()) return sendApiError(req, res, 504, 'Gateway Timeout');
      res.status(201).json(renderShipment(order, shipment));
    });
  });

  v2.delete('/orders/:id/shipments', write, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    state.shipments.deleteAll(hashOf(req), order.id);
    res.status(204).end();
  });

  // Registered before /:shipmentId so "count" is not taken for an id.
  v2.get('/orders/:id/shipments/count', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (order) res.json({ count: state.shipments.list(hashOf(req), order.id).length });
  });

  v2.get('/orders/:id/shipments/:shipmentId', read, (req, res) => {
    const order = findOrder(state, req, res);
    const shipment = order && findShipment(req, res, order.id);
    if (order && shipment) res.json(renderShipment(order, shipment));
  });

  v2.put('/orders/:id/shipments/:shipmentId', write, (req, res) => {
    const order = findOrder(state, req, res);
    const shipment = order && findShipment(req, res, order.id);
    if (!order || !shipment) return;
    attempt(req, res, () => {
      const updated = state.shipments.update(hashOf(req), order.id, shipment.id, parseShipmentPut(req.body));
      res.json(renderShipment(order, updated));
    });
  });

  v2.delete('/orders/:id/shipments/:shipmentId', write, (req, res) => {
    const order = findOrder(state, req, res);
    const shipment = order && findShipment(req, res, order.id);
    if (!order || !shipment) return;
    state.shipments.delete(hashOf(req), order.id, shipment.id);
    res.status(204).end();
  });
}
