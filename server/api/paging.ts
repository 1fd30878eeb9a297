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

/** Route id params: positive integers only. */
export function idParam(value: unknown, name = 'id'): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BadRequestError(`${name} must be a positive whole number.`);
  return n;
}
