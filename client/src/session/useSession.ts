import { useEffect, useSyncExternalStore } from 'react';
import { EXPIRY_SKEW_MS, sessionStore, type SessionState } from './store';

/** Longest delay setTimeout accepts (about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}

/**
 * Ends the session when its token expires, even if the user does nothing: a timer for the expiry
 * time, plus a re-check whenever the tab becomes visible again (background timers get throttled).
 */
export function useSessionExpiry(expiresAt: number | null): void {
  useEffect(() => {
    if (expiresAt === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      if (sessionStore.checkExpiry()) return;
      timer = setTimeout(schedule, Math.min(Math.max(expiresAt - EXPIRY_SKEW_MS - Date.now(), 250), MAX_TIMEOUT_MS));
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') sessionStore.checkExpiry();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [expiresAt]);
}
