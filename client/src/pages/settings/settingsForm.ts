// The one save model every Settings form follows (issue 9 point 8), as pure helpers: a form shows
// the saved values until edited; edited and different from the saved values it is dirty (the leave
// guard knows it, Save and Cancel appear); a 409 means someone else saved since it was opened.
import type { ApiRequestError } from '../../api/http.js';

/** Deep equality for form values (plain data: numbers, strings, booleans, null, arrays, objects). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValues(v, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Status id lists whose order means nothing (cancellation statuses). */
export function sameIdSet(a: readonly number[], b: readonly number[]): boolean {
  const sa = [...new Set(a)].sort((x, y) => x - y);
  const sb = [...new Set(b)].sort((x, y) => x - y);
  return sameValues(sa, sb);
}

/** The values the form shows: the edits, else what is saved. */
export function shownValues<T>(saved: T, draft: T | null): T {
  return draft ?? saved;
}

/** Dirty: edited, and different from what is saved now (editing back to the saved value is clean). */
export function isDirty<T>(saved: T, draft: T | null, equals: (a: T, b: T) => boolean = sameValues): boolean {
  return draft !== null && !equals(draft, saved);
}

/** Someone else saved since the form was opened (409 settings_changed). */
export function isConflict(error: ApiRequestError | null | undefined): boolean {
  return error?.status === 409;
}

export const CONFLICT_TEXT = 'Changed by someone else since you opened it.';
export const READ_ONLY_TEXT = 'Only the store owner and members they allow can change this.';
