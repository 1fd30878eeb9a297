// Dates and times for the UI: instants are shown in the user's own locale and time zone, and the
// date-range filters (calendar days in that time zone) become ISO instants for the API.
// Pure (no DOM, no React) so it can be unit-tested in node; the time zone is the process's own.
import { isCalendarDate } from './listQuery.js';

export interface FormatOptions {
  /** Append the time zone abbreviation ("EST", "GMT+2"). */
  zone?: boolean;
}

/**
 * Formats an ISO-8601 instant as date and time in the given locale and time zone; by default the
 * user's own (the browser's). Returns null when the value is not a valid date.
 */
export function formatDateTime(iso: string, locale?: string, timeZone?: string, options: FormatOptions = {}): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  if (!options.zone) return text;
  const zone = timeZoneAbbreviation(date, locale, timeZone);
  return zone ? `${text} ${zone}` : text;
}

/** The short name of the time zone at that instant ("EST" in winter, "EDT" in summer). */
export function timeZoneAbbreviation(date: Date, locale?: string, timeZone?: string): string | null {
  const parts = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
}

/** A precise, unambiguous version for tooltips: seconds and the full UTC instant. */
export function formatExact(iso: string, locale?: string, timeZone?: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const local = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'long',
    timeZone,
  }).format(date);
  return `${local} (${date.toISOString()})`;
}

function parts(day: string): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number);
  return [year ?? 0, (month ?? 1) - 1, date ?? 1];
}

/** Local midnight at the start of a calendar day "YYYY-MM-DD", as an ISO instant. */
export function startOfLocalDayIso(day: string): string | null {
  if (!isCalendarDate(day)) return null;
  const [year, month, date] = parts(day);
  return new Date(year, month, date, 0, 0, 0, 0).toISOString();
}

/**
 * The last millisecond of a local calendar day, as an ISO instant (so the day is included
 * whether the server compares with <= or <). DST-safe: it is the next local midnight minus 1 ms.
 */
export function endOfLocalDayIso(day: string): string | null {
  if (!isCalendarDate(day)) return null;
  const [year, month, date] = parts(day);
  return new Date(new Date(year, month, date + 1, 0, 0, 0, 0).getTime() - 1).toISOString();
}

/** The local calendar day "YYYY-MM-DD" of an instant ('' when invalid or empty). */
export function localDayOf(iso: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface DateRange {
  /** "YYYY-MM-DD" or '' */
  from: string;
  to: string;
}

/**
 * Turns a range of local calendar days into the API's from/to instants: `from` is the start of
 * the first day, `to` the end of the last day. A reversed range is swapped; invalid days are dropped.
 */
export function dateRangeToIso(range: DateRange): { from?: string; to?: string } {
  let { from, to } = range;
  if (isCalendarDate(from) && isCalendarDate(to) && from > to) [from, to] = [to, from];
  const result: { from?: string; to?: string } = {};
  const fromIso = startOfLocalDayIso(from);
  const toIso = endOfLocalDayIso(to);
  if (fromIso) result.from = fromIso;
  if (toIso) result.to = toIso;
  return result;
}
