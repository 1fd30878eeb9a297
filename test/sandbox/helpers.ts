// Shared fixtures for the sandbox tests: a fake app that records the callbacks it receives, a
// controllable clock, and a helper that performs the OAuth token exchange like the app would.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';

export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'test-client-secret';

export interface FakeApp {
  url: string;
  calls: Array<{ path: string; query: Record<string, string>; accept: string | undefined }>;
  /** Status the fake app answers callbacks with. */
  status: number;
  close(): Promise<void>;
}

export async function startFakeApp(): Promise<FakeApp> {
  const app = express();
  const fake = { calls: [], status: 200 } as unknown as FakeApp;
  app.get(['/auth', '/load', '/uninstall', '/remove_user'], (req, res) => {
    fake.calls.push({ path: req.path, query: req.query as Record<string, string>, accept: req.get('accept') });
    res.status(fake.status).json({ ok: true });
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export interface Env {
  app: FakeApp;
  sandbox: Sandbox;
  close(): Promise<void>;
}

export async function startEnv(opts: Partial<SandboxOptions> = {}): Promise<Env> {
  const app = await startFakeApp();
  const sandbox = await startSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: app.url, ...opts });
  return { app, sandbox, close: async () => void (await Promise.all([sandbox.close(), app.close()])) };
}

/** The body the app posts to /oauth2/token for an auth callback URL (as node-bigcommerce builds it). */
export function tokenRequestFor(env: Env, authUrl: string): Record<string, string> {
  const q = new URL(authUrl).searchParams;
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    code: q.get('code') ?? '',
    scope: q.get('scope') ?? '',
    context: q.get('context') ?? '',
    grant_type: 'authorization_code',
    redirect_uri: `${env.app.url}/auth`,
  };
}

export async function postToken(env: Env, body: Record<string, string>): Promise<{ status: number; json: any; contentType: string | null }> {
  const res = await fetch(`${env.sandbox.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), contentType: res.headers.get('content-type') };
}

/** Installs the app on a store (owner by default) and returns the access token. */
export async function install(env: Env, storeHash = 'sbx1234', userId?: number): Promise<string> {
  const opts = userId === undefined ? {} : { userId };
  const { authUrl } = env.sandbox.control.beginInstall(storeHash, opts);
  const { status, json } = await postToken(env, tokenRequestFor(env, authUrl));
  if (status !== 200) throw new Error(`token exchange failed: ${status} ${JSON.stringify(json)}`);
  return json.access_token as string;
}

export function api(env: Env, path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (token !== undefined) headers.set('X-Auth-Token', token);
  return fetch(`${env.sandbox.url}${path}`, { ...init, headers });
}
