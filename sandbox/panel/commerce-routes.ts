// JSON endpoints behind the control panel's Orders (with their shipments) and Webhooks sections (/sandbox/...). They call
// the same SandboxControl the tests use; the router they are mounted on (panel/routes.ts) already
// requires Content-Type: application/json on mutating requests and turns errors into JSON.
// Hook header values are never shown: apps put shared secrets there.
import type { Router } from 'express';
import { z } from 'zod';
import type { SandboxControl } from '../control.js';
import { money } from '../orders/render.js';
import { parseCreateOrders } from '../orders/create-request.js';
import { customerById } from '../orders/customers.js';
import type { OrderRecord } from '../orders/types.js';

const MAX_LISTED = 100;

const statusInput = z.object({ statusId: z.number().int() });
const labelInput = z.object({ label: z.string() });
const countInput = z.object({ n: z.number().int().min(0).max(100_000) });

/** What the orders table shows. */
export function orderSummary(control: SandboxControl, o: OrderRecord): Record<string, unknown> {
  const labels = control.statusLabels(o.storeHash);
  const label = labels.find((s) => s.id === o.statusId);
  return {
    id: o.id,
    statusId: o.statusId,
    status: label?.customLabel ?? String(o.statusId),
    isDeleted: o.isDeleted,
    customer: `${o.billing.firstName} ${o.billing.lastName}`.trim(),
    email: o.billing.email,
    // 0: a guest; else the registered customer (orders/customers.ts) and their group.
    customerId: o.customerId,
    customerGroupId: customerById(o.customerId)?.customerGroupId ?? 0,
    countries: [...new Set(o.consignments.map((c) => c.address.countryIso2))],
    paymentMethod: o.paymentMethod,
    channelId: o.channelId,
    shippingMethods: [...new Set(o.consignments.map((c) => c.shippingMethod))],
    items: o.lines.reduce((n, l) => n + l.quantity, 0),
    skus: o.lines.map((l) => l.sku),
    // Shipments column: how many, and their tracking numbers (shipments/book.ts).
    shipments: control.shipments(o.storeHash, o.id).map((s) => ({ id: s.id, trackingNumber: s.trackingNumber })),
    itemsShipped: o.lines.reduce((n, l) => n + l.quantityShipped, 0),
    total: money(o.lines.reduce((n, l) => n + l.price * l.quantity, 0) + o.consignments.reduce((n, c) => n + c.shippingCost, 0)),
    createdAt: new Date(o.createdAt).toISOString(),
    modifiedAt: new Date(o.modifiedAt).toISOString(),
  };
}

export function registerCommerceRoutes(r: Router, control: SandboxControl): void {
  r.get('/stores/:hash/orders', (req, res) => {
    const all = control.orders(req.params.hash);
    const newest = all.sort((a, b) => b.id - a.id).slice(0, MAX_LISTED);
    res.json({ total: all.length, orders: newest.map((o) => orderSummary(control, o)), statuses: control.statusLabels(req.params.hash) });
  });

  // One order or up to 500 alike, each firing store/order/created (and, with storm, the checkout
  // storm's events) exactly as an order created any other way (orders/book.ts).
  r.post('/stores/:hash/orders', (req, res) => {
    const { count, input } = parseCreateOrders(control.state, req.params.hash, req.body);
    const created = control.createOrders(req.params.hash, count, input);
    res.status(201).json({ created: created.length, ids: created.map((o) => o.id), order: orderSummary(control, created[0]!) });
  });

  r.put('/stores/:hash/orders/:id/status', (req, res) => {
    const { statusId } = statusInput.parse(req.body ?? {});
    res.json(orderSummary(control, control.setOrderStatus(req.params.hash, Number(req.params.id), statusId)));
  });

  r.put('/stores/:hash/order-statuses/:id', (req, res) => {
    control.setStatusLabel(req.params.hash, Number(req.params.id), labelInput.parse(req.body ?? {}).label);
    res.json(control.statusLabels(req.params.hash));
  });

  r.get('/stores/:hash/hooks', (req, res) => {
    res.json(control.hooks(req.params.hash).map(({ headers, ...h }) => ({ ...h, headerNames: Object.keys(headers ?? {}) })));
  });

  r.get('/webhooks', (req, res) => {
    const store = typeof req.query.store === 'string' ? req.query.store : undefined;
    const events = control.webhookEvents.filter((e) => !store || e.storeHash === store).slice(-MAX_LISTED);
    const ids = new Set(events.map((e) => e.id));
    res.json({
      paused: control.webhooks.paused,
      pending: control.webhooks.pending(),
      events: events.map(({ body: _b, payload, ...e }) => ({ ...e, data: payload.data, hash: payload.hash })).reverse(),
      deliveries: control.deliveries
        .filter((d) => !store || ids.has(d.eventId))
        .slice(-MAX_LISTED)
        .reverse(),
    });
  });

  r.post('/webhooks/pause', (_req, res) => {
    control.webhooks.pause();
    res.json({ paused: true, pending: control.webhooks.pending() });
  });

  r.post('/webhooks/resume', (_req, res) => {
    control.webhooks.resume();
    res.json({ paused: false, pending: control.webhooks.pending() });
  });

  r.post('/webhooks/flush', async (_req, res) => {
    await control.webhooks.flush();
    res.json({ paused: control.webhooks.paused, pending: control.webhooks.pending() });
  });

  r.post('/webhooks/drop', (req, res) => {
    control.webhooks.drop(countInput.parse(req.body ?? {}).n);
    res.json({ ok: true });
  });

  r.post('/webhooks/duplicate', (req, res) => {
    control.webhooks.duplicate(countInput.parse(req.body ?? {}).n);
    res.json({ ok: true });
  });

  r.post('/webhooks/reverse', (_req, res) => {
    control.webhooks.reverseNextBatch();
    res.json({ ok: true });
  });

  r.delete('/webhooks/log', (_req, res) => {
    control.webhooks.resetLog();
    res.status(204).end();
  });
}
