import type { Page } from '../../../server/api/contract.js';

/**
 * The line shown above a list whose matches the server stopped counting (Page.totalCapped): the
 * table's "10000 events" would otherwise read as an exact count, and older rows as missing.
 */
export function cappedNote(page: Pick<Page<unknown>, 'total' | 'totalCapped'>, itemName: string): string | undefined {
  if (!page.totalCapped) return undefined;
  const n = page.total.toLocaleString('en-US');
  return `More than ${n} ${itemName} match; only the first ${n} can be paged through. Narrow the filters (for example the dates) to reach the rest.`;
}
