// The guard against leaving with unsaved changes (issue 9 point 8): a tab, a settings section or an
// in-app link asks `requestLeave(go)`; with no dirty form it goes at once, else the confirm modal
// (layout/LeaveGuardModal.tsx) asks "Leave without saving?". Closing or reloading the page is
// covered by the registry's beforeunload. No DOM at module load, so it runs in node tests.
import { discardUnsavedChanges, unsavedForms } from './unsavedChanges.js';

export interface PendingLeave {
  /** The dirty forms, as they registered (their names). */
  forms: string[];
  go(): void;
}

export interface UnsavedRegistry {
  forms(): string[];
  discard(): void;
}

export interface LeaveGuard {
  /** Goes now (returns true) or asks first (returns false). */
  requestLeave(go: () => void): boolean;
  /** "Leave without saving": forgets the dirty forms and goes. */
  confirm(): void;
  /** "Stay": keeps the changes and the page. */
  stay(): void;
  pending(): PendingLeave | null;
  subscribe(listener: () => void): () => void;
}

export function createLeaveGuard(registry: UnsavedRegistry): LeaveGuard {
  let pending: PendingLeave | null = null;
  const listeners = new Set<() => void>();
  const set = (next: PendingLeave | null) => {
    pending = next;
    for (const l of listeners) l();
  };
  return {
    requestLeave(go) {
      const forms = registry.forms();
      if (forms.length === 0) {
        go();
        return true;
      }
      set({ forms, go });
      return false;
    },
    confirm() {
      const leaving = pending;
      set(null);
      if (!leaving) return;
      registry.discard();
      leaving.go();
    },
    stay() {
      set(null);
    },
    pending: () => pending,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's guard, over the one registry every settings form reports to. */
export const leaveGuard: LeaveGuard = createLeaveGuard({ forms: unsavedForms, discard: discardUnsavedChanges });

/** "You have unsaved changes in Order import and Cancellations. Leave without saving?" */
export function leavePromptText(forms: readonly string[]): string {
  const names = forms.length === 0 ? 'this page' : joinNames(forms);
  return `You have unsaved changes in ${names}. Leave without saving?`;
}

function joinNames(names: readonly string[]): string {
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface LinkClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

export interface LinkTarget {
  href: string;
  target: string;
  download: boolean;
}

/**
 * The in-app path a click on a link leads to when it leaves the current page (another pathname,
 * same origin, same tab, plain left click), else null: those are the clicks the guard holds.
 */
export function leavingPath(click: LinkClick, link: LinkTarget, location: { origin: string; pathname: string }): string | null {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if (link.download || (link.target !== '' && link.target !== '_self')) return null;
  let url: URL;
  try {
    url = new URL(link.href, location.origin);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || url.pathname === location.pathname) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
