/** A LIKE pattern (used with ESCAPE '\\') that matches `text` literally anywhere: % and _ are not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
