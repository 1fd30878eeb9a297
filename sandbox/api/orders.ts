// Orders v2 (reference/orders.v2.oas2.yml): GET /orders, GET /orders/count, GET/PUT/DELETE
// /orders/{id}. Reading takes store_v2_orders or store_v2_orders_read_only; writing takes
// store_v2_orders. An empty collection answers 204 with no body, as BigCommerce's v2 API does.
import type { Request, Response, Router } from 'express';
import { parseOrderQuery, QueryError } from '../orders/query.js';
import { renderOrder, type IncludeOptions, type RenderContext } from '../orders/render.js';
import { ORDER_STATUSES, isStatusId, renderStatus } from '../orders/statuses.js';
import type { OrderRecord } from '../orders/types.js';
import type { SandboxState } from '../state.js';
import { readScope, requireScope } from './auth.js';
import { sendApiError } from './errors.js';

export const ORDERS_READ = readScope('store_v2_orders');
export const ORDERS_WRITE = ['store_v2_orders'];

export function renderContext(state: SandboxState, req: Request): RenderContext {
  const hash = String(req.params.hash);
  return {
    apiBase: `${req.protocol}://${req.get('host') ?? '127.0.0.1'}/stores/${hash}/v2`,
    customLabel: (id) => state.orders.customLabel(hash, id),
  };
}

/**
 * include=consignments / consignments.line_items only take effect with consignment_structure=object.
 * The legacy "array structure" is not emulated: without the parameter `consignments` stays a
 * resource link, so an app that forgets it notices here rather than in production.
 */
export function includeOptions(req: Request): IncludeOptions {
  const raw = req.query.include;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((s) => s.trim());
  const asObject = req.query.consignment_structure === 'object';
  const lineItems = asObject && parts.includes('consignments.line_items');
  return { consignments: asObject && (lineItems || parts.includes('consignments')), lineItems };
}

/** The order named by :id of this store, or a v2 404 (unknown and malformed ids alike). */
export function findOrder(state: SandboxState, req: Request, res: Response): OrderRecord | undefined {
  const id = String(req.params.id);
  const order = /^\d+$/.test(id) ? state.orders.get(String(req.params.hash), Number(id)) : undefined;
  if (!order) sendApiError(req, res, 404, 'The requested resource was not found.');
  return order;
}

function filtered(state: SandboxState, req: Request, res: Response): { orders: OrderRecord[]; page: number; limit: number } | undefined {
  try {
    const q = parseOrderQuery(req.query);
    const orders = state.orders.list(String(req.params.hash)).filter(q.filter).sort(q.compare);
    return { orders, page: q.page, limit: q.limit };
  } catch (err) {
    if (err instanceof QueryError) return void sendApiError(req, res, 400, err.message);
    throw err;
  }
}

export function registerOrders(v2: Router, state: SandboxState): void {
  const read = requireScope(ORDERS_READ);
  const write = requireScope(ORDERS_WRITE);

  v2.get('/orders', read, (req, res) => {
    const result = filtered(state, req, res);
    if (!result) return;
    const { orders, page, limit } = result;
    const slice = orders.slice((page - 1) * limit, page * limit);
    if (slice.length === 0) return void res.status(204).end();
    const ctx = renderContext(state, req);
    const include = includeOptions(req);
    res.json(slice.map((o) => renderOrder(ctx, o, include)));
  });

  // ordersCount_Full: every status (in control-panel order) with its count, plus the total.
  v2.get('/orders/count', read, (req, res) => {
    const result = filtered(state, req, res);
    if (!result) return;
    const hash = String(req.params.hash);
    const statuses = [...ORDER_STATUSES]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((def) => {
        const { order, ...base } = renderStatus(def, state.orders.customLabel(hash, def.id));
        return { ...base, count: result.orders.filter((o) => o.statusId === def.id).length, sort_order: order };
      });
    res.json({ statuses, count: result.orders.length });
  });

  v2.get('/orders/:id', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (order) res.json(renderOrder(renderContext(state, req), order, includeOptions(req)));
  });

  v2.put('/orders/:id', write, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) return sendApiError(req, res, 400, 'The request body is invalid.');
    if (body.status_id !== undefined && !isStatusId(body.status_id)) {
      return sendApiError(req, res, 400, "The field 'status_id' is invalid.");
    }
    for (const field of ['customer_message', 'staff_notes'] as const) {
      if (body[field] !== undefined && typeof body[field] !== 'string') return sendApiError(req, res, 400, `The field '${field}' is invalid.`);
    }
    const hash = String(req.params.hash);
    // Status first: statusUpdated + updated fire for it; other fields fire one more updated.
    if (typeof body.status_id === 'number') state.orders.setStatus(hash, order.id, body.status_id);
    state.orders.update(hash, order.id, (o) => {
      let changed = false;
      if (typeof body.customer_message === 'string' && body.customer_message !== o.customerMessage) {
        o.customerMessage = body.customer_message;
        changed = true;
      }
      if (typeof body.staff_notes === 'string' && body.staff_notes !== o.staffNotes) {
        o.staffNotes = body.staff_notes;
        changed = true;
      }
      return changed;
    });
    res.json(renderOrder(renderContext(state, req), order, includeOptions(req)));
  });

  // Archives the order (is_deleted) and fires store/order/archived.
  v2.delete('/orders/:id', write, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    state.orders.archive(String(req.params.hash), order.id);
    res.status(204).end();
  });
}
