// The warehouse's /v1 API as the app sees it (docs/fulfillment-api.openapi.yaml):
//   GET  /v1/account                 connection test
//   POST /v1/orders                  create, idempotent per Idempotency-Key (201 new, 200 repeat)
//   POST /v1/orders/{id}/cancel      200 unless shipped (409)
//   GET  /v1/shipments, /v1/inventory  optional cursor feeds (feeds.ts)
//   GET  /v1/products?sku=…          optional SKU lookup (products.ts)
// Middleware order matters: the body is read before faults run, so a "slow" fault still creates the
// order after a client that gave up has disconnected (a create that timed out but happened).
import express, { type Router } from 'express';
import { fulfillmentOrderInputSchema } from '../../server/fulfillment/order.js';
import { ApiError, accountOf, authenticate, entryOf, notFound, onApiError, requestLog } from './auth.js';
import { faultMiddleware } from './faults.js';
import { feedsRouter } from './feeds.js';
import { productsRouter } from './products.js';
import { canonicalJson, type WarehouseState } from './state.js';
import type { WarehouseOrder } from './types.js';

const KEY_CHARS = /^[\x21-\x7e]{1,255}$/;

export function warehouseApiRouter(state: WarehouseState): Router {
  const r = express.Router();
  r.use(requestLog(state));
  r.use(express.json({ limit: '1mb' }));
  r.use(faultMiddleware(state));
  r.use(authenticate(state));

  r.get('/account', (_req, res) => {
    const { id, name } = accountOf(res);
    entryOf(res).outcome = 'ok';
    res.json({ id, name });
  });

  r.post('/orders', (req, res) => {
    const entry = entryOf(res);
    const account = accountOf(res);
    if (!req.is('application/json')) {
      entry.outcome = 'invalid';
      throw new ApiError(415, 'unsupported_media_type', 'Send the order as JSON (Content-Type: application/json).');
    }
    const key = req.get('idempotency-key');
    if (key === undefined || !KEY_CHARS.test(key)) {
      entry.outcome = 'invalid';
      throw new ApiError(400, 'idempotency_key_required', 'An Idempotency-Key header (1-255 visible ASCII characters) is required.');
    }

    const scope = `${account.id}\n${key}`;
    const fingerprint = canonicalJson(req.body);
    const seen = state.idempotency.get(scope);
    if (seen) {
      entry.orderId = seen.orderId;
      if (seen.fingerprint !== fingerprint) {
        // Same key, different request: almost certainly a bug or an edited order; never a second order.
        entry.outcome = 'key_reused';
        throw new ApiError(422, 'idempotency_key_reused', `Idempotency-Key ${key} was already used for order ${seen.orderId} with a different request body.`);
      }
      entry.outcome = 'repeat';
      res.status(200).json(seen.response);
      return;
    }

    // A body that fails validation does not use up the key: the corrected request may reuse it.
    const parsed = fulfillmentOrderInputSchema.safeParse(req.body);
    if (!parsed.success) {
      entry.outcome = 'invalid';
      const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      throw new ApiError(422, 'invalid_order', `The warehouse cannot accept this order: ${problems.join('; ')}`);
    }

    const now = state.now();
    const order: WarehouseOrder = {
      id: state.newOrderId(),
      accountId: account.id,
      idempotencyKey: key,
      body: req.body as Record<string, unknown>,
      status: 'received',
      receivedAt: now,
      updatedAt: now,
      reason: null,
      shipments: [],
    };
    state.orders.set(order.id, order);
    const response = { id: order.id, status: order.status };
    state.idempotency.set(scope, { orderId: order.id, fingerprint, response });
    entry.outcome = 'created';
    entry.orderId = order.id;
    res.status(201).json(response);
  });

  r.post('/orders/:id/cancel', (req, res) => {
    const entry = entryOf(res);
    const order = state.orders.get(req.params.id);
    // Another account's order is "not found", not "forbidden": ids must not be probeable.
    if (!order || order.accountId !== accountOf(res).id) {
      entry.outcome = 'not_found';
      throw new ApiError(404, 'not_found', `No order ${req.params.id}.`);
    }
    entry.orderId = order.id;
    if (order.status === 'shipped') {
      entry.outcome = 'conflict';
      throw new ApiError(409, 'already_shipped', `Order ${order.id} has already shipped and can no longer be cancelled.`);
    }
    if (order.status === 'received') {
      order.status = 'cancelled';
      order.reason = 'Cancelled by the store';
      order.updatedAt = state.now();
    }
    // Cancelled stays cancelled (a repeated cancel succeeds); rejected reports itself: it will not ship either.
    entry.outcome = 'cancelled';
    res.json({ status: order.status });
  });

  r.use(feedsRouter(state));
  r.use(productsRouter(state));
  r.use(notFound);
  r.use(onApiError);
  return r;
}
