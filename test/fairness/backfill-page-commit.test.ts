import { afterEach, describe, expect, it } from 'vitest';
import { startBackfill } from '../../server/flows/backfill/control.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { STORE } from '../helpers/bare-app.js';
import { OrderRangeFake, runDue } from '../helpers/backfill-fakes.js';
import { FakeClock } from '../helpers/harness.js';
import { connectedFakeApp, FakeStore, FakeWarehouse } from '../helpers/order-sync-fakes.js';

// Issue 10 point 3: while store A backfills, store B's new orders reach the warehouse in under 5 s.
// A backfill page queued its 250 orders with one commit each; on SQLite (synchronous, fsync per
// commit) that held the connection and the event loop for 1.3–3.3 s per page on a loaded machine,
// and B's orders in flight then took up to 4.7 s (bench/fairness-scale.ts). A page is one commit.

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const AWAITING = 11;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('backfill page', () => {
  it("queues a page's 250 order imports in one transaction, not one commit per order", async () => {
    const clock = new FakeClock(T0 + 40 * DAY);
    const store = new FakeStore(STORE);
    const bc = new OrderRangeFake(store);
    const app = await connectedFakeApp(clock, { bigcommerce: () => bc.client, fulfillment: () => new FakeWarehouse().client });
    close = app.close;
    const s = app.app.services;
    bc.add(1, 300, AWAITING, T0 + 5 * DAY);
    await startBackfill(s, STORE, { from: T0, to: T0 + 30 * DAY - 1 }, 'owner@example.com');

    const orderInserts: Array<string | undefined> = [];
    const onQuery = (q: { sql: string; bindings?: readonly unknown[]; __knexTxId?: string }) => {
      if (/^\s*insert into jobs/i.test(q.sql) && q.bindings?.[1] === JOB.orderSync) orderInserts.push(q.__knexTxId);
    };
    s.db.on('query', onQuery);
    try {
      await runDue(s, clock, 1); // the first step: the count and one page
    } finally {
      s.db.off('query', onQuery);
    }
    expect(orderInserts).toHaveLength(250);
    expect(orderInserts[0]).toBeDefined();
    expect(new Set(orderInserts).size).toBe(1);
    expect(await s.db('jobs').where({ kind: JOB.orderSync, state: 'pending' }).count({ n: '*' })).toEqual([{ n: 250 }]);
  });
});
