// Issue 8 point 2: the Overview and the alerts banner answer fast with a million webhook events and
// a busy job table because every query they send seeks an index (migration 016) and none scans.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../server/health/alerts.js';
import { readStoreHealth } from '../../server/health/overview.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';

let t: BareApp;
beforeEach(async () => {
  t = await bareApp();
  await t.install();
});
afterEach(() => t.close());

const BIG_TABLES = ['webhook_events', 'orders', 'jobs', 'shipments', 'inventory_items', 'sync_log'];

/** The query plan of every SELECT `run` sends, with its SQL. */
async function plansOf(run: () => Promise<unknown>): Promise<Array<{ sql: string; plan: string }>> {
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*select/i.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  t.db.on('query', listener);
  try {
    await run();
  } finally {
    t.db.off('query', listener);
  }
  const out: Array<{ sql: string; plan: string }> = [];
  for (const q of seen) {
    const rows = await t.db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never);
    out.push({ sql: q.sql, plan: rows.map((r) => r.detail).join(' | ') });
  }
  return out;
}

function expectNoScans(plans: Array<{ sql: string; plan: string }>, atLeast: number) {
  const touched = plans.filter((p) => BIG_TABLES.some((table) => new RegExp(`\\b${table}\\b`).test(p.sql)));
  expect(touched.length).toBeGreaterThanOrEqual(atLeast);
  for (const p of touched) {
    expect(p.plan, p.sql).not.toMatch(new RegExp(`SCAN (${BIG_TABLES.join('|')})\\b`));
    expect(p.plan, p.sql).toMatch(/SEARCH/);
  }
}

describe('health queries seek indexes', () => {
  it('the Overview', async () => {
    const plans = await plansOf(() => readStoreHealth(t.app.services, STORE, Date.now()));
    expectNoScans(plans, 15);
    // The last event per scope walks the (store_hash, topic, received_at) index, newest first.
    const events = plans.filter((p) => /webhook_events/.test(p.sql));
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.plan).toContain('webhook_events_store_topic_received');
    expect(plans.find((p) => /sent_at/.test(p.sql))?.plan).toContain('orders_store_sent_at');
    expect(plans.find((p) => /finished_at/.test(p.sql))?.plan).toContain('jobs_store_state_finished');
    expect(plans.find((p) => /alert/.test(p.sql))?.plan).toContain('orders_store_alert');
  });

  it('the alerts banner', async () => {
    expectNoScans(await plansOf(() => listAlerts(t.app.services, STORE, Date.now())), 3);
  });
});
