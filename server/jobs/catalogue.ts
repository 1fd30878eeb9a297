// A typed job catalogue (issue 10 point 5, after graphile-worker's task list and pg-boss): each job
// kind declares its payload schema, its dedupe or serial key and its attempt budget once, so a
// producer cannot enqueue a payload its handler would not read, nor invent a key of its own, and a
// handler gets a parsed payload instead of casting `unknown`. The queue itself (queue.ts) stays
// untyped: rows of kinds from older versions, or of no kind at all, are still stored and claimed.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SerialKeys } from './serial-keys.js';
import { PermanentJobError, type EnqueueInput, type JobContext, type JobHandler, type JobQueue, type JobRecord } from './types.js';

/** What the catalogue says about one job kind. */
export interface JobKindSpec<S extends z.ZodType = z.ZodType> {
  /** Parses a stored payload; the payload type is z.infer of it. */
  payload: S;
  /**
   * While a job with this key is pending, a second request merges into it (queue.ts). The strings
   * are stored in the jobs table: changing one lets an old pending job and a new one run twice.
   */
  dedupeKey?: (storeHash: string, payload: z.output<S>) => string;
  /**
   * The kind runs one job at a time per store, on every instance, under this key (serial-keys.ts);
   * it is the kind's dedupe key too. Exclusive with `dedupeKey`.
   */
  serialKey?: (storeHash: string) => string;
  /** The kind's attempt budget (the queue's default otherwise). */
  maxAttempts?: number;
  /**
   * Work that can wait (safety nets, housekeeping): between stores with as many jobs running, and
   * inside one store, the claim takes any other kind first (claim.ts, `backgroundKinds`).
   */
  background?: boolean;
}

/** One kind's spec, with the payload's type inferred from its schema (so `dedupeKey` sees it typed). */
export function jobKind<S extends z.ZodType>(payload: S, spec: Omit<JobKindSpec<S>, 'payload'> = {}): JobKindSpec<S> {
  if (spec.dedupeKey && spec.serialKey) throw new Error('jobKind: a serial kind is deduplicated by its serial key; give one of dedupeKey and serialKey');
  return { payload, ...spec };
}

/** For kinds whose jobs carry nothing: stored as JSON null, as they always were (a job built without one reads the same). */
export const noPayload = z.null().optional();

export type Catalogue = Readonly<Record<string, JobKindSpec>>;
/** The payload a handler reads (the schema's output). */
export type PayloadOf<Spec> = Spec extends JobKindSpec<infer S> ? z.output<S> : never;
/** The payload a producer gives (the schema's input: defaults may be left out). */
export type PayloadInOf<Spec> = Spec extends JobKindSpec<infer S> ? z.input<S> : never;

/** A job as its handler sees it: the payload parsed with its kind's schema. */
export type TypedJob<P> = Omit<JobRecord, 'payload'> & { payload: P };

/** What a producer says; the kind's payload may be left out when the kind carries none. */
export type JobRequest<P> = {
  storeHash: string;
  /** ms epoch; default now (a later time debounces, see queue.ts). */
  runAt?: number;
} & (null extends P ? { payload?: P } : { payload: P });

/** A handler per kind of the catalogue: a kind left out, or a handler reading another payload, does not compile. */
export type CatalogueHandlers<C extends Catalogue> = { [K in keyof C]: (job: TypedJob<PayloadOf<C[K]>>, ctx: JobContext) => Promise<void> };

/**
 * The queue row for a request: the payload parsed (a producer that got past the compiler with a
 * bad payload fails here, not in a worker later), the catalogue's key and attempt budget.
 */
export function jobInputOf<C extends Catalogue, K extends keyof C & string>(catalogue: C, kind: K, req: JobRequest<PayloadInOf<C[K]>>): EnqueueInput {
  const spec = specOf(catalogue, kind);
  const parsed = spec.payload.safeParse((req as { payload?: unknown }).payload ?? null);
  if (!parsed.success) throw new Error(`enqueue: the payload of a ${kind} job does not match its schema: ${oneLine(parsed.error)}`);
  const payload: unknown = parsed.data;
  const input: EnqueueInput = { storeHash: req.storeHash, kind, payload };
  const key = spec.serialKey ? spec.serialKey(req.storeHash) : spec.dedupeKey?.(req.storeHash, payload);
  if (key !== undefined) input.dedupeKey = key;
  if (req.runAt !== undefined) input.runAt = req.runAt;
  if (spec.maxAttempts !== undefined) input.maxAttempts = spec.maxAttempts;
  return input;
}

/**
 * The typed enqueue of one catalogue, bound once (flows/job-catalogue.ts). It goes through
 * `queue.enqueue`, whose onEnqueued hook wakes the worker once the job is visible (after `trx`
 * commits), so no producer wakes it by hand.
 */
export function catalogueEnqueue<C extends Catalogue>(catalogue: C) {
  // async: a payload refused by jobInputOf is a rejected promise, like a failed insert.
  return async <K extends keyof C & string>(queue: Pick<JobQueue, 'enqueue'>, kind: K, req: JobRequest<PayloadInOf<C[K]>>, trx?: Knex): Promise<{ id: number; deduped: boolean }> =>
    queue.enqueue(jobInputOf(catalogue, kind, req), trx);
}

/** Kind → serial key, for the queue's `serialKeys` option (the kinds with a `serialKey`). */
/** The kinds marked `background`, for the claim's `backgroundKinds` option. */
export function backgroundKindsOf(catalogue: Catalogue): string[] {
  return Object.entries(catalogue)
    .filter(([, spec]) => spec.background === true)
    .map(([kind]) => kind);
}

export function serialKeysOf(catalogue: Catalogue): SerialKeys {
  const out: Record<string, (storeHash: string) => string> = {};
  for (const [kind, spec] of Object.entries(catalogue)) if (spec.serialKey) out[kind] = spec.serialKey;
  return out;
}

/**
 * The job's payload parsed with its kind's schema. A payload that does not parse will not parse on
 * the next attempt either: a PermanentJobError (the job goes dead with this message), not a retry.
 */
export function parseJobPayload<Spec extends JobKindSpec>(spec: Spec, job: Pick<JobRecord, 'id' | 'kind' | 'payload'>): PayloadOf<Spec> {
  const parsed = spec.payload.safeParse(job.payload);
  if (parsed.success) return parsed.data as PayloadOf<Spec>;
  throw new PermanentJobError(`Job ${job.id} (${job.kind}) has a payload its handler cannot read: ${oneLine(parsed.error)}`);
}

/** The payload if it parses, else undefined: for a dead job's clean-up, which must not throw. */
export function payloadIfValid<Spec extends JobKindSpec>(spec: Spec, job: Pick<JobRecord, 'payload'>): PayloadOf<Spec> | undefined {
  const parsed = spec.payload.safeParse(job.payload);
  return parsed.success ? (parsed.data as PayloadOf<Spec>) : undefined;
}

/** The worker's handler table: each handler is called with its job's payload parsed (parseJobPayload). */
export function catalogueHandlers<C extends Catalogue>(catalogue: C, handlers: CatalogueHandlers<C>): Record<string, JobHandler> {
  const out: Record<string, JobHandler> = {};
  for (const kind of Object.keys(catalogue)) {
    const spec = specOf(catalogue, kind);
    const handle = handlers[kind] as (job: TypedJob<unknown>, ctx: JobContext) => Promise<void>;
    // Async: a payload that does not parse rejects this job's run, it cannot throw into the worker.
    out[kind] = async (job, ctx) => handle({ ...job, payload: parseJobPayload(spec, job) }, ctx);
  }
  return out;
}

/** zod's readable report ("✖ Invalid input: expected number, received string → at orderId") on one line, for a job's last_error. */
const oneLine = (error: z.ZodError) => z.prettifyError(error).replace(/\s*\n\s*/g, ' ');

function specOf(catalogue: Catalogue, kind: string): JobKindSpec {
  const spec = Object.hasOwn(catalogue, kind) ? catalogue[kind] : undefined;
  if (!spec) throw new Error(`Unknown job kind "${kind}": not in the job catalogue`);
  return spec;
}
