import type { Request, Response } from 'express';
import type { Collaborators } from '../collaborators.js';
import { sessionOf } from '../sessions/require-session.js';
import { OrdersQuery } from '../storage/orders-query.js';
import type { OrderSummary } from './contract.js';
import { ORDER_STATE_LABELS } from '../../shared/order-state-labels.js';
import { ordersFilterOf } from './orders-filter.js';

/** Rows in one export; more are cut, and the answer says so (X-Truncated). */
export const EXPORT_MAX_ROWS = 10_000;

export const EXPORT_HEADER = ['order', 'date', 'customer', 'email', 'state', 'BigCommerce status', 'warehouse reference', 'last error', 'updated'];

/**
 * One CSV cell (RFC 4180). A value a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return that hides one) is prefixed with ' so it stays text: customer names
 * and warehouse messages come from outside the store (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: ReadonlyArray<string | number | null>): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Instants as ISO-8601 UTC without milliseconds ("2026-11-30T10:40:00Z"). */
const when = (iso: string | null) => (iso == null ? null : iso.replace(/\.\d{3}Z$/, 'Z'));

export function exportRow(o: OrderSummary): Array<string | number | null> {
  return [o.orderId, when(o.orderDate), o.customer, o.email, ORDER_STATE_LABELS[o.state] ?? o.state, o.bcStatus, o.backendOrderId, o.lastError, when(o.updatedAt)];
}

/** The CSV text: a byte-order mark (so spreadsheets read it as UTF-8), the header, one line per order. */
export function ordersCsv(orders: readonly OrderSummary[]): string {
  return `\uFEFF${csvLine(EXPORT_HEADER)}${orders.map((o) => csvLine(exportRow(o))).join('')}`;
}

/** GET /api/orders/export.csv?state&search&from&to: the list's current filter, newest first. */
export function exportOrders(s: Pick<Collaborators, 'db' | 'clock'>, maxRows = EXPORT_MAX_ROWS) {
  const query = new OrdersQuery(s.db);
  return async (req: Request, res: Response): Promise<void> => {
    const f = ordersFilterOf(req.query);
    const { storeHash } = sessionOf(res);
    const { rows, truncated } = await query.forExport(storeHash, f, maxRows);
    const day = new Date(s.clock.now()).toISOString().slice(0, 10);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="orders-${day}.csv"`);
    res.set('X-Row-Count', String(rows.length));
    // The page reads this to say "only the first 10,000 orders were exported; narrow the filter".
    if (truncated) res.set('X-Truncated', 'true');
    res.send(ordersCsv(rows));
  };
}
