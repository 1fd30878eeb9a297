import { z } from 'zod';
import { BadRequestError } from '../errors.js';

const pageSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** `?page&limit` for every list endpoint (limit ≤ 100). */
export function paging(query: unknown): { page: number; limit: number } {
  const p = pageSchema.safeParse(query);
  if (p.success) return p.data;
  const fields: Record<string, string> = {};
  for (const issue of p.error.issues)
    fields[String(issue.path[0])] = issue.path[0] === 'limit' ? 'must be a whole number from 1 to 100' : 'must be a whole number from 1 to 100,000';
  throw new BadRequestError('page must be ≥ 1 and limit between 1 and 100.', fields);
}

/** Parses a query or body with zod; failures become a 400 naming each field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what = 'request'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.join('.') || what] ??= issue.message;
  throw new BadRequestError(
    `The ${what} is not valid: ${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    fields,
  );
}

/** Optional ISO-8601 instant in a query string → ms epoch. */
export const isoInstant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date and time')
  .transform((v) => Date.parse(v))
  .optional();

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

/** Route id params: positive integers only. */
export function idParam(value: unknown, name = 'id'): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BadRequestError(`${name} must be a positive whole number.`);
  return n;
}
