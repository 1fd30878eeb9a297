// A date range bound as a query or body field: one parser for the order list, the audit log and
// the backfill's range. Imports only zod: the backfill's body type is derived through it.
import { z } from 'zod';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * One end of an inclusive date range in a query string → ms epoch: a date ("2026-11-30") means
 * the whole day in UTC (its first millisecond for `start`, its last for `end`); an instant
 * ("2026-11-30T10:40:00Z") means itself, in UTC when it names no offset.
 */
export function dateBound(edge: 'start' | 'end') {
  return z
    .string()
    .trim()
    .refine((v) => {
      if (DATE_ONLY.test(v)) return !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().slice(0, 10) === v; // no 30 February
      return INSTANT.test(v) && !Number.isNaN(Date.parse(v));
    }, 'must be a date (2026-11-30) or a date and time (2026-11-30T10:40:00Z)')
    .transform((v) => {
      if (DATE_ONLY.test(v)) return Date.parse(v) + (edge === 'end' ? DAY_MS - 1 : 0);
      return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`);
    })
    .optional();
}
