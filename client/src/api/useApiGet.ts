import { useCallback, useEffect, useState } from 'react';
import { api, asApiError, type ApiRequestError } from './http';

export type ApiGetState<T> =
  /** `stale` is the previous answer while a new path loads (tables keep showing it). */
  | { status: 'loading'; stale?: T }
  /** `path` is the path the data was loaded from. */
  | { status: 'success'; data: T; path: string }
  | { status: 'error'; error: ApiRequestError };

/** GETs a JSON endpoint with the session token; `reload` fetches it again. */
export function useApiGet<T>(path: string): ApiGetState<T> & { reload(): void } {
  const [state, setState] = useState<ApiGetState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({
      status: 'loading',
      stale: previous.status === 'success' ? previous.data : previous.status === 'loading' ? previous.stale : undefined,
    }));
    api.get<T>(path, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, path });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: asApiError(err, 'Something went wrong while loading this page.') });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
