// Issue 9 point 3 API types: the backfill ("Import waiting orders" with a date range and progress)
// and the share of the store's API quota the app may use. Re-exported from contract.ts.

export type { BackfillState, BackfillCounts, BackfillEta } from '../domain/backfill.js';
import type { BackfillProgress } from '../domain/backfill.js';
import type { z } from 'zod';
import type { shareInput, startInput } from './inputs/backfill.js';

/** A backfill as the merchant sees it (server/domain/backfill.ts), sent unchanged. */
export type BackfillView = BackfillProgress;

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
