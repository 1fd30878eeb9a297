// A tiny router on top of history.pushState/popstate (no react-router).
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'fb:navigate';

function currentPath(): string {
  return window.location.pathname;
}

function currentSearch(): string {
  return window.location.search;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** Moves to an in-app path (same origin only) and notifies usePathname subscribers. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = new URL(path, window.location.origin);
  if (url.origin !== window.location.origin) {
    return;
  }
  const target = `${url.pathname}${url.search}${url.hash}`;
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (target === current) {
    return;
  }
  if (options.replace) {
    window.history.replaceState(null, '', target);
  } else {
    window.history.pushState(null, '', target);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current location.pathname, re-rendering on navigate() and back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current location.search ("?page=2" or ""): list pages keep their filters there. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}
