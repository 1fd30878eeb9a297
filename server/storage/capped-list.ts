import type { Knex } from 'knex';

/**
 * Lists count and page through at most this many matches. An exact count(*) over a million rows
 * walks a million index entries on every page load (SQLite runs it synchronously, stalling every
 * other request); past this many, the UI asks the merchant to narrow the filters instead.
 */
export const LIST_CAP = 10_000;

export interface CappedWindow<R> {
  rows: R[];
  /** Matches, counted up to LIST_CAP. */
  total: number;
  /** True when there are more than LIST_CAP matches (total is then LIST_CAP). */
  totalCapped: boolean;
}

/**
 * Runs a filtered list query (`q` has its WHERE, `ordered` adds the ORDER BY) for one page: the
 * count stops at LIST_CAP + 1, and pages beyond LIST_CAP come back empty, so no request scans more
 * than LIST_CAP + limit index entries.
 */
export async function cappedPage<R>(
  db: Knex,
  q: Knex.QueryBuilder,
  ordered: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  page: number,
  limit: number,
  cap = LIST_CAP,
): Promise<CappedWindow<R>> {
  const inner = q
    .clone()
    .clearSelect()
    .select(db.raw('1'))
    .limit(cap + 1);
  const [{ n }] = (await db.from(inner.as('capped')).count({ n: '*' })) as [{ n: number | string }];
  const matches = Number(n);
  const offset = (page - 1) * limit;
  const take = Math.min(limit, cap - offset);
  const rows = take > 0 && offset < matches ? ((await ordered(q.clone()).limit(take).offset(offset)) as R[]) : [];
  return { rows, total: Math.min(matches, cap), totalCapped: matches > cap };
}
