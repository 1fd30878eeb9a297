// Request bodies of the backfill and the API quota share (backfill-routes.ts).
import { z } from 'zod';
import { dateBound } from './dates.js';

/** The longest range one backfill may cover. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
export const QUOTA_SHARE_MIN = 10;
export const QUOTA_SHARE_MAX = 100;

/** POST /api/backfill: calendar days "YYYY-MM-DD" (UTC) or ISO-8601 instants; from ≤ to, at most 366 days apart. */
export const startInput = z.object({ from: dateBound('start'), to: dateBound('end') }).superRefine((v, ctx) => {
  if (v.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose the first day' });
  if (v.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose the last day' });
  if (v.from === undefined || v.to === undefined) return;
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first day' });
  else if (v.to - v.from > MAX_RANGE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${MAX_RANGE_DAYS} days (one year) at a time` });
});

/** PUT /api/settings/api-quota-share */
export const shareInput = z.object({
  percent: z
    .number({ error: 'Enter a percentage' })
    .int('Enter a whole percentage')
    .min(QUOTA_SHARE_MIN, `At least ${QUOTA_SHARE_MIN}%: with less the app cannot keep up with new orders`)
    .max(QUOTA_SHARE_MAX, `At most ${QUOTA_SHARE_MAX}%`),
  /** The value the form was opened with: a different stored value is someone else's change (409). */
  previous: z.number().int().optional(),
});
