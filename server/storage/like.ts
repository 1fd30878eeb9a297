import type { Knex } from 'knex';

/** A LIKE pattern (used with ESCAPE '\\') that matches `text` literally anywhere: % and _ are not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Adds "any of these columns contains `text`" (literally) to a query. */
export function whereAnyContains(q: Knex.QueryBuilder, columns: string[], text: string): void {
  const like = likeContains(text);
  q.andWhere((w) => {
    for (const column of columns) w.orWhereRaw(`?? LIKE ? ESCAPE '\\'`, [column, like]);
  });
}
