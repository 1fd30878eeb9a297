// The background store refresh (issue 8 point 2): the store's details (GET /v2/store), order
// statuses (GET /v2/order_statuses) and inventory locations (GET /v3/inventory/locations) copied
// into the database, so no page ever waits on BigCommerce. Three calls per store, at most hourly
// (plus once after each install), whatever the number of page views.
import { listLocations, listOrderStatuses, type BigCommerceClient } from '../bigcommerce/index.js';
import type { InventoryLocation, StoreOrderStatus } from '../domain/store-lists.js';
import { isReadFailure, isWaitNotFailure, readProblem, refreshStoreDetails, TOKEN_REFUSED_PROBLEM } from './store-details.js';
import type { EnqueueInput } from '../jobs/types.js';
import type { Collaborators } from '../collaborators.js';
import { LocationsRepo } from '../storage/locations-repo.js';
import { enqueueJob, jobInput, JOB, type JobOfKind, type StoreRefreshPayload } from './job-catalogue.js';
import { noStoreAccessRemedy } from './store-access.js';

/** A store's copies are read again at most this often (install aside). */
export const STORE_REFRESH_EVERY_MS = 60 * 60_000;

// The payload ({ force? }: after an install, refresh even if one ran within the hour, the new token
// may see more) and the key (one pending refresh per store) are in the job catalogue.

type RefreshDeps = Pick<Collaborators, 'db' | 'bigcommerce' | 'stores' | 'orderStatuses' | 'clock' | 'logger'>;
type QueueDeps = Pick<Collaborators, 'stores' | 'jobs' | 'clock'>;

const LABEL_MAX = 255;

/** The job: reads the three copies, keeps the last known ones on failure and says what failed. */
export async function refreshStore(s: RefreshDeps, job: Pick<JobOfKind<typeof JOB.storeRefresh>, 'storeHash' | 'payload'>): Promise<void> {
  const storeHash = job.storeHash;
  const store = await s.stores.get(storeHash);
  if (!store || store.status !== 'installed') return;
  const force = job.payload?.force === true;
  // Requests that pile up (a page view, the schedule) within the hour have nothing to add.
  if (!force && store.detailsRefreshedAt !== null && s.clock.now() - store.detailsRefreshedAt < STORE_REFRESH_EVERY_MS) return;

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) {
    // No usable token (reading it may just have flagged the store): nothing to retry until /auth.
    const why = noStoreAccessRemedy(await s.stores.get(storeHash));
    await s.stores.saveRefresh(storeHash, { error: `The store details could not be refreshed: ${why}` }, s.clock.now());
    return;
  }
  const problems: string[] = [];
  const detailsProblem = await refreshStoreDetails(s, storeHash, client);
  if (detailsProblem) problems.push(detailsProblem);
  // A refused token refuses every call: the store is flagged (the client's 401 hook), stop here.
  if (detailsProblem !== TOKEN_REFUSED_PROBLEM) {
    for (const part of [refreshOrderStatuses, refreshLocations]) {
      const problem = await part(s, storeHash, client);
      if (problem) problems.push(problem);
      if (problem === TOKEN_REFUSED_PROBLEM) break;
    }
  }
  await s.stores.saveRefresh(storeHash, { error: problems.length > 0 ? problems.join(' ') : null }, s.clock.now());
}

/** Runs one read; a BigCommerce failure becomes the merchant's sentence, a wait or our own fault is thrown. */
async function attempt(s: RefreshDeps, storeHash: string, what: string, kept: string, read: () => Promise<void>): Promise<string | null> {
  try {
    await read();
    return null;
  } catch (err) {
    if (isWaitNotFailure(err) || !isReadFailure(err)) throw err;
    s.logger.warn({ storeHash, what, err: err instanceof Error ? err.message : String(err) }, 'store refresh could not read BigCommerce');
    return readProblem(err, what, kept);
  }
}

async function refreshOrderStatuses(s: RefreshDeps, storeHash: string, client: BigCommerceClient): Promise<string | null> {
  const kept = (await s.orderStatuses.refreshedAt(storeHash)) === null ? 'BigCommerce’s default statuses' : 'the last known ones';
  return attempt(s, storeHash, 'the order statuses', kept, async () => {
    const byId = new Map<number, StoreOrderStatus>();
    for (const st of await listOrderStatuses(client)) {
      const name = st.name.slice(0, LABEL_MAX);
      byId.set(st.id, { id: st.id, name, label: (st.custom_label || st.name).slice(0, LABEL_MAX) });
    }
    await s.orderStatuses.replaceAll(storeHash, [...byId.values()], s.clock.now());
  });
}

async function refreshLocations(s: RefreshDeps, storeHash: string, client: BigCommerceClient): Promise<string | null> {
  const repo = new LocationsRepo(s.db);
  const kept = (await repo.refreshedAt(storeHash)) === null ? 'the default location' : 'the last known ones';
  return attempt(s, storeHash, 'the inventory locations', kept, async () => {
    const byId = new Map<number, InventoryLocation>();
    for (const l of await listLocations(client)) byId.set(l.id, l);
    await repo.replaceAll(storeHash, [...byId.values()], s.clock.now());
  });
}

/** Queues a refresh of one store (deduplicated: one pending per store); the queue wakes the worker. */
export async function requestStoreRefresh(s: Pick<Collaborators, 'jobs'>, storeHash: string, payload: StoreRefreshPayload = {}): Promise<void> {
  await enqueueJob(s.jobs.queue, JOB.storeRefresh, { storeHash, payload });
}

/**
 * A page found a copy empty (a store installed before the copies existed, or the first refresh has
 * not run yet): queue a refresh unless one ran within the hour. Returns whether one was queued.
 */
export async function refreshIfDue(s: QueueDeps, storeHash: string): Promise<boolean> {
  const store = await s.stores.get(storeHash);
  if (!store || store.status !== 'installed') return false;
  if (store.detailsRefreshedAt !== null && s.clock.now() - store.detailsRefreshedAt < STORE_REFRESH_EVERY_MS) return false;
  await requestStoreRefresh(s, storeHash);
  return true;
}

/** The scheduled refresh of one store (not forced: a refresh within the hour makes it a no-op). */
export const storeRefreshJob = (storeHash: string): EnqueueInput => jobInput(JOB.storeRefresh, { storeHash, payload: {} });

/** Installed stores (token not revoked) whose last refresh is an hour old or more, or never ran. */
export function storesDueForRefresh(s: Pick<Collaborators, 'stores'>, now: number): Promise<string[]> {
  return s.stores.dueForRefresh(now - STORE_REFRESH_EVERY_MS);
}

/**
 * Every due store at once. The scheduler (server/scheduler) instead queues each due store at its
 * phase of the check interval, so a thousand stores due together are not one burst.
 */
export async function queueDueStoreRefreshes(s: QueueDeps): Promise<number> {
  const due = await storesDueForRefresh(s, s.clock.now());
  for (const hash of due) await enqueueJob(s.jobs.queue, JOB.storeRefresh, { storeHash: hash, payload: {} });
  return due.length;
}
