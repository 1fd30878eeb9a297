import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Config } from '../../server/config/env.js';
import type { FulfillmentClient } from '../../server/fulfillment/index.js';
import { reconcileWebhooks } from '../../server/flows/webhooks-reconcile.js';
import type { JobRecord } from '../../server/jobs/types.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { BACKEND_KEY_UNREADABLE_MESSAGE, TOKEN_UNREADABLE_MESSAGE, TOKEN_UNREADABLE_REASON, WEBHOOK_SECRET_REPLACED_MESSAGE } from '../../server/storage/secret-health.js';
import { keyId } from '../../server/storage/token-cipher.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { testConfig } from '../helpers/config.js';
import { bootDataOf } from '../helpers/harness.js';
import { LogCapture } from '../helpers/log-capture.js';

/**
 * One database, one BigCommerce sandbox, and the app restarted with another ENCRYPTION_KEY: what an
 * operator does when they rotate the key (with or without ENCRYPTION_KEY_PREVIOUS).
 */
const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);

let server: http.Server;
let sandbox: Sandbox;
let db: Db;
let base: Config;
let handler: http.RequestListener = (_req, res) => res.end();
const logs = new LogCapture();

// The warehouse accepts any key for account "acct-1" (the real client is tested elsewhere).
const fulfillmentFactory = ((c: { accountId: string }) =>
  ({ accountId: c.accountId, getAccount: async () => ({ id: c.accountId, name: 'Acme Warehouse' }) }) as unknown as FulfillmentClient) as never;

/** The app as it runs after a restart with these keys; later requests (and sandbox callbacks) reach it. */
function boot(encryptionKey: Buffer, previousEncryptionKeys: Buffer[] = []) {
  const app = createApp({
    config: { ...base, encryptionKey, previousEncryptionKeys },
    db,
    logger: logs.logger,
    clock: { now: () => Date.now() },
    clientDir: '/nonexistent',
    fulfillmentFactory,
    hooks: {},
  });
  handler = app;
  return { app, http: supertest(app) };
}
type App = ReturnType<typeof boot>;

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = testConfig({ APP_URL: appUrl });
  sandbox = await startSandbox({ clientId: config.clientId, clientSecret: config.clientSecret, appUrl });
  base = { ...config, bcLoginUrl: sandbox.url, bcApiUrl: sandbox.url };
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((res) => server.close(() => res()));
  await sandbox?.close();
  await db?.destroy();
});

const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
const reconcile = (a: App, storeHash: string) => reconcileWebhooks(a.app.services, { storeHash } as JobRecord);

async function install(a: App, store: string) {
  if (!sandbox.control.snapshot().stores.some((s) => s.hash === store)) sandbox.control.createStore({ hash: store });
  const res = await a.http.get(pathOf(sandbox.control.beginInstall(store).authUrl));
  expect(res.status).toBe(200);
  return res;
}

async function openSession(a: App, store: string) {
  const page = await a.http.get(pathOf(sandbox.control.loadUrl(store, sandbox.control.getStore(store).ownerId)));
  expect(page.status).toBe(200);
  const session = await a.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode });
  expect(session.status).toBe(200);
  return session.body.token as string;
}

function webhook(a: App, store: string, secret: string) {
  return a.http
    .post('/webhooks/bigcommerce')
    .set('Content-Type', 'application/json')
    .set(SECRET_HEADER, secret)
    .send(JSON.stringify({ scope: 'store/order/created', producer: `stores/${store}`, hash: randomBytes(8).toString('hex'), data: { type: 'order', id: 101 } }));
}

/** Installs with key A, connects the warehouse and creates the hooks. */
async function prepare(store: string) {
  const a = boot(KEY_A);
  await install(a, store);
  const token = await openSession(a, store);
  expect(
    (
      await a.http
        .put('/api/settings/backend')
        .set('Authorization', `Bearer ${token}`)
        .send({ accountId: 'acct-1', apiKey: `key-${store}` })
    ).status,
  ).toBe(200);
  await reconcile(a, store);
  const secret = (await a.app.services.settings.webhookSecret(store))!;
  expect((await webhook(a, store, secret)).status).toBe(200);
  return { secret, accessToken: sandbox.control.tokenFor(store)! };
}

describe('ENCRYPTION_KEY changed without the previous key: nothing answers 500, every store can be repaired', () => {
  const STORE = 'sbx1234';
  let old: { secret: string; accessToken: string };
  let b: App;
  let session = '';
  const auth = () => ({ Authorization: `Bearer ${session}` });

  beforeAll(async () => {
    old = await prepare(STORE);
    b = boot(KEY_B);
  });

  it('a BigCommerce webhook gets a 401, not a 5xx, and the webhook secret is replaced', async () => {
    const res = await webhook(b, STORE, old.secret);
    expect(res.status).toBe(401);
    const secret = await b.app.services.settings.webhookSecret(STORE);
    expect(secret).toBeTruthy();
    expect(secret).not.toBe(old.secret);
  });

  it('/load opens the app', async () => {
    session = await openSession(b, STORE);
  });

  it('the Overview says the store needs re-authorisation and why', async () => {
    const res = await b.http.get('/api/overview').set(auth());
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ hash: STORE, needsReauth: true, detailsError: TOKEN_UNREADABLE_REASON });
  });

  it('Settings say the warehouse must be reconnected and the webhooks are being repaired', async () => {
    const res = await b.http.get('/api/settings').set(auth());
    expect(res.status).toBe(200);
    expect(res.body.backend).toMatchObject({ accountId: 'acct-1', apiKeySet: false, connected: false, lastError: BACKEND_KEY_UNREADABLE_MESSAGE });
    expect(res.body.webhooks).toMatchObject({ healthy: false, lastError: WEBHOOK_SECRET_REPLACED_MESSAGE });
  });

  it('the Activity log records both problems', async () => {
    const rows = await db('sync_log').where({ store_hash: STORE, flow: 'security' });
    expect(rows.map((r) => r.level)).toEqual(['error', 'error']);
    expect(rows.map((r) => String(r.message)).sort()).toEqual([TOKEN_UNREADABLE_MESSAGE, WEBHOOK_SECRET_REPLACED_MESSAGE].sort());
  });

  it('re-entering the API key in Settings reconnects the warehouse', async () => {
    const missing = await b.http.put('/api/settings/backend').set(auth()).send({ accountId: 'acct-1' });
    expect(missing.status).toBe(400);
    const res = await b.http.put('/api/settings/backend').set(auth()).send({ accountId: 'acct-1', apiKey: 'key-again' });
    expect(res.status).toBe(200);
    expect(res.body.backend).toMatchObject({ apiKeySet: true, connected: true, lastError: null });
    expect((await b.app.services.settings.get(STORE, Date.now())).backendApiKey).toBe('key-again');
  });

  it('/auth (reinstall) stores a new token; the hooks get the new secret and webhooks are accepted again', async () => {
    await install(b, STORE);
    const res = await b.http.get('/api/overview').set('Authorization', `Bearer ${await openSession(b, STORE)}`);
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ needsReauth: false, detailsError: null });
    await reconcile(b, STORE);
    const secret = (await b.app.services.settings.webhookSecret(STORE))!;
    for (const hook of sandbox.control.hooks(STORE)) expect(hook.headers?.[SECRET_HEADER]).toBe(secret);
    expect((await webhook(b, STORE, secret)).status).toBe(200);
    expect((await b.app.services.settings.get(STORE, Date.now())).webhooksError).toBeNull();
  });

  it('no secret or key reached the logs', () => {
    const text = logs.text();
    for (const s of [old.secret, old.accessToken, 'key-again', `key-${STORE}`, KEY_A.toString('base64'), KEY_B.toString('base64')]) expect(text).not.toContain(s);
  });
});

describe('ENCRYPTION_KEY changed with ENCRYPTION_KEY_PREVIOUS: nothing breaks and values move to the new key', () => {
  const STORE = 'sbx5678';

  it('keeps working and re-encrypts on read', async () => {
    const old = await prepare(STORE);
    const b = boot(KEY_B, [KEY_A]);
    expect((await webhook(b, STORE, old.secret)).status).toBe(200);
    const session = await openSession(b, STORE);
    const overview = await b.http.get('/api/overview').set('Authorization', `Bearer ${session}`);
    expect(overview.body.store).toMatchObject({ needsReauth: false, detailsError: null });
    const settings = await b.http.get('/api/settings').set('Authorization', `Bearer ${session}`);
    expect(settings.body.backend).toMatchObject({ apiKeySet: true, connected: true });
    const stores = await db('stores').where({ hash: STORE }).first('access_token_enc');
    const st = await db('store_settings').where({ store_hash: STORE }).first('backend_api_key_enc', 'webhook_secret_enc');
    for (const sealed of [stores.access_token_enc, st.backend_api_key_enc, st.webhook_secret_enc]) expect(String(sealed)).toMatch(new RegExp(`^v2\\.${keyId(KEY_B)}\\.`));
  });
});
