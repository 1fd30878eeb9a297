// How far each periodic task's work has been queued. The leader moves a watermark only from the
// value it read (compare-and-set) and in the transaction that queued the slice's jobs: a leader
// that lost its lease without knowing (a long pause) finds the watermark moved and queues nothing,
// so no slice of an interval is queued twice.
import type { Knex } from 'knex';
import { rawRows } from '../jobs/rows.js';

export async function readWatermarks(db: Knex): Promise<Map<string, number>> {
  const rows = await db<{ task: string; covered_until: number | string }>('scheduler_watermarks').select('task', 'covered_until');
  return new Map(rows.map((r) => [r.task, Number(r.covered_until)]));
}

/** Moves `task` from `from` (null: no watermark yet) to `to`; false when another scheduler moved it first. */
export async function advanceWatermark(trx: Knex, task: string, from: number | null, to: number): Promise<boolean> {
  if (from === null) {
    const sql = 'INSERT INTO scheduler_watermarks (task, covered_until) VALUES (?, ?) ON CONFLICT (task) DO NOTHING RETURNING task';
    return rawRows(await trx.raw(sql, [task, to])).length > 0;
  }
  return (await trx('scheduler_watermarks').where({ task, covered_until: from }).update({ covered_until: to })) > 0;
}
