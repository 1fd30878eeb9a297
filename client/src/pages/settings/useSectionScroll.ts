import { useEffect, useSyncExternalStore } from 'react';
import { sectionFromHash } from './deepLink';

// The event router/history.ts dispatches on navigate(): pushState changes the fragment without a
// `hashchange`, so "/settings#backend" from the banner while on Settings is heard through it.
const NAVIGATE_EVENT = 'fb:navigate';
/** How long the section is kept in view while the panels above it load and grow. */
const PIN_MS = 4_000;

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('hashchange', listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/**
 * Scrolls to the element with that id and keeps it (or the field focused inside it) in view while
 * the page above it still grows (panels load one by one), until the user scrolls, types, clicks
 * or a few seconds pass. Returns the stop function.
 */
function pinIntoView(id: string): () => void {
  const keep = () => {
    const target = document.getElementById(id);
    if (!target) return;
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && active !== target && target.contains(active) ? active : null;
    (focused ?? target).scrollIntoView({ block: focused ? 'center' : 'start' });
  };
  const observer = new ResizeObserver(keep);
  const stopEvents = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const type of stopEvents) window.removeEventListener(type, stop, true);
  };
  const timer = window.setTimeout(stop, PIN_MS);
  for (const type of stopEvents) window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(document.body);
  keep();
  return stop;
}

/** Settings: "#backend", "#shipping-mappings", "#sku-mappings" scroll to their panel once `ready`. */
export function useSectionScroll(ready: boolean): void {
  const hash = useLocationHash();
  useEffect(() => {
    const id = ready ? sectionFromHash(hash) : null;
    return id ? pinIntoView(id) : undefined;
  }, [ready, hash]);
}
