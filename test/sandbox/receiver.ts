// A tiny webhook receiver for the sandbox's delivery tests: records every callback with its raw body
// and headers, answers with a status the test chooses, and can hold answers to simulate a slow app.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface Received {
  path: string;
  headers: Record<string, string>;
  raw: string;
  json: any;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status for the next callbacks, consumed in order; `status` once this is empty. */
  statuses: number[];
  status: number;
  /** When set, answers wait until release() is called. */
  hold: boolean;
  release(): void;
  /** Resolves once at least n callbacks have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const app = express();
  let waiting: Array<() => void> = [];
  const r = { received: [] as Received[], statuses: [] as number[], status: 200, hold: false } as Receiver;
  r.release = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  app.post('/{*path}', express.text({ type: '*/*' }), async (req, res) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      json = null;
    }
    r.received.push({ path: req.path, headers, raw, json });
    if (r.hold) await new Promise<void>((resolve) => waiting.push(resolve));
    res.status(r.statuses.shift() ?? r.status).end();
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.waitFor = async (n, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs;
    while (r.received.length < n) {
      if (Date.now() > until) throw new Error(`expected ${n} callbacks, got ${r.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return r.received;
  };
  r.close = () =>
    new Promise<void>((resolve) => {
      r.release();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return r;
}

/**
 * Standard Webhooks verification written from the spec, independent of the sandbox's code: the
 * library is given base64(client secret) and base64-decodes it, so the HMAC key is the secret's bytes.
 */
export function verifyStandardWebhook(clientSecret: string, headers: Record<string, string>, raw: string): boolean {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const sigs = headers['webhook-signature'];
  if (!id || !ts || !sigs || !/^\d+$/.test(ts)) return false;
  const key = Buffer.from(Buffer.from(clientSecret).toString('base64'), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64'));
  return sigs.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    const got = Buffer.from(sig ?? '');
    return version === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
  });
}
