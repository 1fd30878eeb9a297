// Holds live-refresh updates while the user is reaching for something. A click is a press and a
// release on the same element: if a refresh moves rows (new orders on top) or re-renders them
// between the two, or just before the press, the click lands elsewhere or on a common ancestor and
// the link never opens. Updates wait while a button or finger is down, and until the pointer has
// rested a moment (a hand moving toward a link); then they apply, after the click that ends a press.

export interface PointerEvents {
  addEventListener(type: string, listener: () => void, capture?: boolean): void;
  removeEventListener(type: string, listener: () => void, capture?: boolean): void;
}

export interface PointerGateDeps {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface PointerGate {
  /** Runs `fn` now when the pointer is idle, else once it is; returns a cancel. */
  whenReleased(fn: () => void): () => void;
  readonly pressed: boolean;
  dispose(): void;
}

/** How long the pointer must rest before held updates apply. */
export const POINTER_REST_MS = 800;

export function createPointerGate(target: PointerEvents, deps: PointerGateDeps, restMs = POINTER_REST_MS): PointerGate {
  let pressed = false;
  let lastMoveAt = Number.NEGATIVE_INFINITY;
  let waiting: Array<() => void> = [];
  let timer: unknown = null;

  const restLeft = () => Math.max(0, lastMoveAt + restMs - deps.now());
  const idle = () => !pressed && restLeft() === 0;

  const flush = () => {
    timer = null;
    if (waiting.length === 0 || pressed) return;
    if (!idle()) {
      schedule();
      return;
    }
    const run = waiting;
    waiting = [];
    for (const fn of run) fn();
  };

  // A zero delay still runs after the current task, i.e. after the click that follows a release.
  function schedule() {
    if (timer !== null) deps.clearTimeout(timer);
    timer = deps.setTimeout(flush, restLeft());
  }

  const down = () => {
    pressed = true;
  };
  const up = () => {
    if (!pressed) return;
    pressed = false;
    if (waiting.length > 0) schedule();
  };
  const move = () => {
    lastMoveAt = deps.now();
  };
  // Capture phase: a component that stops propagation can't keep the gate shut (or open).
  target.addEventListener('pointerdown', down, true);
  target.addEventListener('pointerup', up, true);
  target.addEventListener('pointercancel', up, true);
  target.addEventListener('pointermove', move, true);

  return {
    whenReleased(fn) {
      if (waiting.length === 0 && idle()) {
        fn();
        return () => undefined;
      }
      waiting.push(fn);
      if (!pressed && timer === null) schedule();
      return () => {
        waiting = waiting.filter((queued) => queued !== fn);
      };
    },
    get pressed() {
      return pressed;
    },
    dispose() {
      target.removeEventListener('pointerdown', down, true);
      target.removeEventListener('pointerup', up, true);
      target.removeEventListener('pointercancel', up, true);
      target.removeEventListener('pointermove', move, true);
      if (timer !== null) deps.clearTimeout(timer);
      waiting = [];
    },
  };
}
