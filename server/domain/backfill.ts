// The backfill: importing the orders already waiting in a date range (issue 9 point 3).

/** running · paused (by a person) · done · cancelled (by a person) · failed (BigCommerce refused, e.g. the token) */
export type BackfillState = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

export interface BackfillCounts {
  /** Orders in the range and the import status when it started; null until BigCommerce said. */
  total: number | null;
  /** Orders listed so far (the listing pages through BigCommerce as the import goes). */
  listed: number;
  /** Listed orders the warehouse already had: not sent again. */
  alreadySent: number;
  /** Listed orders handed to the normal order import. */
  queued: number;
  /** Of those: at the warehouse now. */
  sent: number;
  /** Of those: waiting for the merchant (needs attention, held by a rule, rejected, failed). */
  held: number;
  /** Of those: not sent because they left the import status, were cancelled or deleted meanwhile. */
  skipped: number;
  /** Of those: still on their way. */
  pending: number;
  /** alreadySent + sent + held + skipped: what the progress bar shows. */
  done: number;
}

export interface BackfillEta {
  /** Milliseconds left; null while it cannot be told yet (total unknown, nothing measured). */
  remainingMs: number | null;
  /** The share of the store's API quota (percent) the estimate assumes. */
  quotaShare: number;
}

/** A backfill as the merchant sees it: counts, whether listing is done, and the time left. */
export interface BackfillProgress {
  id: number;
  state: BackfillState;
  /** Orders created from / to (ISO-8601, inclusive); null: no bound. */
  from: string | null;
  to: string | null;
  counts: BackfillCounts;
  /** True once every page has been listed (the total is then exact). */
  listingDone: boolean;
  eta: BackfillEta;
  /** BigCommerce calls per finished order so far (listing included); null until measured. */
  callsPerOrder: number | null;
  startedAt: string;
  /** E-mail of who started it. */
  startedBy: string | null;
  updatedAt: string;
  finishedAt: string | null;
  /** Why it stopped, in merchant words (state failed). */
  error: string | null;
}
