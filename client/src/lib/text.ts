// Small text helpers for table cells and messages. Pure.

/** Cuts text to `max` characters with an ellipsis at the end (whitespace collapsed). */
export function truncateEnd(value: string, max: number): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Keeps the start and the end ("a1b2c3…e8f9"): for hashes and ids, whose ends tell them apart. */
export function truncateMiddle(value: string, max: number): string {
  if (value.length <= max) return value;
  const keep = Math.max(2, max - 1);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${value.slice(0, head)}…${tail > 0 ? value.slice(-tail) : ''}`;
}

/** "1 order", "3 orders", "1,200 orders"; `many` defaults to `one` + "s" ("1 entry" needs it). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Pretty JSON for display; strings holding JSON are parsed first. Null when there is nothing. */
export function prettyJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  try {
    return JSON.stringify(value, null, 2) ?? null;
  } catch {
    // Circular, or holding a BigInt: a bigint alone prints as its digits, anything else only by its kind.
    return typeof value === 'bigint' ? value.toString() : Object.prototype.toString.call(value);
  }
}

/** Accepts a bare array or a `{ items | <key>: [...] }` wrapper, so a list endpoint's shape can't break the page. */
export function listFrom<T>(data: unknown, key?: string): T[] {
  if (Array.isArray(data)) return data as T[];
  if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    const candidate = key !== undefined && Array.isArray(record[key]) ? record[key] : record.items;
    if (Array.isArray(candidate)) return candidate as T[];
  }
  return [];
}
