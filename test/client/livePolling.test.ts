import { describe, expect, it } from 'vitest';
import { createPointerGate } from '../../client/src/api/pointerGate.js';
import { createPoller, type PollerDeps } from '../../client/src/api/poller.js';
import { nextPaginationKey } from '../../client/src/components/paginationKey.js';

/** A hand-driven clock and timer queue, plus the tab's visibility. */
function fakeEnvironment() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const visibility = { hidden: false };
  const env = {
    get hidden() {
      return visibility.hidden;
    },
    set hidden(value: boolean) {
      visibility.hidden = value;
    },
    deps: {
      setTimeout: (fn: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, fn });
        return id;
      },
      clearTimeout: (handle: unknown) => void timers.delete(handle as number),
      now: () => now,
      isHidden: () => visibility.hidden,
    } satisfies PollerDeps,
    pending: () => timers.size,
    /** Moves time on, firing due timers in order, and lets the ticks' promises settle. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = end;
      await flush();
    },
  };
  return env;
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('live refresh poller', () => {
  it('ticks every interval while the tab is visible', async () => {
    const env = fakeEnvironment();
    let ticks = 0;
    const poller = createPoller(async () => void (ticks += 1), 5_000, env.deps);
    poller.start();
    await env.advance(4_999);
    expect(ticks).toBe(0);
    await env.advance(1);
    expect(ticks).toBe(1);
    await env.advance(10_000);
    expect(ticks).toBe(3);
    poller.stop();
    await env.advance(20_000);
    expect(ticks).toBe(3);
  });

  it('pauses while the tab is hidden and catches up when it is shown again', async () => {
    const env = fakeEnvironment();
    let ticks = 0;
    const poller = createPoller(async () => void (ticks += 1), 5_000, env.deps);
    poller.start();
    await env.advance(5_000);
    expect(ticks).toBe(1);
    env.hidden = true;
    poller.visibilityChanged();
    await env.advance(60_000);
    expect(ticks).toBe(1);
    expect(env.pending()).toBe(0);
    env.hidden = false;
    poller.visibilityChanged();
    await env.advance(0);
    expect(ticks).toBe(2); // overdue: at once
    await env.advance(5_000);
    expect(ticks).toBe(3);
  });

  it('never runs two ticks at once, even when asked to refresh during one', async () => {
    const env = fakeEnvironment();
    let running = 0;
    let maxRunning = 0;
    let ticks = 0;
    let release: () => void = () => undefined;
    const poller = createPoller(
      () =>
        new Promise<void>((resolve) => {
          running += 1;
          ticks += 1;
          maxRunning = Math.max(maxRunning, running);
          release = () => {
            running -= 1;
            resolve();
          };
        }),
      5_000,
      env.deps,
    );
    poller.start();
    await env.advance(5_000);
    poller.refreshNow();
    await env.advance(20_000); // the first tick is still running: no new timer meanwhile
    expect(ticks).toBe(1);
    release();
    await flush();
    expect(ticks).toBe(2); // the refresh asked for during the tick runs right after it
    release();
    await flush();
    expect(maxRunning).toBe(1);
  });
});

/** A minimal event target for the pointer gate. */
function fakeTarget() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    addEventListener: (type: string, fn: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
    removeEventListener: (type: string, fn: () => void) => void listeners.get(type)?.delete(fn),
    fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

function gateSetup() {
  const target = fakeTarget();
  const env = fakeEnvironment();
  const gate = createPointerGate(target, env.deps, 800);
  const log: string[] = [];
  return { target, env, gate, log };
}

describe('pointer gate: a refresh never moves rows under a hand reaching for a link', () => {
  it('applies at once when the pointer is idle', () => {
    const { gate, log } = gateSetup();
    gate.whenReleased(() => log.push('refresh applied'));
    expect(log).toEqual(['refresh applied']);
  });

  it('holds an update while pressed and applies it after the release and its click', async () => {
    const { target, env, gate, log } = gateSetup();
    target.fire('pointerdown');
    gate.whenReleased(() => log.push('refresh applied'));
    await env.advance(5_000);
    expect(log).toEqual([]);
    target.fire('pointerup');
    log.push('click'); // dispatched in the same task as the release, before any timer
    await env.advance(0);
    expect(log).toEqual(['click', 'refresh applied']);
  });

  it('holds an update while the pointer moves, until it rests', async () => {
    const { target, env, gate, log } = gateSetup();
    target.fire('pointermove');
    gate.whenReleased(() => log.push('refresh applied'));
    await env.advance(500);
    target.fire('pointermove'); // still moving toward the link
    await env.advance(700);
    expect(log).toEqual([]);
    await env.advance(100);
    expect(log).toEqual(['refresh applied']);
  });

  it('can cancel a held update, and lets go of its listeners', async () => {
    const { target, env, gate, log } = gateSetup();
    target.fire('pointerdown');
    const cancel = gate.whenReleased(() => log.push('refresh applied'));
    cancel();
    target.fire('pointercancel');
    await env.advance(1_000);
    expect(log).toEqual([]);
    gate.dispose();
    expect(target.count()).toBe(0);
  });
});

describe('paginated table instance', () => {
  it('is kept when a live refresh changes the total on the same page', () => {
    let state = nextPaginationKey({ key: 0, pages: 1 }, { currentPage: 2, itemsPerPage: 25, totalItems: 40 });
    const key = state.key;
    for (const total of [41, 51, 60, 49]) {
      state = nextPaginationKey(state, { currentPage: 2, itemsPerPage: 25, totalItems: total });
      expect(state.key).toBe(key);
    }
  });

  it('is replaced when the page shown is past the page count the pagination knows', () => {
    // The previous list had 2 pages; back/forward lands on ?page=3 of a longer one.
    const before = nextPaginationKey({ key: 0, pages: 1 }, { currentPage: 1, itemsPerPage: 25, totalItems: 40 });
    const stale = nextPaginationKey(before, { currentPage: 2, itemsPerPage: 25, totalItems: 40 });
    const fresh = nextPaginationKey(stale, { currentPage: 3, itemsPerPage: 25, totalItems: 100 });
    expect(fresh.key).toBe(stale.key + 1);
    expect(fresh.pages).toBe(4);
  });
});
