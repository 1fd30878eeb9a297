// Times inside server-written sentences (alerts, flow reasons, e-mails). The server does not know
// the viewer's time zone, so these use the server's; the API also gives every instant as ISO-8601
// for the UI to show in the viewer's own zone.

const pad = (n: number) => String(n).padStart(2, '0');

/** "10:40" today, "Mar 3, 10:40" on another day (server time). */
export function clockTime(ms: number, now: number): string {
  const at = new Date(ms);
  const today = new Date(now);
  const hhmm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate()) return hhmm;
  const day = at.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  return `${day}, ${hhmm}`;
}

/** "1 order", "12 orders". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Local midnight of the server's day containing `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export const iso = (ms: number | null | undefined): string | null => (ms == null ? null : new Date(ms).toISOString());
