import type { Knex } from 'knex';
import type { Backlog } from '../domain/health.js';
import { JOB } from '../flows/job-catalogue.js';
import type { QuotaFacts } from './facts.js';
import { iso } from './time-words.js';

// Jobs waiting for the store and a guess of when they will be done: from the store's own recent
// throughput, or, when nothing finished lately, from its API quota (about one call per job).

export const THROUGHPUT_WINDOW_MS = 5 * 60_000;

export interface BacklogFacts {
  jobsWaiting: number;
  ordersQueued: number;
  /** Jobs of the store finished in the last THROUGHPUT_WINDOW_MS. */
  recentlyDone: number;
}

export async function readBacklog(db: Knex, storeHash: string, now: number): Promise<BacklogFacts> {
  const [byKind, done] = await Promise.all([
    db('jobs').where({ store_hash: storeHash }).whereIn('state', ['pending', 'running']).groupBy('kind').select('kind').count({ n: '*' }) as Promise<
      Array<{ kind: string; n: unknown }>
    >,
    db('jobs')
      .where({ store_hash: storeHash, state: 'done' })
      .where('finished_at', '>=', now - THROUGHPUT_WINDOW_MS)
      .count({ n: '*' })
      .first() as Promise<{ n: unknown } | undefined>,
  ]);
  return {
    jobsWaiting: byKind.reduce((sum, r) => sum + Number(r.n), 0),
    ordersQueued: Number(byKind.find((r) => r.kind === JOB.orderSync)?.n ?? 0),
    recentlyDone: Number(done?.n ?? 0),
  };
}

export function backlogView(b: BacklogFacts, quota: QuotaFacts | null, now: number): Backlog {
  let doneAt: number | null = null;
  if (b.jobsWaiting > 0) {
    if (b.recentlyDone > 0) {
      doneAt = now + Math.ceil((b.jobsWaiting * THROUGHPUT_WINDOW_MS) / b.recentlyDone);
    } else if (quota?.quota && quota.windowMs) {
      doneAt = now + Math.ceil(b.jobsWaiting / quota.quota) * quota.windowMs;
    }
  }
  return { jobsWaiting: b.jobsWaiting, ordersQueued: b.ordersQueued, estimatedDoneAt: iso(doneAt) };
}
