// Issue 9 point 3 API types: the backfill ("Import waiting orders" with a date range and progress)
// and the share of the store's API quota the app may use. Re-exported from contract.ts.

export type { BackfillState } from '../domain/backfill.js';
import type { BackfillState } from '../domain/backfill.js';
import type { z } from 'zod';
import type { shareInput, startInput } from './inputs/backfill.js';

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

export interface BackfillView {
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

/** GET /api/backfill: the unfinished backfill, or else the last one (null: never ran). */
export interface BackfillResponse {
  backfill: BackfillView | null;
  /** The store's API quota share (percent), for "at 60% of your API quota". */
  quotaShare: number;
}

/** POST /api/backfill: calendar days "YYYY-MM-DD" (UTC) or ISO-8601 instants; from ≤ to, at most 366 days apart. */
// The schema takes both bounds as optional only to name the missing one in words ("Choose the first
// day"); a body without either is refused, so the wire type requires them.
export type StartBackfillInput = Required<z.input<typeof startInput>>;

/** GET/PUT /api/settings/api-quota-share */
export interface QuotaShareResponse {
  percent: number;
  min: number;
  max: number;
  default: number;
}

/** previous: the value the form was opened with; a different stored value is someone else's change (409). */
export type QuotaShareInput = z.input<typeof shareInput>;
