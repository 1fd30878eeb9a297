import { useCallback, useEffect, useState } from 'react';
import { api, ApiRequestError } from './http';

export type ApiGetState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiRequestError };

/** GETs a JSON endpoint with the session token; `reload` fetches it again. */
export function useApiGet<T>(path: string): ApiGetState<T> & { reload(): void } {
  const [state, setState] = useState<ApiGetState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.get<T>(path, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          err instanceof ApiRequestError
            ? err
            : new ApiRequestError(0, 'client_error', 'Something went wrong while loading this page.');
        setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
