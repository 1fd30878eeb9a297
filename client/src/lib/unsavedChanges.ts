import { useEffect } from 'react';

// One registry of forms holding unsaved changes, so every settings form (whoever wrote it) is
// covered by the same guard: the settings navigation and the tab bar ask `hasUnsavedChanges()`
// before leaving, and the browser's beforeunload prompt is armed while any form is dirty.

const dirty = new Set<string>();
const listeners = new Set<() => void>();

// Typed without the DOM library: unit tests run this module under the server's tsconfig (no window).
interface UnloadEventLike {
  preventDefault(): void;
  returnValue: unknown;
}
interface EventTargetLike {
  addEventListener(type: 'beforeunload', fn: (e: UnloadEventLike) => void): void;
  removeEventListener(type: 'beforeunload', fn: (e: UnloadEventLike) => void): void;
}

function onBeforeUnload(e: UnloadEventLike) {
  e.preventDefault();
  // Chrome still wants returnValue set to show its prompt.
  e.returnValue = '';
}

function changed() {
  const win = (globalThis as { window?: EventTargetLike }).window;
  if (win) {
    if (dirty.size > 0) win.addEventListener('beforeunload', onBeforeUnload);
    else win.removeEventListener('beforeunload', onBeforeUnload);
  }
  for (const l of listeners) l();
}

/** Marks form `id` dirty while `isDirty`; cleared when the form unmounts. */
export function useUnsavedChanges(id: string, isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    dirty.add(id);
    changed();
    return () => {
      dirty.delete(id);
      changed();
    };
  }, [id, isDirty]);
}

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}

/** The ids of the dirty forms (for the leave prompt to name them). */
export function unsavedForms(): string[] {
  return [...dirty];
}

export function onUnsavedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets every dirty form (after the merchant chose "Leave without saving"). */
export function discardUnsavedChanges(): void {
  dirty.clear();
  changed();
}
