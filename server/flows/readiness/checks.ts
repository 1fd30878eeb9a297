// The readiness scan's four checks as the merchant sees them: titles, the pending views a new scan
// starts with, findings kept to 100 per check (with the full count), and the closing summary.
import type { ReadinessCheckId, ReadinessCheck, ReadinessFinding } from '../../domain/readiness.js';

/** Findings kept per check; findingsTotal counts them all. */
export const MAX_FINDINGS = 100;

export const CHECK_TITLES: Record<ReadinessCheckId, string> = {
  shipping_methods: 'Shipping methods of recent orders',
  skus_missing: 'Products and variants without a SKU',
  skus_unknown: 'SKUs your warehouse does not know',
  inventory_untracked: 'Products whose stock is not tracked',
};

export const CHECK_ORDER: readonly ReadinessCheckId[] = ['shipping_methods', 'skus_missing', 'skus_unknown', 'inventory_untracked'];

export function pendingChecks(): ReadinessCheck[] {
  return CHECK_ORDER.map((check) => ({ check, title: CHECK_TITLES[check], state: 'pending', summary: 'Not checked yet.', findings: [], findingsTotal: 0 }));
}

/** "1 order", "2 orders": English plurals of the nouns used here. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** Adds findings to a check, keeping at most MAX_FINDINGS of them (blockers first). */
export function addFindings(view: ReadinessCheck, findings: readonly ReadinessFinding[]): ReadinessCheck {
  if (findings.length === 0) return view;
  const all = [...view.findings, ...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocker' ? -1 : 1));
  return { ...view, findings: all.slice(0, MAX_FINDINGS), findingsTotal: view.findingsTotal + findings.length };
}

export const replaceCheck = (checks: readonly ReadinessCheck[], next: ReadinessCheck): ReadinessCheck[] => checks.map((c) => (c.check === next.check ? next : c));

export const checkOf = (checks: readonly ReadinessCheck[], id: ReadinessCheckId): ReadinessCheck =>
  checks.find((c) => c.check === id) ?? pendingChecks().find((c) => c.check === id)!;

/** Whether a check has come to a conclusion of its own (skipped or failed) before the scan ended. */
export const isSettled = (c: ReadinessCheck) => c.state === 'skipped' || c.state === 'failed' || c.state === 'ok' || c.state === 'problems';
