// The readiness scan's state for every ReadinessPanel on screen (the setup page, Settings ›
// Connection): the latest scan, polling while it is queued or running, starting a new one, and the
// one-click fixes the app performs itself. No React, no DOM: unit-tested with a mocked fetch.
import type { ReadinessFixResponse, ReadinessScanView } from '../../../../server/api/contract.js';
import { asApiError, type ApiClient, type ApiRequestError } from '../../api/http.js';
import { scanIsActive } from './readiness.js';

export type FixState = { status: 'busy' } | { status: 'done'; message: string } | { status: 'error'; message: string };

export interface ReadinessState {
  /** null until the first answer. */
  view: ReadinessScanView | null;
  /** The last GET failed (the view on screen, if any, is kept). */
  loadError: ApiRequestError | null;
  starting: boolean;
  startError: ApiRequestError | null;
  /** By product id. */
  fixes: Readonly<Record<number, FixState>>;
}

export interface ReadinessStore {
  getState(): ReadinessState;
  subscribe(listener: () => void): () => void;
  /** A panel on screen: loads the latest scan and polls while one runs. Returns the release. */
  retain(): () => void;
  load(): Promise<void>;
  scan(): Promise<void>;
  trackInventory(productId: number): Promise<void>;
}

export interface ReadinessStoreDeps {
  api: Pick<ApiClient, 'get' | 'post'>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Between two GETs while a scan is queued or running. */
  pollMs: number;
}

export const READINESS_POLL_MS = 1_000;

export function createReadinessStore(deps: ReadinessStoreDeps): ReadinessStore {
  let state: ReadinessState = { view: null, loadError: null, starting: false, startError: null, fixes: {} };
  const listeners = new Set<() => void>();
  let holders = 0;
  let timer: unknown = null;
  let loading: Promise<void> | null = null;
  // Bumped by scan(): an answer to a GET sent before the scan started is older than the scan's.
  let generation = 0;

  const set = (patch: Partial<ReadinessState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };

  const clearTimer = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
  };

  // Poll only while someone looks and the scan is still going.
  const schedule = () => {
    clearTimer();
    if (holders > 0 && scanIsActive(state.view)) {
      timer = deps.setTimeout(() => {
        timer = null;
        void store.load();
      }, deps.pollMs);
    }
  };

  const store: ReadinessStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retain() {
      holders++;
      if (holders === 1) void store.load();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) clearTimer();
      };
    },
    load() {
      // One GET at a time: a second caller shares it.
      const sentAt = generation;
      loading ??= deps.api
        .get<ReadinessScanView>('/api/readiness')
        .then(
          (view) => {
            if (sentAt === generation) set({ view, loadError: null });
          },
          (err: unknown) => {
            const error = asApiError(err);
            if (!error.sessionEnded) set({ loadError: error });
          },
        )
        .finally(() => {
          loading = null;
          schedule();
        });
      return loading;
    },
    async scan() {
      if (state.starting || scanIsActive(state.view)) return;
      set({ starting: true, startError: null });
      generation++;
      try {
        const view = await deps.api.post<ReadinessScanView>('/api/readiness/scan');
        // A new scan: the fixes done against the last one are in its results now.
        set({ view, starting: false, loadError: null, fixes: {} });
      } catch (err) {
        const error = asApiError(err);
        set({ starting: false, startError: error.sessionEnded ? null : error });
      }
      schedule();
    },
    async trackInventory(productId) {
      if (state.fixes[productId]?.status === 'busy') return;
      set({ fixes: { ...state.fixes, [productId]: { status: 'busy' } } });
      let next: FixState;
      try {
        const res = await deps.api.post<ReadinessFixResponse>('/api/readiness/fix/track-inventory', { productId });
        next = { status: 'done', message: res.message };
      } catch (err) {
        next = { status: 'error', message: asApiError(err).message };
      }
      set({ fixes: { ...state.fixes, [productId]: next } });
    },
  };
  return store;
}
