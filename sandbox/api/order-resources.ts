// Sub-resources an order links to (orders.v2.oas2.yml), so an app can follow the `products`,
// `shipping_addresses`, `consignments` and `coupons` links of GET /v2/orders/{id}; plus
// GET /v2/order_statuses[/{id}]. Same read scopes as the orders themselves.
import type { Router } from 'express';
import { renderConsignments, renderLine, renderShippingAddress } from '../orders/render.js';
import { ORDER_STATUSES, renderStatus, statusDef } from '../orders/statuses.js';
import type { SandboxState } from '../state.js';
import { requireScope } from './auth.js';
import { sendApiError } from './errors.js';
import { findOrder, ORDERS_READ, renderContext } from './orders.js';

/** Applies v2 paging (default 50, at most 250) to a sub-resource list. */
function page<T>(items: T[], query: Record<string, unknown>): T[] {
  const p = Math.max(1, Number(query.page) || 1);
  const limit = Math.min(250, Math.max(1, Number(query.limit) || 50));
  return items.slice((p - 1) * limit, p * limit);
}

export function registerOrderResources(v2: Router, state: SandboxState): void {
  const read = requireScope(ORDERS_READ);

  v2.get('/orders/:id/products', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const lines = page(order.lines, req.query as Record<string, unknown>);
    if (lines.length === 0) return void res.status(204).end();
    res.json(lines.map((l) => renderLine(order, l)));
  });

  v2.get('/orders/:id/products/:lineId', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const line = order.lines.find((l) => String(l.id) === req.params.lineId);
    if (!line) return sendApiError(req, res, 404, 'The requested resource was not found.');
    res.json(renderLine(order, line));
  });

  // The documented path is shipping_addresses; the links in the spec's examples say shippingaddresses.
  v2.get(['/orders/:id/shipping_addresses', '/orders/:id/shippingaddresses'], read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const ctx = renderContext(state, req);
    const list = page(order.consignments, req.query as Record<string, unknown>);
    if (list.length === 0) return void res.status(204).end();
    res.json(list.map((c) => renderShippingAddress(ctx, order, c)));
  });

  v2.get(['/orders/:id/shipping_addresses/:addressId', '/orders/:id/shippingaddresses/:addressId'], read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const c = order.consignments.find((x) => String(x.id) === req.params.addressId);
    if (!c) return sendApiError(req, res, 404, 'The requested resource was not found.');
    res.json(renderShippingAddress(renderContext(state, req), order, c));
  });

  v2.get('/orders/:id/consignments', read, (req, res) => {
    const order = findOrder(state, req, res);
    if (!order) return;
    const raw = typeof req.query.include === 'string' ? req.query.include.split(',') : [];
    res.json(renderConsignments(renderContext(state, req), order, raw.includes('consignments.line_items')));
  });

  // Sandbox orders carry no coupons: an empty v2 collection.
  v2.get('/orders/:id/coupons', read, (req, res) => {
    if (findOrder(state, req, res)) res.status(204).end();
  });

  v2.get('/order_statuses', read, (req, res) => {
    const hash = String(req.params.hash);
    res.json(ORDER_STATUSES.map((def) => renderStatus(def, state.orders.customLabel(hash, def.id))));
  });

  v2.get('/order_statuses/:statusId', read, (req, res) => {
    const id = String(req.params.statusId);
    const def = /^\d+$/.test(id) ? statusDef(Number(id)) : undefined;
    if (!def) return sendApiError(req, res, 404, 'The requested resource was not found.');
    res.json(renderStatus(def, state.orders.customLabel(String(req.params.hash), def.id)));
  });
}
