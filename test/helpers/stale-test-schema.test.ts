import { describe, expect, it } from 'vitest';
import { staleTestSchema } from '../setup/postgres-global.js';

describe('which leftover test schemas the pg run drops', () => {
  const now = Date.parse('2026-12-01T03:00:00Z');
  const secs = (iso: string) => Math.floor(Date.parse(iso) / 1000);

  it('drops schemas created over an hour ago and keeps those of a run going on beside it', () => {
    expect(staleTestSchema(`t_${secs('2026-12-01T01:30:00Z')}_ab12cd`, now)).toBe(true);
    expect(staleTestSchema(`t_copy_${secs('2026-12-01T01:30:00Z')}_ab12`, now)).toBe(true);
    expect(staleTestSchema(`t_${secs('2026-12-01T02:50:00Z')}_ab12cd`, now)).toBe(false);
    expect(staleTestSchema(`t_copy_${secs('2026-12-01T02:59:00Z')}_ab12`, now)).toBe(false);
  });

  it('drops names from before the timestamp rule and leaves other schemas alone', () => {
    expect(staleTestSchema('t_0a1b2c3d4e5f', now)).toBe(true);
    expect(staleTestSchema('t_copy_0a1b2c3d', now)).toBe(true);
    expect(staleTestSchema('t_orders', now)).toBe(false);
  });
});
