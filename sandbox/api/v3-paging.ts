// Paging of v3 collections: `page` and `limit` query parameters and the `meta.pagination` object of
// the specs' Meta schema ({total, count, per_page, current_page, total_pages, links}).

export interface Page<T> {
  data: T[];
  meta: { pagination: Record<string, unknown> };
}

/** Out-of-range values are clamped rather than refused: page ≥ 1, 1 ≤ limit ≤ maxLimit. */
export function pageOf<T>(all: T[], query: Record<string, unknown>, opts: { defaultLimit: number; maxLimit: number }): Page<T> {
  const limit = Math.min(opts.maxLimit, Math.max(1, Math.floor(Number(query.limit)) || opts.defaultLimit));
  const page = Math.max(1, Math.floor(Number(query.page)) || 1);
  const totalPages = Math.max(1, Math.ceil(all.length / limit));
  const data = all.slice((page - 1) * limit, page * limit);
  const link = (p: number): string => `?page=${p}&limit=${limit}`;
  const links: Record<string, string> = { current: link(page) };
  if (page > 1) links.previous = link(page - 1);
  if (page < totalPages) links.next = link(page + 1);
  return {
    data,
    meta: { pagination: { total: all.length, count: data.length, per_page: limit, current_page: page, total_pages: totalPages, links } },
  };
}

/**
 * A `name:in` filter ("comma separated list"); undefined when absent. Repeated parameters are
 * merged. With `integers`, a non-integer entry makes the whole filter invalid (null).
 */
export function inFilter(query: Record<string, unknown>, name: string, integers: true): number[] | null | undefined;
export function inFilter(query: Record<string, unknown>, name: string, integers?: false): string[] | undefined;
export function inFilter(query: Record<string, unknown>, name: string, integers = false): Array<string | number> | null | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((s) => s.trim())
    .filter(Boolean);
  if (!integers) return parts;
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}
