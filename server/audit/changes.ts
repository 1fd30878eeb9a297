/**
 * The fields of two flat records that differ, as the audit's before → after: a settings form sends
 * every field, but the log should say what changed ("recipients: a → a, b"), not repeat the rest.
 * Values compare by their JSON, so lists and nested objects compare by content.
 */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof T>);
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    b[key] = before[key];
    a[key] = after[key];
  }
  return { before: b, after: a };
}

/** True when changedFields found nothing (a Save with the same values records nothing). */
export const nothingChanged = (c: { after: object }): boolean => Object.keys(c.after).length === 0;
