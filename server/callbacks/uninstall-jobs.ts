import { JOB } from '../flows/job-catalogue.js';

/**
 * Pending jobs kept when a store uninstalls the app. They carry work nobody can redo: a warehouse
 * event the app already acknowledged (the warehouse will not send it again), a stored shipment to
 * write, a status change the warehouse asked for. Deleting them would leave the event "received"
 * forever and lose the shipment silently, also across a reinstall. Kept, they run and fail into a
 * visible state on the order ("the app is not installed in this store ... press Retry"); retention
 * deletes them with the rest of the store after RETENTION_UNINSTALLED_DAYS.
 *
 * Everything else is deleted: it re-reads BigCommerce (order sync, reconciliations, webhook upkeep,
 * stock pushes) or the warehouse feeds (polling), and is queued again after a reinstall.
 */
export const JOBS_KEPT_AT_UNINSTALL: readonly string[] = [JOB.fulfillmentEvent, JOB.shipmentRetry, JOB.orderSetStatus];
