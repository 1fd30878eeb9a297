// Words and numbers of the backfill ("Import waiting orders") and the API quota share. Pure (no
// DOM, no React) so they are unit-tested in node.
import type { BackfillCounts, BackfillView, StartBackfillInput } from '../../../../server/api/contract.js';
import { endOfLocalDayIso, localDayOf, startOfLocalDayIso } from '../../lib/dates.js';

const number = (n: number) => n.toLocaleString('en-US');

/** "1 order", "1,240 orders" */
export function orders(n: number): string {
  return `${number(n)} ${n === 1 ? 'order' : 'orders'}`;
}

/** "less than a minute", "about 1 minute", "about 21 minutes", "about 1 hour 5 minutes", "about 3 hours" */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  if (minutes >= 180) return `about ${Math.round(minutes / 60)} hours`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? `about ${h}` : `about ${h} ${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
}

/** 0–100, whole: done of the total (0 while the total is unknown; 100 once finished). */
export function progressPercent(view: Pick<BackfillView, 'state' | 'counts'>): number {
  const { done, total } = view.counts;
  if (view.state === 'done') return 100;
  if (total === null || total === 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/**
 * The line under the progress bar:
 * "1,240 of 5,000 orders · about 21 minutes left at 60% of your API quota".
 */
export function progressLine(view: Pick<BackfillView, 'state' | 'counts' | 'eta'>): string {
  const { done, total } = view.counts;
  const share = `${view.eta.quotaShare}% of your API quota`;
  const count = total === null ? `${orders(done)} so far` : `${number(done)} of ${orders(total)}`;
  switch (view.state) {
    case 'running':
      if (total === null) return `${count} · counting the waiting orders…`;
      return view.eta.remainingMs === null ? `${count} · estimating the time left at ${share}` : `${count} · ${durationWords(view.eta.remainingMs)} left at ${share}`;
    case 'paused':
      return `${count} · paused`;
    case 'done':
      return `Finished: ${orders(total ?? done)}`;
    case 'cancelled':
      return `Cancelled after ${count}`;
    case 'failed':
      return `Stopped after ${count}`;
  }
}

/** "4,990 sent · 3 need attention · 2 no longer waiting · 5 already at the warehouse · 250 on their way" (zeros left out). */
export function countsLine(c: BackfillCounts): string {
  const parts: string[] = [`${number(c.sent)} sent`];
  if (c.held > 0) parts.push(`${number(c.held)} ${c.held === 1 ? 'needs' : 'need'} attention`);
  if (c.skipped > 0) parts.push(`${number(c.skipped)} no longer waiting`);
  if (c.alreadySent > 0) parts.push(`${number(c.alreadySent)} already at the warehouse`);
  if (c.pending > 0) parts.push(`${number(c.pending)} on ${c.pending === 1 ? 'its' : 'their'} way`);
  return parts.join(' · ');
}

export function stateHeader(state: BackfillView['state']): string {
  return {
    running: 'Importing waiting orders',
    paused: 'Import of waiting orders paused',
    done: 'Waiting orders imported',
    cancelled: 'Import of waiting orders cancelled',
    failed: 'Import of waiting orders stopped',
  }[state];
}

/** The local calendar day of an instant, as the merchant reads it ("Mar 1, 2026"). */
function day(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "Orders created Mar 1, 2026 – Mar 31, 2026", or "All orders waiting in the import status". */
export function rangeText(view: Pick<BackfillView, 'from' | 'to'>, locale?: string, timeZone?: string): string {
  if (view.from === null && view.to === null) return 'All orders waiting in the import status';
  if (view.from !== null && view.to !== null) return `Orders created ${day(view.from, locale, timeZone)} – ${day(view.to, locale, timeZone)}`;
  return view.from !== null ? `Orders created since ${day(view.from, locale, timeZone)}` : `Orders created until ${day(view.to!, locale, timeZone)}`;
}

export const MAX_RANGE_DAYS = 366;

/** Client-side check of the start dialog (the server checks the same): field → message. */
export function validateRange(from: string, to: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!from) errors.from = 'Choose the first day';
  if (!to) errors.to = 'Choose the last day';
  if (from && to) {
    if (from > to) errors.to = 'The last day must not be before the first day';
    else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_RANGE_DAYS) errors.to = `Choose at most ${MAX_RANGE_DAYS} days (one year) at a time`;
  }
  return errors;
}

const DAY_MS = 86_400_000;

/** The range the start dialog opens with: the last 30 days. */
export function defaultRange(now = Date.now()): { from: string; to: string } {
  return { from: localDayOf(new Date(now - 29 * DAY_MS).toISOString()), to: localDayOf(new Date(now).toISOString()) };
}

/** Local calendar days → the instants the server takes (the whole of both days, in the merchant's time zone). */
export function rangeInput(from: string, to: string): StartBackfillInput {
  return { from: startOfLocalDayIso(from) ?? from, to: endOfLocalDayIso(to) ?? to };
}

/** Standard plan: 150 requests per 30 s. */
const STANDARD_PER_MINUTE = 300;

/** What a share means in time: "At 60%, 1,000 waiting orders import in about 6 minutes (Standard plan)." */
export function shareExample(percent: number, count = 1_000): string {
  const perMinute = (STANDARD_PER_MINUTE * percent) / 100;
  return `At ${percent}%, ${orders(count)} waiting in your store import in ${durationWords((count / perMinute) * 60_000)} on BigCommerce's Standard plan (150 requests every 30 seconds).`;
}

/** The share form's check: a whole percentage from 10 to 100. */
export function validateShare(value: string): Record<string, string> {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) return { percent: 'Enter a percentage' };
  if (!Number.isInteger(n)) return { percent: 'Enter a whole percentage' };
  if (n < 10) return { percent: 'At least 10%: with less the app cannot keep up with new orders' };
  if (n > 100) return { percent: 'At most 100%' };
  return {};
}
