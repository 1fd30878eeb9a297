import { createPointerGate, type PointerGate } from './pointerGate';

let shared: PointerGate | null = null;

/**
 * The page's one gate (listeners on window). Anything that re-renders on a timer and can move
 * what is under the pointer (the lists' live refresh, a banner) should apply through it.
 */
export function pointerGate(): PointerGate {
  shared ??= createPointerGate(window, {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    now: () => performance.now(),
  });
  return shared;
}
