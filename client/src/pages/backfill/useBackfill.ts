import { useEffect, useState } from 'react';
import type { BackfillResponse, BackfillView, StartBackfillInput } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { usePolledGet } from '../../api/usePolledGet';

/** While an import runs, its progress is read again this often (a few small database reads). */
export const BACKFILL_POLL_MS = 3_000;

export type BackfillVerb = 'pause' | 'resume' | 'cancel';

/** GET /api/backfill, polled while the import runs, and the actions on it (each refreshes it). */
export function useBackfill() {
  const [live, setLive] = useState(false);
  const state = usePolledGet<BackfillResponse>('/api/backfill', live ? BACKFILL_POLL_MS : undefined);
  const backfill: BackfillView | null = state.status === 'success' ? state.data.backfill : state.status === 'loading' ? (state.stale?.backfill ?? null) : null;
  const running = backfill?.state === 'running';
  useEffect(() => setLive(running), [running]);

  const start = useAction((input: StartBackfillInput) => api.post<BackfillResponse>('/api/backfill', input));
  const control = useAction((verb: BackfillVerb) => api.post<BackfillResponse>(`/api/backfill/${verb}`));
  const then = async <R>(result: Promise<R | undefined>): Promise<R | undefined> => {
    const r = await result;
    if (r !== undefined) state.refresh();
    return r;
  };
  return {
    state,
    backfill,
    start: { busy: start.busy, error: start.error, reset: start.reset, run: (input: StartBackfillInput) => then(start.run(input)) },
    control: { busy: control.busy, error: control.error, reset: control.reset, run: (verb: BackfillVerb) => then(control.run(verb)) },
  };
}

export type BackfillState = ReturnType<typeof useBackfill>;
