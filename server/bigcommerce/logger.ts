// The slice of pino the transport uses, so callers can pass a pino logger (or a child of one)
// and tests can pass a recorder. The transport only ever logs store hash, method, path (no query),
// status and timings, never headers or URLs.

export type LogFn = (obj: Record<string, unknown>, msg?: string) => void;

export interface BigCommerceLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const noop: LogFn = () => {};

export const silentLogger: BigCommerceLogger = { debug: noop, info: noop, warn: noop, error: noop };
