// Row selection on the Orders list, kept by order id so a live refresh (new row objects) keeps
// it, and the bulk Retry built from it. Pure.
import type { OrderSummary } from '../../../../server/api/contract.js';
import { canRetry } from '../../lib/badges.js';
import { plural } from '../../lib/text.js';

type Row = Pick<OrderSummary, 'orderId' | 'state'>;

/** The selected ids still on the page (a refresh may have moved an order off it). */
export function keepSelection(selected: ReadonlySet<number>, items: readonly Pick<Row, 'orderId'>[]): Set<number> {
  const onPage = new Set(items.map((item) => item.orderId));
  const kept = new Set([...selected].filter((id) => onPage.has(id)));
  return kept.size === selected.size ? (selected as Set<number>) : kept;
}

/** The current row objects for the selected ids (BigDesign's Table compares rows by identity). */
export function selectedRows<T extends Pick<Row, 'orderId'>>(items: readonly T[], selected: ReadonlySet<number>): T[] {
  return items.filter((item) => selected.has(item.orderId));
}

export const idsOf = (rows: readonly Pick<Row, 'orderId'>[]): Set<number> => new Set(rows.map((row) => row.orderId));

/** Selected orders Retry may help (the server still skips those it can't, with the reason). */
export function retryableIds(items: readonly Row[], selected: ReadonlySet<number>): number[] {
  return items.filter((item) => selected.has(item.orderId) && canRetry(item.state)).map((item) => item.orderId);
}

/** The bar above the table: what is selected and what Retry would do. */
export function selectionSummary(selectedCount: number, retryableCount: number): string {
  if (selectedCount === 0) return 'Select orders that need attention, were rejected or failed to retry them together.';
  const selected = `${plural(selectedCount, 'order')} selected`;
  if (retryableCount === selectedCount) return `${selected}.`;
  const others = selectedCount - retryableCount;
  return `${selected}; ${others === 1 ? '1 of them is' : `${others.toLocaleString('en-US')} of them are`} not waiting for a fix and can’t be retried.`;
}

export const retryButtonLabel = (count: number): string => (count === 0 ? 'Retry' : `Retry ${plural(count, 'order')}`);
