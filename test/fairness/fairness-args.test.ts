import { describe, expect, it } from 'vitest';
import { fairnessArgs } from '../../bench/fairness-print.js';

// `npm run bench -- fairness …`: the variants it runs, and readable refusals of bad arguments.
const PG = 'postgres://fb:secret@127.0.0.1:5432/fb';

describe('fairness benchmark arguments', () => {
  it('defaults to 1,000 stores, 5,000 orders for A, SQLite with one instance when no PostgreSQL is named', () => {
    const a = fairnessArgs([], {});
    expect(a.small).toBe(false);
    expect(a.variants).toEqual([{ db: 'sqlite', instances: 1, stores: 1_000, ordersA: 5_000, quotaA: 1_500, bEveryMs: 3_000, noBackgroundKinds: false }]);
  });

  it('adds PostgreSQL with two instances when BENCH_DATABASE_URL or TEST_DATABASE_URL is set', () => {
    const a = fairnessArgs([], { TEST_DATABASE_URL: PG });
    expect(a.variants.map((v) => [v.db, v.instances])).toEqual([
      ['sqlite', 1],
      ['postgres', 2],
    ]);
    expect(fairnessArgs(['--db=postgres', '--instances=4'], { BENCH_DATABASE_URL: PG }).variants).toMatchObject([{ db: 'postgres', instances: 4, databaseUrl: PG }]);
  });

  it('keeps the two-store scenario of issue 7 behind --small', () => {
    expect(fairnessArgs(['--small'], {}).small).toBe(true);
  });

  it('refuses bad arguments with a message that says what is expected', () => {
    expect(() => fairnessArgs(['--db=mysql'], {})).toThrow('--db must be sqlite, postgres or both (got "mysql")');
    expect(() => fairnessArgs(['--db=postgres'], {})).toThrow('needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
    expect(() => fairnessArgs(['--orders=many'], {})).toThrow('--orders must be a whole number ≥ 1 (got "many")');
    expect(() => fairnessArgs(['--stores=1'], {})).toThrow('--stores must be at least 2');
    expect(() => fairnessArgs(['--db=sqlite', '--instances=2'], {})).toThrow('--db=sqlite runs one instance');
  });
});
