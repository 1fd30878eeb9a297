import { useCallback, useEffect, useRef, useState } from 'react';
import { api, asApiError, type ApiRequestError } from './http';
import { createPoller, type Poller } from './poller';
import { pointerGate } from './sharedPointerGate';
import type { ApiGetState } from './useApiGet';

export type PolledGetState<T> = ApiGetState<T> & {
  /** Loads again, showing the previous data as stale meanwhile (after a user action). */
  reload(): void;
  /** Fetches again in the background and swaps the data in silently. */
  refresh(): void;
  /** Date.now() of the data on screen; null before the first answer. */
  refreshedAt: number | null;
  /** The last background refresh failed (the data on screen is kept). */
  refreshError: ApiRequestError | null;
};

/**
 * useApiGet plus live refresh: every `intervalMs` (none when undefined) while the tab is visible,
 * the path is fetched again and swapped in without a loading state, so tables keep their rows,
 * scroll and focus. Updates wait while the user reaches for something (see pointerGate.ts).
 */
export function usePolledGet<T>(path: string, intervalMs?: number): PolledGetState<T> {
  const [state, setState] = useState<ApiGetState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState<number | null>(null);
  const [refreshError, setRefreshError] = useState<ApiRequestError | null>(null);
  const poller = useRef<Poller | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({
      status: 'loading',
      stale: previous.status === 'success' ? previous.data : previous.status === 'loading' ? previous.stale : undefined,
    }));
    api.get<T>(path, { signal: controller.signal }).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({ status: 'success', data, path });
        setRefreshedAt(Date.now());
        setRefreshError(null);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: asApiError(err, 'Something went wrong while loading this page.') });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const loaded = state.status === 'success' && state.path === path;
  useEffect(() => {
    if (!intervalMs || !loaded) return undefined;
    let controller: AbortController | null = null;
    let cancelApply = (): void => undefined;
    const tick = async () => {
      controller = new AbortController();
      const { signal } = controller;
      try {
        const data = await api.get<T>(path, { signal });
        if (signal.aborted) return;
        cancelApply = pointerGate().whenReleased(() => {
          if (signal.aborted) return;
          setState({ status: 'success', data, path });
          setRefreshedAt(Date.now());
          setRefreshError(null);
        });
      } catch (err) {
        if (signal.aborted) return;
        const error = asApiError(err, 'Live refresh failed.');
        // A 401 has already switched the whole app to the "session ended" state.
        if (!error.sessionEnded) setRefreshError(error);
      }
    };
    const current = createPoller(tick, intervalMs, {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
      now: () => Date.now(),
      isHidden: () => document.visibilityState === 'hidden',
    });
    poller.current = current;
    const onVisibility = () => current.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    current.start();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      current.stop();
      controller?.abort();
      cancelApply();
      if (poller.current === current) poller.current = null;
    };
  }, [intervalMs, loaded, path]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    if (poller.current) poller.current.refreshNow();
    else setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload, refresh, refreshedAt, refreshError };
}
