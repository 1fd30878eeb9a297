// The app's periodic safety nets, as scheduler tasks. A store whose token BigCommerce revoked is
// left out (every run would be a 401, a dead job and an Activity error, ~300 a day); the /auth that
// repairs it clears the flag, and the store is back at its next phase. /auth also queues the
// webhook upkeep and the store refresh of a new install at once, so those do not wait for a phase.
import { notificationCheckJob, notificationCheckStores } from '../notifications/job.js';
import { SYSTEM_STORE } from '../flows/retention/job.js';
import { storeRefreshJob, storesDueForRefresh } from '../flows/store-refresh.js';
import type { Collaborators } from '../collaborators.js';
import { jobInput, JOB } from '../flows/job-catalogue.js';
import type { PeriodicTask } from './scheduler.js';

export interface TaskIntervals {
  ordersEveryMs?: number;
  webhooksEveryMs?: number;
  pollEveryMs?: number;
  retentionEveryMs?: number;
  notifyEveryMs?: number;
  storeRefreshCheckEveryMs?: number;
}

export type TaskSources = Pick<Collaborators, 'stores' | 'config' | 'db'>;

/** The job of a kind without payload; its key (`reconcile:<store>`, …) comes from the job catalogue. */
const perStore = (kind: typeof JOB.ordersReconcile | typeof JOB.webhooksReconcile | typeof JOB.fulfillmentPoll) => (storeHash: string) => jobInput(kind, { storeHash });

export function periodicTasks(s: TaskSources, every: TaskIntervals = {}): PeriodicTask[] {
  const usable = () => s.stores.installedHashes({ skipRevoked: true });
  return [
    { name: JOB.ordersReconcile, everyMs: every.ordersEveryMs ?? 5 * 60_000, stores: usable, job: perStore(JOB.ordersReconcile) },
    { name: JOB.webhooksReconcile, everyMs: every.webhooksEveryMs ?? 60 * 60_000, stores: usable, job: perStore(JOB.webhooksReconcile) },
    // Only stores in polling mode read the backend's feeds.
    {
      name: JOB.fulfillmentPoll,
      everyMs: every.pollEveryMs ?? 2 * 60_000,
      stores: () => s.stores.installedHashes({ syncMode: 'poll', skipRevoked: true }),
      job: perStore(JOB.fulfillmentPoll),
    },
    // Store details, statuses and locations (flows/store-refresh.ts): each store is looked at once
    // per check interval and queued when its last refresh is an hour old, so a restart does not
    // refresh them all and stores that all fell due together are refreshed over the interval.
    { name: JOB.storeRefresh, everyMs: every.storeRefreshCheckEveryMs ?? 5 * 60_000, stores: (now) => storesDueForRefresh(s, now), job: storeRefreshJob },
    // E-mail notifications (server/notifications): stores with them on, when SMTP is configured.
    { name: JOB.notify, everyMs: every.notifyEveryMs ?? 60_000, stores: () => notificationCheckStores(s), job: notificationCheckJob },
    // Deletes rows past their retention period, in small batches (flows/retention); at the first
    // start too, as before.
    {
      name: JOB.retention,
      everyMs: every.retentionEveryMs ?? 60 * 60_000,
      stores: async () => [SYSTEM_STORE],
      job: () => jobInput(JOB.retention, { storeHash: SYSTEM_STORE }),
      catchUpAtFirstStart: true,
    },
  ];
}
