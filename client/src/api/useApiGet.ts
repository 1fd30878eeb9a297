import type { ApiRequestError } from './http';
import { usePolledGet } from './usePolledGet';

export type ApiGetState<T> =
  /** `stale` is the previous answer while a new path loads (tables keep showing it). */
  | { status: 'loading'; stale?: T }
  /** `path` is the path the data was loaded from. */
  | { status: 'success'; data: T; path: string }
  | { status: 'error'; error: ApiRequestError };

/** GETs a JSON endpoint with the session token; `reload` fetches it again. usePolledGet without polling. */
export function useApiGet<T>(path: string): ApiGetState<T> & { reload(): void } {
  const { refresh: _refresh, refreshedAt: _refreshedAt, refreshError: _refreshError, ...state } = usePolledGet<T>(path);
  return state;
}
