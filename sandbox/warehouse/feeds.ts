// Optional cursor feeds (the pull alternative to events, for an app catching up after downtime):
//   GET /v1/shipments?since={cursor}&limit={1-100}
//   GET /v1/inventory?since={cursor}&limit={1-100}
// → {data:[…], next_cursor, has_more}. A cursor is opaque to the app: here it wraps a sequence
// number shared by shipments and stock changes. Passing next_cursor back returns only newer items;
// next_cursor is returned even when `data` is empty, so the app can always store it.
import express, { type Request, type Router } from 'express';
import { ApiError, accountOf, entryOf } from './auth.js';
import type { WarehouseState } from './state.js';
import type { WarehouseShipment } from './types.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  const text = typeof raw === 'string' ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  const match = /^seq:(\d{1,15})$/.exec(text);
  if (!match) throw new ApiError(400, 'invalid_cursor', 'since must be a next_cursor value returned by this endpoint.');
  return Number(match[1]);
}

function readLimit(req: Request): number {
  const raw = req.query.limit;
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new ApiError(400, 'invalid_limit', `limit must be 1-${MAX_LIMIT}.`);
  return n;
}

/** One page: items after `since` in sequence order, and the cursor to continue from. */
function page<T extends { seq: number }>(items: T[], since: number, limit: number) {
  const newer = items.filter((i) => i.seq > since).sort((a, b) => a.seq - b.seq);
  const data = newer.slice(0, limit);
  const last = data.at(-1)?.seq ?? since;
  return { data, next_cursor: encodeCursor(last), has_more: newer.length > data.length };
}

export function shipmentJson(state: WarehouseState, s: WarehouseShipment) {
  const order = state.order(s.orderId);
  return {
    shipment_id: s.id,
    order_id: s.orderId,
    external_ref: order.body.external_ref,
    tracking_number: s.trackingNumber,
    carrier: s.carrier,
    service: s.service,
    tracking_url: s.trackingUrl,
    items: s.items,
    created_at: new Date(s.createdAt).toISOString(),
  };
}

export function feedsRouter(state: WarehouseState): Router {
  const r = express.Router();

  r.get('/shipments', (req, res) => {
    const accountId = accountOf(res).id;
    const shipments = [...state.orders.values()].filter((o) => o.accountId === accountId).flatMap((o) => o.shipments);
    const result = page(shipments, decodeCursor(req.query.since), readLimit(req));
    entryOf(res).outcome = 'ok';
    res.json({ ...result, data: result.data.map((s) => shipmentJson(state, s)) });
  });

  r.get('/inventory', (req, res) => {
    const levels = [...state.inventoryOf(accountOf(res).id).values()];
    const result = page(levels, decodeCursor(req.query.since), readLimit(req));
    entryOf(res).outcome = 'ok';
    res.json({
      ...result,
      data: result.data.map((l) => ({ sku: l.sku, available: l.available, location: l.location, updated_at: new Date(l.updatedAt).toISOString() })),
    });
  });

  return r;
}
