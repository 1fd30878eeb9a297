import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiRequestError } from './http';

export interface ActionState<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or undefined when it failed (see `error`). */
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  /** The last failure; never a "session ended" one (the whole app shows that state instead). */
  error: ApiRequestError | null;
  reset(): void;
}

/** State for a button-triggered API call (save, test, delete...): busy flag and readable error. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): ActionState<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const latest = useRef(fn);
  const mounted = useRef(true);
  latest.current = fn;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (err) {
      const apiError = asApiError(err);
      if (mounted.current && !apiError.sessionEnded) setError(apiError);
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}
