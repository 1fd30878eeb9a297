import { useCallback, useEffect, useMemo } from 'react';
import type { Page } from '../../../server/api/contract';
import {
  clearFilters,
  formatListState,
  hasActiveFilters,
  lastPage,
  parseListState,
  pageSizesOf,
  withFilters,
  withLimit,
  withPage,
  type FieldSpecs,
  type ListQueryOptions,
  type ListState,
} from '../lib/listQuery';
import { navigate, usePathname, useSearch } from '../router/history';
import { usePolledGet, type PolledGetState } from './usePolledGet';

export interface PagedQueryConfig<F> {
  /** Module-level constant: how each filter maps to the query string. */
  specs: FieldSpecs<F>;
  /** Module-level constant too (it is a hook dependency). */
  options?: ListQueryOptions;
  /** The API path for a state, e.g. "/api/orders?page=2&limit=25&state=failed". */
  toApiPath(state: ListState<F>): string;
  /** Live refresh: fetch the page again every so many ms while the tab is visible (none when unset). */
  refreshMs?: number;
}

export interface TablePagination {
  currentPage: number;
  itemsPerPage: number;
  itemsPerPageOptions: number[];
  totalItems: number;
  onPageChange(page: number): void;
  onItemsPerPageChange(limit: number): void;
}

export interface PagedQuery<F, T> {
  state: ListState<F>;
  result: PolledGetState<Page<T>>;
  /** The page to show: the fresh answer, or the previous one while the next loads. */
  page: Page<T> | undefined;
  loading: boolean;
  filtered: boolean;
  setFilters(changes: Partial<F>): void;
  clear(): void;
  pagination: TablePagination | undefined;
}

/**
 * A server-paginated list whose filters, page and page size live in the URL query string, so
 * reload and back/forward keep them. Changes push a history entry; corrections replace it.
 */
export function usePagedQuery<F, T>({ specs, options, toApiPath, refreshMs }: PagedQueryConfig<F>): PagedQuery<F, T> {
  const pathname = usePathname();
  const search = useSearch();
  const state = useMemo(() => parseListState(search, specs, options), [search, specs, options]);
  const path = toApiPath(state);
  const result = usePolledGet<Page<T>>(path, refreshMs);

  const go = useCallback(
    (next: ListState<F>, replace = false) => {
      // BigDesign's pagination may call back after the user has already navigated away (e.g. a row
      // click to the detail page); a late list update must never pull them back to the list.
      if (window.location.pathname !== pathname) return;
      navigate(`${pathname}${formatListState(next, specs, options, window.location.search)}`, { replace });
    },
    [pathname, specs, options],
  );

  const page = result.status === 'success' ? result.data : result.status === 'loading' ? result.stale : undefined;
  const total = page?.total ?? 0;
  const maxPage = lastPage(total, state.limit);

  // A page past the end (rows were deleted, or an old link): show the last page instead. Only
  // judged on an answer for the current URL, never on the previous list's total.
  const current = result.status === 'success' && result.path === path;
  useEffect(() => {
    if (current && state.page > maxPage) go(withPage(state, maxPage), true);
  }, [current, state, maxPage, go]);

  const pagination: TablePagination | undefined =
    page && total > 0
      ? {
          currentPage: Math.min(state.page, maxPage),
          itemsPerPage: state.limit,
          itemsPerPageOptions: [...pageSizesOf(options)],
          totalItems: total,
          onPageChange: (n) => {
            if (n !== state.page) go(withPage(state, n));
          },
          onItemsPerPageChange: (limit) => go(withLimit(state, limit, options)),
        }
      : undefined;

  return {
    state,
    result,
    page,
    loading: result.status === 'loading',
    filtered: hasActiveFilters(state, specs),
    setFilters: (changes) => go(withFilters(state, changes)),
    clear: () => go(clearFilters(state, specs)),
    pagination,
  };
}
