import type { Knex } from 'knex';
import { isPostgres } from './postgres.js';

/** A LIKE pattern (used with ESCAPE '\\') that matches `text` literally anywhere: % and _ are not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The case-insensitive LIKE of the database: SQLite's LIKE ignores ASCII case already, PostgreSQL's
 * does not (a search for "mug" must still find "MUG-01" there), so it gets ILIKE.
 */
export const caseInsensitiveLike = (db: Knex): 'LIKE' | 'ILIKE' => (isPostgres(db) ? 'ILIKE' : 'LIKE');

/** Adds "any of these columns contains `text`" (literally, ignoring case) to a query on `db`. */
export function whereAnyContains(db: Knex, q: Knex.QueryBuilder, columns: string[], text: string): void {
  const like = likeContains(text);
  const op = caseInsensitiveLike(db);
  q.andWhere((w) => {
    for (const column of columns) w.orWhereRaw(`?? ${op} ? ESCAPE '\\'`, [column, like]);
  });
}
