// Issue 9 point 9: the Audit log's list and filter queries are served by migration 018's indexes
// (newest first without sorting the store's log; the filters' distinct values by skip scans).
import { queryPlansOf } from '../helpers/query-plans.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQuery } from '../../server/audit/audit-query.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';

let db: Db;
beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const actions = ['settings.notifications', 'order.retry', 'webhook.replay', 'team.permission'];
  await db.batchInsert(
    'audit_log',
    Array.from({ length: 400 }, (_, i) => ({
      store_hash: i % 5 === 0 ? 's2' : 's1',
      at: 1_000 + i,
      user_id: i % 7 === 0 ? null : 10 + (i % 3),
      user_email: `u${i % 3}@example.com`,
      action: actions[i % actions.length],
      subject: `Order #${i}`,
    })),
    100,
  );
});
afterEach(() => db.destroy());

const plansOf = (run: () => Promise<unknown>) => queryPlansOf(db, run);

function expectServedBy(plans: string[], index: string | RegExp) {
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) {
    if (typeof index === 'string') expect(plan).toContain(index);
    else expect(plan).toMatch(index);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN audit_log\b(?! USING)/);
  }
}

describe('Audit log queries use the indexes', () => {
  const q = () => new AuditQuery(db);

  it('unfiltered and by date: (store_hash, at)', async () => {
    expectServedBy(await plansOf(() => q().list('s1', {}, 1, 25)), /audit_log_store_(at|action_at|user_at)/);
    expectServedBy(await plansOf(() => q().list('s1', { from: 1_100, to: 1_200 }, 2, 25)), 'audit_log_store_at');
  });

  it('by action and by person: their own indexes, still newest first without a sort', async () => {
    expectServedBy(await plansOf(() => q().list('s1', { action: 'order.retry' }, 1, 25)), 'audit_log_store_action_at');
    expectServedBy(await plansOf(() => q().list('s1', { userId: 11 }, 1, 25)), 'audit_log_store_user_at');
    // Combined, the planner takes whichever index bounds the walk (the date range or the action);
    // either keeps newest-first order without sorting.
    expectServedBy(await plansOf(() => q().list('s1', { action: 'order.retry', from: 1_000, to: 1_300 }, 1, 25)), /audit_log_store_(action_|user_)?at/);
    expectServedBy(await plansOf(() => q().list('s1', { action: 'order.retry', userId: 11 }, 1, 25)), /audit_log_store_(action|user)_at/);
  });

  it("the filters' actions and people are skip scans, not a DISTINCT over the log", async () => {
    expect(await q().actions('s1')).toEqual(['order.retry', 'settings.notifications', 'team.permission', 'webhook.replay']);
    expect((await q().people('s1')).map((p) => p.userId)).toEqual([10, 11, 12]);
    for (const [run, index] of [
      [() => q().actions('s1'), 'audit_log_store_action_at'],
      [() => q().people('s1'), 'audit_log_store_user_at'],
    ] as const) {
      const plan = (await plansOf(run)).join(' ');
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/DISTINCT|TEMP B-TREE|SCAN audit_log\b(?! USING)/);
    }
  });

  it('newest first, ties broken by id, and other stores never seen', async () => {
    await db('audit_log').insert([
      { store_hash: 's1', at: 5_000, action: 'a.b', subject: 'first' },
      { store_hash: 's1', at: 5_000, action: 'a.b', subject: 'second' },
    ]);
    const { rows, total } = await q().list('s1', {}, 1, 3);
    expect(rows.map((r) => r.subject)).toEqual(['second', 'first', 'Order #399']);
    expect(total).toBe(322);
    expect((await q().list('s1', { action: 'nope' }, 1, 25)).total).toBe(0);
  });
});
