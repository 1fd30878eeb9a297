// The alerts banner's logic, pure so it is unit-tested: what to show, what changed, what the
// merchant dismissed (info alerts only, for the browser session).
import type { AlertView } from '../../../server/api/contract.js';

export type BannerMessageType = 'error' | 'warning' | 'info';

export const ALERTS_POLL_MS = 15_000;
export const DISMISSED_STORAGE_KEY = 'fb:dismissed-alerts';

const TYPE: Record<AlertView['severity'], BannerMessageType> = { critical: 'error', warning: 'warning', info: 'info' };

export const messageTypeOf = (alert: AlertView): BannerMessageType => TYPE[alert.severity];

/** Only notices can be put away; a problem stays until it is fixed. */
export const canDismiss = (alert: AlertView): boolean => alert.severity === 'info';

/** What a dismissal remembers: the key and the words, so a notice that changes shows again. */
export const dismissalId = (alert: AlertView): string => `${alert.key}\u0000${alert.message}`;

/** The alerts to show: all of them but the notices dismissed in this session. */
export function visibleAlerts(alerts: readonly AlertView[], dismissed: ReadonlySet<string>): AlertView[] {
  return alerts.filter((a) => !(canDismiss(a) && dismissed.has(dismissalId(a))));
}

const sameAlert = (a: AlertView, b: AlertView) =>
  a.key === b.key && a.kind === b.kind && a.severity === b.severity && a.message === b.message && a.action?.label === b.action?.label && a.action?.path === b.action?.path;

/** True when nothing the banner shows has changed (a poll that found the same problems). */
export function sameAlerts(a: readonly AlertView[], b: readonly AlertView[]): boolean {
  return a.length === b.length && a.every((x, i) => sameAlert(x, b[i]!));
}

/**
 * The list to render after a poll: the current one (same object, so React renders nothing and
 * nothing moves) unless what is shown changed.
 */
export function nextAlerts<T extends readonly AlertView[]>(current: T, incoming: T): T {
  return sameAlerts(current, incoming) ? current : incoming;
}

/** Dismissals as sessionStorage keeps them; anything unreadable counts as none. */
export function parseDismissed(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const value = JSON.parse(raw) as unknown;
    return new Set(Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Keeps only dismissals of notices still up, so the stored list cannot grow without end. */
export function serializeDismissed(dismissed: ReadonlySet<string>, alerts: readonly AlertView[]): string {
  const live = new Set(alerts.filter(canDismiss).map(dismissalId));
  return JSON.stringify([...dismissed].filter((id) => live.has(id)));
}

/** An in-app path for navigate(): same-origin relative paths only, never a URL to elsewhere. */
export function inAppPath(path: string): string | null {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null;
}
