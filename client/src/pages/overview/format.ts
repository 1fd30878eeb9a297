// Display helpers for the Overview page. Pure (no DOM, no React) so they can be unit-tested.
import type { ChecklistItem } from '../../../../server/api/contract.js';

export { formatDateTime } from '../../lib/dates.js';

/** Returns the URL only when it is an absolute http(s) URL, so it is safe to use as a link href. */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function memberCountLabel(count: number): string {
  if (count <= 0) return 'No team members have opened the app yet';
  if (count === 1) return '1 team member has access';
  return `${count.toLocaleString()} team members have access`;
}

export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number; label: string } {
  const done = items.filter((item) => item.done).length;
  const total = items.length;
  const label = total === 0 ? 'Nothing to set up yet' : done === total ? 'All steps done' : `${done} of ${total} steps done`;
  return { done, total, label };
}
