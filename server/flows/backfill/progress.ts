// A backfill as the merchant sees it: counts, whether listing is done, and the time left.
import type { BackfillCounts, BackfillProgress } from '../../domain/backfill.js';
import type { Collaborators } from '../../collaborators.js';
import type { BackfillRepo, BackfillRow, QueuedCounts } from '../../storage/backfill-repo.js';
import { BACKFILL_PAGE_SIZE } from './list-created.js';
import { estimateRemainingMs } from './eta.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The store's calls (the limiter's count) when this process first looked at a run, with the
 * orders finished then: calls per order are measured from there. In memory: after a restart
 * the count starts again, which only delays the measured figure.
 */
const baselines = new Map<string, { sent: number; worked: number }>();

export function countsOf(b: BackfillRow, q: QueuedCounts): BackfillCounts {
  // Once every page is listed the total is exactly what was listed.
  const total = b.listingDone ? b.listed : b.total === null ? null : Math.max(b.total, b.listed);
  return {
    total,
    listed: b.listed,
    alreadySent: b.alreadySent,
    queued: b.queued,
    sent: q.sent,
    held: q.held,
    skipped: q.skipped,
    pending: q.pending,
    done: b.alreadySent + q.sent + q.held + q.skipped,
  };
}

/** The calls one order costs before any is measured: the import's read, plus the status change's write. */
export function expectedCallsPerOrder(statusAfterAccept: boolean): number {
  return statusAfterAccept ? 2 : 1;
}

export interface ProgressDeps {
  s: Pick<Collaborators, 'bigcommerce' | 'settings' | 'clock'>;
  repo: Pick<BackfillRepo, 'queuedCounts'>;
}

export async function backfillView({ s, repo }: ProgressDeps, b: BackfillRow): Promise<BackfillProgress> {
  const now = s.clock.now();
  const counts = countsOf(b, await repo.queuedCounts(b.id));
  const settings = await s.settings.get(b.storeHash, now);
  const quota = s.bigcommerce.quota(b.storeHash);
  const worked = counts.sent + counts.held + counts.skipped;

  const key = `${b.storeHash}:${b.id}`;
  let base = baselines.get(key);
  if (!base || base.sent > quota.sent) {
    base = { sent: quota.sent, worked };
    baselines.set(key, base);
  }
  const measuredOrders = worked - base.worked;
  const callsPerOrder = measuredOrders >= 20 ? (quota.sent - base.sent) / measuredOrders : null;

  const activeMs = b.activeMs + (b.runningSince !== null ? Math.max(0, now - b.runningSince) : 0);
  let remainingMs: number | null = null;
  if (b.state === 'running' || b.state === 'paused') {
    const remainingOrders = counts.total === null ? null : Math.max(0, counts.total - counts.done);
    remainingMs = estimateRemainingMs({
      now,
      remainingOrders,
      remainingPages: b.listingDone || counts.total === null ? 0 : Math.ceil((counts.total - b.listed + 1) / BACKFILL_PAGE_SIZE),
      callsPerOrder: callsPerOrder ?? expectedCallsPerOrder(settings.statusAfterAcceptId !== null),
      quota,
      measured: { done: worked, activeMs },
    });
  }
  if (b.state === 'done') baselines.delete(key);

  return {
    id: b.id,
    state: b.state,
    from: iso(b.createdFrom),
    to: iso(b.createdTo),
    counts,
    listingDone: b.listingDone,
    eta: { remainingMs, quotaShare: settings.apiQuotaShare },
    callsPerOrder: callsPerOrder === null ? null : Math.round(callsPerOrder * 100) / 100,
    startedAt: new Date(b.startedAt).toISOString(),
    startedBy: b.startedBy,
    updatedAt: new Date(b.updatedAt).toISOString(),
    finishedAt: iso(b.finishedAt),
    error: b.error,
  };
}
