// Live refresh timing, without React or the DOM: one tick every `intervalMs`, never two at once,
// none while the tab is hidden, and a catch-up tick when it becomes visible again if one is due.

export interface PollerDeps {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  isHidden(): boolean;
}

export interface Poller {
  start(): void;
  stop(): void;
  /** Call on `visibilitychange`. */
  visibilityChanged(): void;
  /** Tick now (after a user action), then carry on at the interval. */
  refreshNow(): void;
}

export function createPoller(tick: () => Promise<void>, intervalMs: number, deps: PollerDeps): Poller {
  let timer: unknown = null;
  let running = false;
  let stopped = true;
  /** A tick was asked for while one was running. */
  let again = false;
  let lastTickAt = 0;

  const clear = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
  };

  const schedule = (ms: number) => {
    clear();
    if (stopped || deps.isHidden()) return;
    timer = deps.setTimeout(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, ms),
    );
  };

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (deps.isHidden()) return; // visibilityChanged() resumes
    running = true;
    lastTickAt = deps.now();
    try {
      await tick();
    } catch {
      // The tick reports its own errors; the next one may work.
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void run();
    } else {
      schedule(intervalMs);
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      lastTickAt = deps.now();
      schedule(intervalMs);
    },
    stop() {
      stopped = true;
      again = false;
      clear();
    },
    visibilityChanged() {
      if (stopped) return;
      if (deps.isHidden()) {
        clear();
        return;
      }
      if (running || timer !== null) return;
      schedule(lastTickAt + intervalMs - deps.now());
    },
    refreshNow() {
      if (stopped) return;
      clear();
      void run();
    },
  };
}
