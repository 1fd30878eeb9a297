// Issue 8 point 1: jobs waiting for the store and when they will be done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backlogView, readBacklog, THROUGHPUT_WINDOW_MS } from '../../server/health/backlog.js';
import { readStoreHealth } from '../../server/health/overview.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { seedJob } from './seed.js';

const NOW = Date.parse('2026-03-04T15:00:00Z');
let t: BareApp;
beforeEach(async () => {
  t = await bareApp({ clock: { now: () => NOW } });
  await t.install();
});
afterEach(() => t.close());

describe('backlog', () => {
  it('counts pending and running jobs of the store, of which order syncs, and ignores finished ones', async () => {
    for (let i = 0; i < 3; i++) await seedJob(t.db, { state: 'pending', at: NOW });
    await seedJob(t.db, { state: 'running', at: NOW });
    await seedJob(t.db, { state: 'pending', kind: 'inventory.push', at: NOW });
    await seedJob(t.db, { state: 'dead', at: NOW });
    await seedJob(t.db, { state: 'done', at: NOW, finishedAt: NOW - 1_000 });
    await seedJob(t.db, { state: 'done', at: NOW, finishedAt: NOW - THROUGHPUT_WINDOW_MS - 1 });
    expect(await readBacklog(t.db, STORE, NOW)).toEqual({ jobsWaiting: 5, ordersQueued: 4, recentlyDone: 1 });
  });

  it('estimates from the jobs finished in the last 5 minutes', async () => {
    for (let i = 0; i < 10; i++) await seedJob(t.db, { state: 'done', at: NOW, finishedAt: NOW - 60_000 });
    for (let i = 0; i < 20; i++) await seedJob(t.db, { state: 'pending', at: NOW });
    const { backlog } = await readStoreHealth(t.app.services, STORE, NOW);
    // 10 jobs per 5 minutes: 20 jobs take 10 minutes.
    expect(backlog).toEqual({ jobsWaiting: 20, ordersQueued: 20, estimatedDoneAt: new Date(NOW + 10 * 60_000).toISOString() });
  });

  it('without recent throughput, estimates from the API quota (one call per job); nothing waiting, no estimate', () => {
    const quota = { quota: 150, left: 10, windowMs: 30_000, exhaustedAt: null, observedAt: NOW };
    expect(backlogView({ jobsWaiting: 300, ordersQueued: 300, recentlyDone: 0 }, quota, NOW).estimatedDoneAt).toBe(new Date(NOW + 60_000).toISOString());
    expect(backlogView({ jobsWaiting: 301, ordersQueued: 0, recentlyDone: 0 }, quota, NOW).estimatedDoneAt).toBe(new Date(NOW + 90_000).toISOString());
    expect(backlogView({ jobsWaiting: 5, ordersQueued: 0, recentlyDone: 0 }, null, NOW).estimatedDoneAt).toBeNull();
    expect(backlogView({ jobsWaiting: 0, ordersQueued: 0, recentlyDone: 9 }, quota, NOW).estimatedDoneAt).toBeNull();
  });
});
