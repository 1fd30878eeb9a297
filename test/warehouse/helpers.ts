// Fixtures for the sandbox-warehouse suites: raw /v1 and /sandbox callers, and a tiny fake app
// that receives events on an ephemeral port and keeps their raw bytes for signature checks.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { DEMO_ACCOUNT } from '../fulfillment/fixtures.js';

export interface V1Options {
  apiKey?: string | null;
  accountId?: string | null;
  idempotencyKey?: string;
  body?: unknown;
  /** Sent as is (overrides body). */
  raw?: string;
  contentType?: string;
}

export async function v1(wh: SandboxWarehouse, method: string, path: string, opts: V1Options = {}): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const apiKey = opts.apiKey === undefined ? DEMO_ACCOUNT.apiKey : opts.apiKey;
  if (apiKey !== null) headers.Authorization = `Bearer ${apiKey}`;
  if (opts.accountId) headers['Fulfillment-Account'] = opts.accountId;
  if (opts.idempotencyKey !== undefined) headers['Idempotency-Key'] = opts.idempotencyKey;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
  const res = await fetch(`${wh.url}/v1${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

export async function sandbox(wh: SandboxWarehouse, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: any }> {
  const res = await fetch(`${wh.url}/sandbox${path}`, {
    method,
    headers: { 'Content-Type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

export interface ReceivedEvent {
  rawBody: Buffer;
  signature: string | undefined;
  account: string | undefined;
  contentType: string | undefined;
}

export interface Receiver {
  /** The webhook URL to give the warehouse. */
  url: string;
  events: ReceivedEvent[];
  /** Status the fake app answers with. */
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const app = express();
  const receiver = { events: [], status: 200 } as unknown as Receiver;
  // Raw bytes, as the real route must keep them: the signature covers the exact body.
  app.post('/webhooks/fulfillment', express.raw({ type: '*/*' }), (req, res) => {
    receiver.events.push({
      rawBody: req.body as Buffer,
      signature: req.get('fulfillment-signature'),
      account: req.get('fulfillment-account'),
      contentType: req.get('content-type'),
    });
    res.status(receiver.status).json({ ok: receiver.status < 300 });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/fulfillment`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** A port that was free a moment ago: nothing listens there. */
export async function deadUrl(): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = express().listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/webhooks/fulfillment`;
}
