// A tiny JSON client for the sandbox's store API, used by the shipment and inventory tests: one
// call per request with the token and JSON headers filled in, answering {status, body}.
import { api, fakeClock, install, postToken, startEnv, tokenRequestFor, type Env } from './helpers.js';

export interface Answer {
  status: number;
  body: any;
}

export interface StoreClient {
  get(path: string): Promise<Answer>;
  post(path: string, body: unknown): Promise<Answer>;
  put(path: string, body: unknown): Promise<Answer>;
  del(path: string): Promise<Answer>;
}

export function storeClient(env: Env, token: string, storeHash = 'sbx1234'): StoreClient {
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await api(env, `/stores/${storeHash}${path}`, token, init);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
  };
}

/** Installs with an explicit scope string and returns the token (to test scope enforcement). */
export async function installWithScope(env: Env, scope: string, storeHash = 'sbx1234'): Promise<string> {
  const { authUrl } = env.sandbox.control.beginInstall(storeHash, { scope });
  const { status, json } = await postToken(env, tokenRequestFor(env, authUrl));
  if (status !== 200) throw new Error(`token exchange failed: ${status}`);
  return json.access_token as string;
}

/** A sandbox with the app installed in sbx1234 and its order #100, on a fake clock, and a client for it. */
export async function startStoreWithOrder(): Promise<{ env: Env; bc: StoreClient }> {
  const clock = fakeClock(Date.UTC(2024, 2, 1, 9, 30, 0));
  const env = await startEnv({ now: () => clock.now() });
  const bc = storeClient(env, await install(env));
  env.sandbox.control.createOrder('sbx1234');
  return { env, bc };
}
