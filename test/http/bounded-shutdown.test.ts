import { describe, expect, it } from 'vitest';
import { boundedShutdown, type ShutdownDeps } from '../../server/bounded-shutdown.js';

// Issue 7 point 15: a stopped server must finish its shutdown or force-exit within a bounded time.
function fakes(close: () => Promise<void>) {
  const exits: number[] = [];
  const lines: string[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const deps: ShutdownDeps = {
    close,
    timeoutMs: 15_000,
    logger: { info: (msg) => void lines.push(msg), error: (_obj, msg) => void lines.push(msg) },
    exit: (code) => void exits.push(code),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  };
  return { deps, exits, lines, timers };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('boundedShutdown', () => {
  it('exits 0 once everything is closed', async () => {
    const f = fakes(async () => undefined);
    boundedShutdown(f.deps)('SIGTERM');
    await settle();
    expect(f.exits).toEqual([0]);
    expect(f.lines).toEqual(['shutting down (SIGTERM)']);
  });

  it('forces exit 1 with a log line when closing hangs past the timeout', async () => {
    const f = fakes(() => new Promise<void>(() => undefined));
    boundedShutdown(f.deps)('SIGTERM');
    await settle();
    expect(f.exits).toEqual([]);
    expect(f.timers.map((t) => t.ms)).toEqual([15_000]);
    f.timers[0]!.fn();
    expect(f.exits).toEqual([1]);
    expect(f.lines.at(-1)).toBe('shutdown did not finish within 15 s: forcing exit');
  });

  it('exits 1 when closing fails, and only once', async () => {
    const f = fakes(async () => {
      throw new Error('database busy');
    });
    boundedShutdown(f.deps)('SIGINT');
    await settle();
    f.timers[0]!.fn();
    expect(f.exits).toEqual([1]);
    expect(f.lines).toContain('shutdown failed: exiting');
  });

  it('exits at once on a second signal', async () => {
    const f = fakes(() => new Promise<void>(() => undefined));
    const stop = boundedShutdown(f.deps);
    stop('SIGTERM');
    stop('SIGINT');
    expect(f.exits).toEqual([1]);
    expect(f.lines.at(-1)).toBe('second signal during shutdown: exiting now');
  });
});
