// The activity log (sync_log): what the flows did, per store and per order.

export type LogLevel = 'info' | 'warn' | 'error';

export interface ActivityEntry {
  id: number;
  /** ISO-8601 */
  at: string;
  level: LogLevel;
  flow: string;
  orderId: number | null;
  message: string;
  detail: string | null;
}

/** An order's activity with consecutive identical entries folded into one. */
export interface TimelineEntry {
  id: number;
  at: string;
  level: LogLevel;
  message: string;
  detail: string | null;
  /** Consecutive identical entries folded into this one (1: not folded); `at` is the first, `lastAt` the last. */
  count: number;
  lastAt: string;
}
