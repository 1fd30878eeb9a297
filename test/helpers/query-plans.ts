import type { Knex } from 'knex';

/** The SQLite query plans of every SELECT that `run` sends through `db` (the real SQL, with its bindings). */
export async function queryPlansOf(db: Knex, run: () => Promise<unknown>): Promise<string[]> {
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*(select|with)/i.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  db.on('query', listener);
  try {
    await run();
  } finally {
    db.off('query', listener);
  }
  const plans: string[] = [];
  for (const q of seen) {
    const rows = await db.raw<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never);
    plans.push(rows.map((r) => r.detail).join(' | '));
  }
  return plans;
}
