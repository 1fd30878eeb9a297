// The backfill: importing the orders already waiting in a date range (issue 9 point 3).

/** running · paused (by a person) · done · cancelled (by a person) · failed (BigCommerce refused, e.g. the token) */
export type BackfillState = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';
