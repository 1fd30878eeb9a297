import { backgroundKindsOf } from '../jobs/catalogue.js';
import { JOBS } from './job-catalogue.js';

/**
 * Job kinds that can wait (marked `background` in the job catalogue): the scheduler's periodic
 * safety nets and housekeeping, and the backfill's listing step (its orders are imported by
 * order.sync jobs, which are not background). The readiness scan is not one: a merchant follows
 * it on the page. The claim (server/jobs/claim.ts) still shares the workers fairly across stores,
 * and between two stores with as many jobs running, or inside one store, it takes any other kind
 * first: with 1,000 installed stores a reconciliation run queues a job per store, and a merchant's
 * new order, a warehouse event or a status change must not wait behind all of them.
 */
export const BACKGROUND_KINDS: readonly string[] = backgroundKindsOf(JOBS);
