// The periodic work of every instance, queued by exactly one of them (issue 10 points 1 and 2).
import type { Collaborators } from '../collaborators.js';
import { periodicTasks, type TaskIntervals } from './periodic-tasks.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';

export { Scheduler, DEFAULT_LEASE_MS, DEFAULT_TICK_MS, type PeriodicTask, type SchedulerDeps, type SchedulerOptions, type TickReport } from './scheduler.js';
export { periodicTasks, type TaskIntervals } from './periodic-tasks.js';

export type StartSchedulerDeps = Pick<Collaborators, 'db' | 'clock' | 'logger' | 'jobs' | 'stores' | 'config'>;

/** Starts this instance's scheduler; the returned function stops it and gives the lease up. */
export function startScheduler(s: StartSchedulerDeps, opts: TaskIntervals & SchedulerOptions = {}): () => Promise<void> {
  const scheduler = new Scheduler(
    {
      db: s.db,
      clock: s.clock,
      logger: s.logger,
      enqueueMany: (inputs, trx) => s.jobs.queue.enqueueMany(inputs, trx),
      tasks: periodicTasks(s, opts),
    },
    opts,
  );
  scheduler.start();
  return () => scheduler.stop();
}
