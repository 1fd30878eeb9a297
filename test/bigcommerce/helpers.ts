// Test doubles for the BigCommerce transport: a scripted node:http stub on an ephemeral port,
// a fake clock whose sleep records durations and advances time instantly, and a recording logger.

import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BigCommerceLogger } from '../../server/bigcommerce/index.js';

export interface RecordedRequest {
  method: string;
  /** Raw request target, exactly as sent (path + query). */
  rawUrl: string;
  pathname: string;
  searchParams: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type StubReply = { status?: number; headers?: Record<string, string>; json?: unknown; raw?: string } | 'hang';

export type StubHandler = (req: RecordedRequest, index: number) => StubReply | Promise<StubReply>;

export interface Stub {
  url: string;
  requests: RecordedRequest[];
  /** Requests received but not yet answered. */
  active: () => number;
  maxActive: () => number;
  close: () => Promise<void>;
}

export async function startStub(handler: StubHandler): Promise<Stub> {
  const requests: RecordedRequest[] = [];
  let active = 0;
  let maxActive = 0;
  const server: Server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://stub');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        pathname: parsed.pathname,
        searchParams: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      active += 1;
      maxActive = Math.max(maxActive, active);
      void Promise.resolve(handler(recorded, requests.length - 1)).then((reply) => {
        if (reply === 'hang') return;
        const headers = { ...reply.headers };
        let payload = reply.raw ?? '';
        if (reply.json !== undefined) {
          payload = JSON.stringify(reply.json);
          headers['content-type'] ??= 'application/json';
        }
        active -= 1;
        res.writeHead(reply.status ?? 200, headers).end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    active: () => active,
    maxActive: () => maxActive,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  /** Runs inside each sleep, before time advances (e.g. to snapshot the stub's request count). */
  onSleep?: (ms: number) => void;
}

export function fakeClock(start = 1_000_000): FakeClock {
  let time = start;
  const clock: FakeClock = {
    now: () => time,
    sleeps: [],
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.onSleep?.(ms);
      time += ms;
    },
  };
  return clock;
}

export interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg: string | undefined;
}

export function recordingLogger(): BigCommerceLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Polls a condition driven by real I/O (the stub), failing the test if it never holds. */
export async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Rate-limit headers as BigCommerce sends them (mixed case on purpose). */
export function limitHeaders(h: { quota?: number; left?: number; resetMs?: number; windowMs?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (h.quota !== undefined) out['X-Rate-Limit-Requests-Quota'] = String(h.quota);
  if (h.left !== undefined) out['X-Rate-Limit-Requests-Left'] = String(h.left);
  if (h.resetMs !== undefined) out['X-Rate-Limit-Time-Reset-Ms'] = String(h.resetMs);
  if (h.windowMs !== undefined) out['x-rate-limit-time-window-ms'] = String(h.windowMs);
  return out;
}
