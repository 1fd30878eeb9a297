// The app's job kinds (issue 10 point 5): for each, the payload its handler reads, the key that
// merges duplicate requests or runs the kind one at a time per store, and its attempt budget. The
// handlers are registered against this catalogue in runtime.ts (a missing one does not compile);
// producers enqueue with `enqueueJob` / `jobInput`, which take the key from here.
//
// Kind strings and key strings are stored in the jobs table of existing databases: never rename one.
// This module imports nothing from the flows, so every flow can import it (no cycle).
import { z } from 'zod';
import {
  catalogueEnqueue,
  jobInputOf,
  jobKind,
  noPayload,
  payloadIfValid,
  serialKeysOf,
  type JobRequest,
  type PayloadInOf,
  type PayloadOf,
  type TypedJob,
} from '../jobs/catalogue.js';
import type { EnqueueInput, JobRecord } from '../jobs/types.js';

/** Job kinds, in one place so producers and handlers agree. */
export const JOB = {
  orderSync: 'order.sync',
  orderSetStatus: 'order.set-status',
  /** After the app's shipment: sets Shipped / Partially Shipped only where BigCommerce did not move the status itself. */
  orderShippedStatus: 'order.shipped-status',
  ordersReconcile: 'orders.reconcile',
  webhooksReconcile: 'webhooks.reconcile',
  fulfillmentEvent: 'fulfillment.event',
  fulfillmentPoll: 'fulfillment.poll',
  /** A stored warehouse shipment written to BigCommerce again (flows/fulfillment/retry-shipment.ts). */
  shipmentRetry: 'fulfillment.shipment-retry',
  inventoryPush: 'inventory.push',
  retention: 'retention.purge',
  /** Store details, order statuses and inventory locations copied from BigCommerce (after install, then hourly). */
  storeRefresh: 'store.refresh',
  /** E-mails the merchant about open problems, at most once per problem and hour. */
  notify: 'notifications.send',
  /** The store's readiness scan: shipping methods, SKUs and inventory tracking checked before the first order. */
  readinessScan: 'readiness.scan',
  /** Imports the orders waiting in the import status within a date range, with progress (pausable). */
  ordersBackfill: 'orders.backfill',
} as const;

// Keys used outside the catalogue too (tests, the order page's look-ups).
export const orderSyncKey = (storeHash: string, orderId: number) => `order:${storeHash}:${orderId}`;
export const shipmentRetryKey = (storeHash: string, backendShipmentId: string) => `shipment:${storeHash}:${backendShipmentId}`;
export const storeRefreshKey = (storeHash: string) => `refresh:${storeHash}`;
export const backfillKey = (storeHash: string) => `backfill:${storeHash}`;
/** The retention job is one for the whole installation (under the system store). */
export const RETENTION_DEDUPE_KEY = 'retention';
/** A scan is cheap and the merchant can start another: it fails after a few attempts, not twenty. */
export const SCAN_MAX_ATTEMPTS = 5;

const orderId = z.number().int().positive();

const orderSyncPayload = z.object({
  orderId,
  /** Re-read the status of an order already sent (Retry on the order page). */
  recheck: z.boolean().optional(),
});

const setStatusPayload = z.object({
  orderId,
  statusId: z.number().int().nonnegative(),
  /** Only if the order still has this status (absent: always, as for a warehouse cancellation). */
  ifStatusId: z.number().int().nonnegative().optional(),
});

const shippedStatusPayload = z.object({
  orderId,
  since: z.number().int().nonnegative(),
  /** The status the app knew before its shipment: an event naming it since is a late echo, not a move. */
  statusBefore: z.number().int().nonnegative().nullable().default(null),
});

/** Null from the scheduler; `all` lists everything waiting in the import status (a one-off sweep from code). */
const reconcilePayload = z.object({ all: z.boolean().optional() }).nullable();

/** Null or {} for the hourly refresh; `force` refreshes even when the last one is recent. */
const storeRefreshPayload = z.object({ force: z.boolean().optional() }).nullable();

/** Per-store keys of the kinds that take no payload: `<prefix>:<store>`. */
const perStore = (prefix: string) => (storeHash: string) => `${prefix}:${storeHash}`;

export const JOBS = {
  [JOB.orderSync]: jobKind(orderSyncPayload, { dedupeKey: (store, p) => orderSyncKey(store, p.orderId) }),
  // Not deduplicated: two status changes of one order are two requests.
  [JOB.orderSetStatus]: jobKind(setStatusPayload),
  // One pending check per order: a later shipment within the minute is covered by the same check.
  [JOB.orderShippedStatus]: jobKind(shippedStatusPayload, { dedupeKey: (store, p) => `shipped-status:${store}:${p.orderId}` }),
  [JOB.ordersReconcile]: jobKind(reconcilePayload, { dedupeKey: perStore('reconcile'), background: true }),
  // Two reconciliations of one store's subscriptions would both create the missing hooks.
  [JOB.webhooksReconcile]: jobKind(noPayload, { serialKey: perStore('hooks'), background: true }),
  // One per stored event (the event row is the work; its id is not a key).
  [JOB.fulfillmentEvent]: jobKind(z.object({ eventRowId: z.number().int().positive() })),
  [JOB.fulfillmentPoll]: jobKind(noPayload, { dedupeKey: perStore('poll'), background: true }),
  [JOB.shipmentRetry]: jobKind(z.object({ backendShipmentId: z.string().min(1) }), { dedupeKey: (store, p) => shipmentRetryKey(store, p.backendShipmentId) }),
  // BigCommerce wants a store's inventory writes one at a time.
  [JOB.inventoryPush]: jobKind(noPayload, { serialKey: perStore('inventory') }),
  [JOB.retention]: jobKind(noPayload, { dedupeKey: () => RETENTION_DEDUPE_KEY, maxAttempts: 3, background: true }),
  [JOB.storeRefresh]: jobKind(storeRefreshPayload, { dedupeKey: storeRefreshKey, background: true }),
  // One attempt: the next check a minute later is the retry.
  [JOB.notify]: jobKind(noPayload, { dedupeKey: perStore('notify'), maxAttempts: 1, background: true }),
  [JOB.readinessScan]: jobKind(noPayload, { dedupeKey: perStore('readiness'), maxAttempts: SCAN_MAX_ATTEMPTS }),
  // One pending step per store, whichever run it belongs to.
  [JOB.ordersBackfill]: jobKind(z.object({ backfillId: z.number().int().positive() }), { dedupeKey: backfillKey, background: true }),
};

export type JobCatalogue = typeof JOBS;
export type JobKindName = keyof JobCatalogue;
/** The payload a handler of `K` reads. */
export type JobPayload<K extends JobKindName> = PayloadOf<JobCatalogue[K]>;
/** A job of kind `K` as its handler receives it (payload parsed). */
export type JobOfKind<K extends JobKindName> = TypedJob<JobPayload<K>>;

// Payloads the flows also take outside a job (a sweep from code, a refresh after install).
export type ReconcilePayload = NonNullable<JobPayload<typeof JOB.ordersReconcile>>;
export type StoreRefreshPayload = NonNullable<JobPayload<typeof JOB.storeRefresh>>;

/**
 * Queues one job: the payload is checked against the kind at compile time (and parsed, so nothing
 * unreadable is stored), the key and attempt budget come from the catalogue. With `trx` the job
 * commits with the caller's rows. The queue wakes the worker once the job is visible (onEnqueued).
 */
export const enqueueJob = catalogueEnqueue(JOBS);

/** The queue row of a request, for the batch paths (`enqueueMany`: webhook intake, scheduler). */
export const jobInput = <K extends JobKindName>(kind: K, req: JobRequest<PayloadInOf<JobCatalogue[K]>>): EnqueueInput => jobInputOf(JOBS, kind, req);

/**
 * The kinds that run one at a time per store, on every instance (jobs/serial-keys.ts), and their
 * keys: the queue stores every such job under it.
 */
export const SERIAL_PER_STORE = serialKeysOf(JOBS);

/** A dead or retried job's payload if it reads as its kind's (clean-up paths must not throw). */
export function payloadOf<K extends JobKindName>(kind: K, job: Pick<JobRecord, 'kind' | 'payload'>): JobPayload<K> | undefined {
  if (job.kind !== kind) return undefined;
  return payloadIfValid<JobCatalogue[K]>(JOBS[kind], job);
}
