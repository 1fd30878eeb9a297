// Runs queued jobs in the test's own process, one by one, through the app's real handlers (no
// worker, no timers): each pending job of the given kinds is taken off the queue and handled.
import type { Knex } from 'knex';
import { jobHandlers } from '../../server/flows/runtime.js';
import type { Collaborators } from '../../server/collaborators.js';
import { jobOf } from './order-sync-fakes.js';

export interface QueuedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown> | null;
  dedupeKey: string | null;
}

/** Pending jobs, oldest first (optionally of one kind). */
export async function queued(db: Knex, kind?: string): Promise<QueuedJob[]> {
  const q = db('jobs').where({ state: 'pending' }).orderBy('id');
  if (kind) q.andWhere({ kind });
  return (await q.select('id', 'kind', 'payload', 'dedupe_key')).map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown> | null,
    dedupeKey: r.dedupe_key == null ? null : String(r.dedupe_key),
  }));
}

/** Handles every pending job of `kinds` (and those they queue) until none is left. */
export async function runQueued(s: Collaborators, kinds: string[]): Promise<number> {
  const handlers = jobHandlers(s);
  let ran = 0;
  for (;;) {
    const next = (await queued(s.db)).find((j) => kinds.includes(j.kind));
    if (!next) return ran;
    const row = await s.db('jobs').where({ id: next.id }).first('store_hash');
    await s.db('jobs').where({ id: next.id }).delete();
    await handlers[next.kind]!(jobOf(String(row.store_hash), next.kind, next.payload, { id: next.id, dedupeKey: next.dedupeKey }), { signal: new AbortController().signal });
    ran++;
  }
}
