// Public API of the durable job queue. The app's producers enqueue through its typed job catalogue
// (catalogue.ts, bound in flows/job-catalogue.ts), which calls KnexJobQueue.enqueue (inside their
// own transaction when the job must commit with other rows); one JobWorker per process runs handlers.
export * from './types.js';
export { KnexJobQueue, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETENTION_MS, type KnexJobQueueOptions } from './queue.js';
export { JobWorker, defaultSleep, type JobWorkerOptions, type Sleep, type WorkerStats } from './worker.js';
export { DEFAULT_BACKOFF, backoffCeiling, backoffDelay, type BackoffOptions } from './backoff.js';
export { claimJobs, type ClaimOptions } from './claim.js';
export { dedupeKeyOf, type SerialKeys } from './serial-keys.js';
export {
  catalogueEnqueue,
  catalogueHandlers,
  jobInputOf,
  jobKind,
  noPayload,
  parseJobPayload,
  payloadIfValid,
  serialKeysOf,
  type Catalogue,
  type CatalogueHandlers,
  type JobKindSpec,
  type JobRequest,
  type PayloadInOf,
  type PayloadOf,
  type TypedJob,
} from './catalogue.js';
export { completeJob, decideFailure, extendLease, failJob, releaseJob, type FailDecision, type FailOutcome, type FailPolicy } from './lease.js';
export type { RunOutcome } from './run-job.js';
