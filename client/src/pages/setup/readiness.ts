// What the readiness scan's answer looks like on screen: progress, check badges, counts and fixes.
// Pure (no DOM, no React) so it can be unit-tested in node.
import type { ReadinessCheckView, ReadinessFinding, ReadinessFix, ReadinessScanView } from '../../../../server/api/contract.js';
import type { BadgeDescriptor } from '../../lib/badges.js';
import { sanitizeAppPath } from '../../session/boot.js';

/** Queued or running: the panel polls and "Scan again" waits. */
export function scanIsActive(view: ReadinessScanView | null): boolean {
  return view?.state === 'queued' || view?.state === 'running';
}

const count = (n: number) => n.toLocaleString('en-US');

export const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** "Reading products: 250 of 1,200" · "Reading orders: 40 so far" · "Waiting to start…". */
export function progressLabel(view: ReadinessScanView): string {
  if (view.state === 'queued') return 'Waiting to start…';
  const { step, done, total } = view.progress;
  const name = step.trim() || 'Checking your store';
  if (total === null) return done > 0 ? `${name}: ${count(done)} so far` : `${name}…`;
  return `${name}: ${count(Math.min(done, total))} of ${count(total)}`;
}

/** 0–100, or undefined while the total is unknown (an indeterminate bar). */
export function progressPercent(view: ReadinessScanView): number | undefined {
  const { done, total } = view.progress;
  if (view.state === 'queued') return 0;
  if (total === null || total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

export function checkBadge(check: ReadinessCheckView): BadgeDescriptor {
  switch (check.state) {
    case 'pending':
      return { label: 'Waiting', variant: 'secondary' };
    case 'running':
      return { label: 'Checking', variant: 'primary' };
    case 'ok':
      return { label: 'All good', variant: 'success' };
    case 'problems':
      return blockersIn(check) > 0
        ? { label: plural(check.findingsTotal, 'problem', 'problems'), variant: 'danger' }
        : { label: plural(check.findingsTotal, 'warning', 'warnings'), variant: 'warning' };
    case 'skipped':
      return { label: 'Not checked', variant: 'secondary' };
    case 'failed':
      return { label: 'Could not check', variant: 'danger' };
    default:
      return { label: 'Unknown', variant: 'secondary' };
  }
}

function blockersIn(check: ReadinessCheckView): number {
  return check.findings.filter((f) => f.severity === 'blocker').length;
}

export interface ScanTotals {
  blockers: number;
  warnings: number;
  failedChecks: number;
}

/** Over the shown findings: the checks cap them at 100, and a capped list is all blockers or all warnings in practice. */
export function scanTotals(view: ReadinessScanView | null): ScanTotals {
  const totals: ScanTotals = { blockers: 0, warnings: 0, failedChecks: 0 };
  for (const check of view?.checks ?? []) {
    if (check.state === 'failed') totals.failedChecks++;
    if (check.state !== 'problems') continue;
    const shownBlockers = blockersIn(check);
    // Findings past the first 100 are counted with the severity of the ones shown.
    const hidden = Math.max(0, check.findingsTotal - check.findings.length);
    const blockers = shownBlockers + (shownBlockers === check.findings.length ? hidden : 0);
    totals.blockers += blockers;
    totals.warnings += check.findingsTotal - blockers;
  }
  return totals;
}

/** The sentence above the checks once the scan has finished. */
export function scanSummary(view: ReadinessScanView): { text: string; tone: 'success' | 'warning' | 'error' } {
  if (view.state === 'failed') return { text: `The scan stopped: ${view.error ?? 'an unexpected problem'}. Run it again.`, tone: 'error' };
  const t = scanTotals(view);
  if (t.blockers > 0) {
    return {
      text: `${plural(t.blockers, 'problem would hold orders', 'problems would hold orders')}. Fix ${t.blockers === 1 ? 'it' : 'them'} below, then scan again.`,
      tone: 'error',
    };
  }
  if (t.failedChecks > 0) return { text: `${plural(t.failedChecks, 'check', 'checks')} could not run. Scan again in a moment.`, tone: 'warning' };
  if (t.warnings > 0) return { text: `Nothing holds your orders. ${plural(t.warnings, 'thing is', 'things are')} worth a look below.`, tone: 'warning' };
  return { text: 'Your store is ready: nothing would hold an order.', tone: 'success' };
}

/** "Showing 100 of 250" when the server capped the list. */
export function shownOfTotal(check: ReadinessCheckView): string | null {
  return check.findingsTotal > check.findings.length ? `Showing ${count(check.findings.length)} of ${count(check.findingsTotal)}.` : null;
}

export const severityBadge = (f: ReadinessFinding): BadgeDescriptor =>
  f.severity === 'blocker' ? { label: 'Holds orders', variant: 'danger' } : { label: 'Worth fixing', variant: 'warning' };

export type SafeFix = { kind: 'link'; label: string; path: string } | { kind: 'action'; label: string; productId: number } | { kind: 'external'; label: string; url: string };

/** The fix as it may be shown: in-app paths stay in the app, external links are http(s) only, unknown kinds are dropped. */
export function safeFix(fix: ReadinessFix | null): SafeFix | null {
  if (!fix) return null;
  if (fix.kind === 'link') {
    const path = sanitizeAppPath(fix.path);
    return path === fix.path ? { kind: 'link', label: fix.label, path } : null;
  }
  if (fix.kind === 'action') {
    return fix.action === 'track_inventory' && Number.isInteger(fix.productId) && fix.productId > 0 ? { kind: 'action', label: fix.label, productId: fix.productId } : null;
  }
  if (fix.kind === 'external') {
    try {
      const u = new URL(fix.url);
      return u.protocol === 'https:' || u.protocol === 'http:' ? { kind: 'external', label: fix.label, url: u.href } : null;
    } catch {
      return null;
    }
  }
  return null;
}
