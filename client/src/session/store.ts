// In-memory session store. The token lives only in this module's closure: never in
// localStorage, sessionStorage, cookies, the URL or React state, and it is dropped as soon as the
// session ends. Pure (no DOM) so it can be unit-tested in node.
import type { SessionResponse, SessionUser } from '../../../server/api/contract.js';

/** Why the app can no longer talk to the API; every reason means "reopen the app". */
export type SessionEndReason =
  /** The page was opened without boot data (reload, bookmark, opened outside the control panel). */
  | 'no_boot'
  /** The token's expiry time passed. */
  | 'expired'
  /** The server answered 401 (exchange code used up, token revoked, user removed...). */
  | 'rejected';

export type SessionState =
  | { status: 'starting' }
  | { status: 'active'; user: SessionUser; storeHash: string; expiresAt: number }
  | { status: 'ended'; reason: SessionEndReason }
  | { status: 'failed'; message: string };

/** A token is treated as expired this long before its real expiry, so it never dies in flight. */
export const EXPIRY_SKEW_MS = 5_000;

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** The bearer token, or null (and the session ends) once it is missing or expired. */
  getToken(): string | null;
  activate(response: SessionResponse): void;
  end(reason: SessionEndReason): void;
  fail(message: string): void;
  /** Ends the session if its expiry time has passed; returns true when it did. */
  checkExpiry(): boolean;
}

export function createSessionStore(now: () => number = Date.now): SessionStore {
  let state: SessionState = { status: 'starting' };
  let token: string | null = null;
  const listeners = new Set<() => void>();

  const set = (next: SessionState): void => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  const store: SessionStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getToken() {
      if (store.checkExpiry()) {
        return null;
      }
      return state.status === 'active' ? token : null;
    },
    activate(response) {
      const expiresAt = Date.parse(response.expiresAt);
      if (!response.token || Number.isNaN(expiresAt)) {
        store.fail('The server returned an invalid session. Reopen Fulfillment Bridge and try again.');
        return;
      }
      token = response.token;
      set({ status: 'active', user: response.user, storeHash: response.storeHash, expiresAt });
      store.checkExpiry();
    },
    end(reason) {
      token = null;
      // Keep the first reason: a later 401 after expiry should not change what the user reads.
      if (state.status !== 'ended') {
        set({ status: 'ended', reason });
      }
    },
    fail(message) {
      token = null;
      set({ status: 'failed', message });
    },
    checkExpiry() {
      if (state.status === 'active' && now() >= state.expiresAt - EXPIRY_SKEW_MS) {
        store.end('expired');
        return true;
      }
      return false;
    },
  };
  return store;
}

/** The app's single session. */
export const sessionStore: SessionStore = createSessionStore();
