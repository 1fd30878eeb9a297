// Starting a readiness scan (POST /api/readiness/scan, and by itself after the first warehouse
// connection and the first saved import status), the view the API answers, and a scan whose job
// gave up.
import type { ReadinessScan } from '../../domain/readiness.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { ReadinessRepo, type ScanRow } from '../../storage/readiness-repo.js';
import { enqueueJob, JOB } from '../job-catalogue.js';
import { merchantWordsOf } from '../job-errors.js';
import { pendingChecks } from './checks.js';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export function scanView(row: ScanRow | undefined): ReadinessScan {
  if (!row) return { state: 'none', startedAt: null, finishedAt: null, progress: { step: '', done: 0, total: null }, checks: [], error: null };
  return {
    state: row.state,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    progress: { step: row.step, done: row.done, total: row.total },
    checks: row.checks,
    error: row.error,
  };
}

/**
 * Queues a scan of the store unless one is already queued or running (then that one is answered).
 * Call it when the warehouse is first connected and when the import status is first saved.
 */
export async function startReadinessScan(s: Pick<Collaborators, 'db' | 'clock' | 'jobs'>, storeHash: string): Promise<{ view: ReadinessScan; started: boolean }> {
  const { row, started } = await new ReadinessRepo(s.db).queue(storeHash, pendingChecks(), s.clock.now());
  if (started) await enqueueJob(s.jobs.queue, JOB.readinessScan, { storeHash });
  return { view: scanView(row), started };
}

/** The scan's job used its last attempt: the scan says it stopped and why. */
export async function failDeadReadinessScan(s: Pick<Collaborators, 'db' | 'clock'>, job: JobRecord, error: Error): Promise<boolean> {
  if (job.kind !== JOB.readinessScan) return false;
  await new ReadinessRepo(s.db).fail(job.storeHash, null, `The scan stopped: ${merchantWordsOf(error)} Run it again; if it keeps stopping, contact support.`, s.clock.now());
  return true;
}
