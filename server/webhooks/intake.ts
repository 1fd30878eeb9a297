// The one way "an event and the job it causes" is written (issue 10 point 5): the BigCommerce
// receiver's group commit, the warehouse receiver, and a replay from the Webhook history all go
// through here, so the rules (a redelivery queues nothing, an ignored event is settled at once,
// the job commits with its event) cannot drift apart between them. sqlite-writer.ts is the same
// rules in prepared statements, SQLite's fast path for the group commit.
import type { Knex } from 'knex';
import type { EnqueueInput } from '../jobs/types.js';
import type { KnexJobQueue } from '../jobs/queue.js';
import type { NewEvent, WebhookEventsRepo } from '../storage/webhook-events-repo.js';

export interface EventWrite {
  event: NewEvent;
  /** The job the event causes (none for ignored topics); a function when it names the stored row. */
  job?: EnqueueInput | ((eventRowId: number) => EnqueueInput);
  /** Status to record right away when there is no job (e.g. `ignored`). */
  statusWithoutJob?: 'ignored';
  /** Why it is ignored, shown in the Webhook history (e.g. an event type this version does not know). */
  ignoredReason?: string;
}

export interface IntakeDeps {
  events: Pick<WebhookEventsRepo, 'recordMany' | 'setStatus' | 'reopen'>;
  queue: Pick<KnexJobQueue, 'enqueueMany' | 'dedupeKeyOf'>;
}

export interface Recorded {
  id: number;
  duplicate: boolean;
}

export const jobOf = (w: EventWrite, eventRowId: number): EnqueueInput | undefined => (typeof w.job === 'function' ? w.job(eventRowId) : w.job);

/**
 * Stores `writes` and the job of every first delivery, in the caller's transaction, with
 * multi-row statements (one batch of the group commit is a handful of statements, not one per event).
 *
 * Rows are written in key order (events by store, source and event id, jobs by dedupe key): two
 * instances committing batches that share keys then lock them in the same order on PostgreSQL,
 * where opposite orders could deadlock. The order of the results is the order of `writes`.
 */
export async function recordEventsWithJobs(d: IntakeDeps, trx: Knex, writes: EventWrite[], now: number): Promise<Recorded[]> {
  if (writes.length === 0) return [];
  const order = writes.map((_, i) => i).sort((a, b) => compareEvents(writes[a]!.event, writes[b]!.event) || a - b);
  const sorted = order.map((i) => writes[i]!);
  const recorded = await d.events.recordMany(
    sorted.map((w) => w.event),
    now,
    trx,
    sorted.map((w) => (w.job ? 'received' : (w.statusWithoutJob ?? 'received'))),
  );
  const jobs: EnqueueInput[] = [];
  for (const [k, w] of sorted.entries()) {
    const r = recorded[k]!;
    if (r.duplicateOf !== null) continue;
    const job = jobOf(w, r.id);
    if (job) jobs.push(job);
    else if (w.ignoredReason) await d.events.setStatus(r.id, 'ignored', w.ignoredReason, now, trx);
  }
  await queueJobs(d, trx, jobs);
  const out = new Array<Recorded>(writes.length);
  order.forEach((i, k) => (out[i] = { id: recorded[k]!.id, duplicate: recorded[k]!.duplicateOf !== null }));
  return out;
}

export interface StoredEventJob {
  storeHash: string;
  /** The webhook_events row. */
  id: number;
  job: EnqueueInput;
}

/**
 * Processes stored events again (a replay): each is set back to `received` and its job queued, in
 * the caller's transaction. An event no longer there (retention) or a redelivery is skipped.
 * Returns the ids that were queued.
 */
export async function requeueStoredEvents(d: IntakeDeps, trx: Knex, stored: StoredEventJob[]): Promise<number[]> {
  const reopened: StoredEventJob[] = [];
  for (const e of stored) if (await d.events.reopen(e.storeHash, e.id, trx)) reopened.push(e);
  await queueJobs(
    d,
    trx,
    reopened.map((e) => e.job),
  );
  return reopened.map((e) => e.id);
}

async function queueJobs(d: IntakeDeps, trx: Knex, jobs: EnqueueInput[]): Promise<void> {
  if (jobs.length === 0) return;
  // Stable: within a batch the first job of a key still wins (enqueueMany).
  const keyed = jobs.map((job) => ({ job, key: d.queue.dedupeKeyOf(job) ?? '' }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await d.queue.enqueueMany(
    keyed.map((k) => k.job),
    trx,
  );
}

function compareEvents(a: NewEvent, b: NewEvent): number {
  const ka = `${a.storeHash}\u0000${a.source}\u0000${a.eventId}`;
  const kb = `${b.storeHash}\u0000${b.source}\u0000${b.eventId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
