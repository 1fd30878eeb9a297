// Short times for sentences about orders ("next attempt at 10:52", "seen Mar 4, 16:05"). Pure; the
// locale and time zone are the user's own unless a test passes them.

export interface ClockOptions {
  locale?: string;
  timeZone?: string;
}

function dayKey(date: Date, { locale, timeZone }: ClockOptions): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/**
 * "10:52" when the instant is on the same local day as `now`, else "Mar 4, 10:52" (and the year
 * when it differs). Null when the value is not a date.
 */
export function formatClock(iso: string | null | undefined, now: Date, options: ClockOptions = {}): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const { locale, timeZone } = options;
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(date);
  if (dayKey(date, options) === dayKey(now, options)) return time;
  const sameYear = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(date) === new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(now);
  const day = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
  return `${day}, ${time}`;
}
