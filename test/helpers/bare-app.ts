import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { createApp } from '../../server/app.js';
import { createBigCommerceClientFactory, RateLimiterRegistry } from '../../server/bigcommerce/index.js';
import type { Clock } from '../../server/clock.js';
import type { OAuthExchanger } from '../../server/callbacks/oauth-exchange.js';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';
import type { AppDeps } from '../../server/services.js';
import { testConfig } from './config.js';
import { LogCapture } from './log-capture.js';
import { bootDataOf } from './harness.js';

export const STORE = 'abc123';
export const OWNER = { id: 11, email: 'owner@example.com' };

/** The app alone (no sandbox): for callback and session tests that forge their own inputs. */
export async function bareApp(opts: { clock?: Clock; oauth?: OAuthExchanger; deps?: Partial<AppDeps> } = {}) {
  const config = testConfig();
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const logs = new LogCapture();
  const clock = opts.clock ?? { now: () => Date.now() };
  const app = createApp({
    config,
    db,
    logger: logs.logger,
    clock,
    clientDir: '/nonexistent',
    oauth: opts.oauth,
    // No BigCommerce here: calls fail fast (connection refused, no retries) and the app must cope.
    bigcommerceFactory: createBigCommerceClientFactory({ apiUrl: config.bcApiUrl, limiters: new RateLimiterRegistry(), retry: { maxServerRetries: 0 } }),
    ...opts.deps,
  });
  const claims = (over: Record<string, unknown> = {}) => {
    const iat = Math.floor(clock.now() / 1000);
    return {
      aud: config.clientId,
      iss: 'bc',
      iat,
      nbf: iat - 5,
      exp: iat + 86400,
      jti: randomUUID(),
      sub: `stores/${STORE}`,
      user: { id: OWNER.id, email: OWNER.email, locale: 'en-US' },
      owner: OWNER,
      url: '/',
      channel_id: null,
      ...over,
    };
  };
  const sign = (over: Record<string, unknown> = {}, secret = config.clientSecret, options: jwt.SignOptions = { algorithm: 'HS256' }) => jwt.sign(claims(over), secret, options);
  const install = (user = OWNER, token = 'tok-' + randomUUID()) =>
    app.services.lifecycle.install({ access_token: token, scope: 'store_v2_orders', context: `stores/${STORE}`, account_uuid: 'acc', user, owner: OWNER }, clock.now());
  return { app, db, config, logs, clock, http: supertest(app), claims, sign, install, close: () => db.destroy() };
}

export type BareApp = Awaited<ReturnType<typeof bareApp>>;
export type ApiMethod = 'get' | 'put' | 'post' | 'delete';

/** bareApp with the owner installed and signed in: `api()` sends with the session token. */
export async function signedInBareApp(opts: Parameters<typeof bareApp>[0] = {}) {
  const t = await bareApp(opts);
  await t.install();
  const page = await t.http.get('/load').query({ signed_payload_jwt: t.sign() });
  const token = String((await t.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token);
  const api = (method: ApiMethod, path: string, body?: object) => {
    const r = t.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
  return Object.assign(t, { token, api });
}
export type SignedInApp = Awaited<ReturnType<typeof signedInBareApp>>;
