import type { Settlement } from '../../storage/inventory-repo.js';
import type { LogInput } from '../../storage/sync-log-repo.js';

const DETAIL_LINES = 20;

/** One Activity entry per batch: how many levels were written, and why any were skipped. */
export function summarise(storeHash: string, outcomes: readonly Settlement[]): LogInput {
  const written = outcomes.filter((o) => o.status === 'synced');
  const notes = written.flatMap((o) => (o.note ? [`${o.sku}: ${o.note}`] : []));
  const skipped = outcomes.flatMap((o) => (o.status === 'skipped' ? [`${o.sku}: ${o.reason}`] : []));
  const lines = [...skipped, ...notes];
  return {
    storeHash,
    flow: 'inventory',
    level: skipped.length ? 'warn' : 'info',
    message: `Stock levels written to BigCommerce: ${written.length} ${written.length === 1 ? 'item' : 'items'}${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
    detail: lines.length
      ? lines.slice(0, DETAIL_LINES).join('\n') + (lines.length > DETAIL_LINES ? `\n… and ${lines.length - DETAIL_LINES} more on the Inventory page.` : '')
      : null,
  };
}
