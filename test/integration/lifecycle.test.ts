import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bootDataOf, startHarness, type Harness } from '../helpers/harness.js';
import { runQueued } from '../helpers/run-queued.js';

const STORE = 'sbx1234';
const OWNER_ID = 1001;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

async function openAs(userId: number) {
  const page = await h.http.get(pathOf(h.sandbox.control.loadUrl(STORE, userId)));
  expect(page.status).toBe(200);
  const session = await h.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode });
  expect(session.status).toBe(200);
  return session.body.token as string;
}

const overview = (token: string) => h.http.get('/api/overview').set('Authorization', `Bearer ${token}`);

describe('app lifecycle against the BigCommerce sandbox', () => {
  const seenSecrets: string[] = [];
  let ownerToken = '';
  let staffToken = '';
  let staffId = 0;

  it('installs through the real OAuth code exchange and answers with the app', async () => {
    const { authUrl } = h.sandbox.control.beginInstall(STORE);
    const res = await h.http.get(pathOf(authUrl));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    const accessToken = h.sandbox.control.tokenFor(STORE);
    expect(accessToken).toBeTruthy();
    seenSecrets.push(accessToken!, new URL(authUrl).searchParams.get('code')!);
    expect(await h.app.services.stores.accessToken(STORE)).toBe(accessToken);
    const boot = bootDataOf(res.text);
    seenSecrets.push(boot.exchangeCode!);
    const session = await h.http.post('/api/session').send({ code: boot.exchangeCode });
    expect(session.body.user).toMatchObject({ id: OWNER_ID, role: 'owner' });
    ownerToken = session.body.token;
  });

  it('the owner loads the app and the Overview shows the store as the refresh queued by the install read it', async () => {
    ownerToken = await openAs(OWNER_ID);
    // The install queued the background store refresh (no worker here: run it by hand).
    expect(await runQueued(h.app.services, [JOB.storeRefresh])).toBe(1);
    expect(h.sandbox.control.requests.some((r) => r.path.endsWith('/v2/store') && r.status === 200)).toBe(true);
    const calls = h.sandbox.control.requests.length;
    const res = await overview(ownerToken);
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ hash: STORE, name: 'Sandbox Store', plan: 'Plus', needsReauth: false, detailsError: null });
    expect(res.body.user).toMatchObject({ id: OWNER_ID, role: 'owner' });
    // The page itself never calls BigCommerce.
    expect(h.sandbox.control.requests.length).toBe(calls);
  });

  it('a second user loads the app and becomes a member', async () => {
    staffId = h.sandbox.control.addUser(STORE, { email: 'staff@sandbox.test' }).id;
    staffToken = await openAs(staffId);
    const res = await overview(staffToken);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: staffId, email: 'staff@sandbox.test', role: 'user' });
    expect(res.body.memberCount).toBe(2);
  });

  it('remove_user locks that user out; the owner keeps access', async () => {
    const result = await h.sandbox.control.removeUser(STORE, staffId);
    expect(result.status).toBe(200);
    const res = await overview(staffToken);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    expect((await overview(ownerToken)).status).toBe(200);
  });

  let lateUninstall = '';
  it('uninstall refuses API access and deletes the token and memberships', async () => {
    // Signed now, delivered after the reinstall below: BigCommerce retries late callbacks.
    const c = h.sandbox.control;
    const claims = c.payloadFor(STORE, OWNER_ID);
    lateUninstall = c.signPayload({ ...claims, iat: claims.iat - 10, nbf: claims.iat - 15 });
    seenSecrets.push(lateUninstall);

    const result = await c.uninstall(STORE);
    expect(result.status).toBe(200);
    expect((await overview(ownerToken)).status).toBe(401);
    const row = await h.db('stores').where({ hash: STORE }).first();
    expect(row).toMatchObject({ status: 'uninstalled', access_token_enc: null });
    expect(await h.db('store_members').where({ store_hash: STORE })).toEqual([]);
    // A second delivery of the same uninstall is harmless.
    const again = await h.http.get('/uninstall').query({ signed_payload_jwt: c.signPayload(c.payloadFor(STORE, OWNER_ID)) });
    expect(again.status).toBe(200);
  });

  it('a reinstall works, and a late uninstall from before it leaves the store installed', async () => {
    const { authUrl } = h.sandbox.control.beginInstall(STORE);
    const res = await h.http.get(pathOf(authUrl));
    expect(res.status).toBe(200);
    seenSecrets.push(h.sandbox.control.tokenFor(STORE)!);

    const late = await h.http.get('/uninstall').query({ signed_payload_jwt: lateUninstall });
    expect(late.status).toBe(200);
    expect(late.body.outcome).toBe('stale');
    expect((await h.app.services.stores.get(STORE))?.status).toBe('installed');
    const token = await openAs(OWNER_ID);
    const ov = await overview(token);
    expect(ov.status).toBe(200);
    expect(ov.body.store.detailsError).toBeNull();
  });

  it('no secret ever reached the logs, and the token is not stored in plain text', async () => {
    const logs = h.logs.text();
    expect(logs.length).toBeGreaterThan(1000); // the run did log
    for (const secret of [...seenSecrets, h.config.clientSecret, h.config.sessionSecret, ownerToken, staffToken]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(logs).not.toContain(secret);
    }
    const dump = JSON.stringify(await h.db('stores').select());
    expect(dump).not.toContain(h.sandbox.control.tokenFor(STORE));
  });
});
