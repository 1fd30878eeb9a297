// Issue 8 point 1: the Overview shows each webhook subscription as the reconcile job last listed it,
// and "Repair webhooks" re-activates or re-creates them (against the sandbox BigCommerce).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResponse, WebhookRepairResponse } from '../../server/api/contract.js';
import { reconcileWebhooks } from '../../server/flows/webhooks-reconcile.js';
import type { JobRecord } from '../../server/jobs/types.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bootDataOf, startHarness, type Harness } from '../helpers/harness.js';

const STORE = 'sbx1234';
const job: JobRecord = {
  id: 1,
  storeHash: STORE,
  kind: JOB.webhooksReconcile,
  payload: null,
  dedupeKey: null,
  state: 'running',
  attempts: 1,
  maxAttempts: 1,
  runAt: 0,
  lastError: null,
  createdAt: 0,
  updatedAt: 0,
};
let h: Harness;
let token = '';
beforeAll(async () => {
  h = await startHarness();
  const url = new URL(h.sandbox.control.beginInstall(STORE).authUrl);
  const page = await h.http.get(`${url.pathname}${url.search}`);
  token = String((await h.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token);
});
afterAll(() => h.close());

const api = (method: 'get' | 'post', path: string) => h.http[method](path).set('Authorization', `Bearer ${token}`);
const overview = async (): Promise<OverviewResponse> => {
  const res = await api('get', '/api/overview');
  expect(res.status).toBe(200);
  return res.body;
};
const setHookActive = async (id: number, active: boolean) => {
  const res = await fetch(`${h.sandbox.url}/stores/${STORE}/v3/hooks/${id}`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': h.sandbox.control.tokenFor(STORE)!, accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ is_active: active }),
  });
  expect(res.status).toBe(200);
};

describe('webhook subscriptions on the Overview, and Repair webhooks', () => {
  it('the reconcile job records every subscription it lists', async () => {
    await reconcileWebhooks(h.app.services, job);
    const { bigcommerce, alerts } = await overview();
    expect(bigcommerce.tokenValid).toBe(true);
    expect(bigcommerce.webhooks).toEqual([
      { scope: 'store/order/created', present: true, active: true, lastEventAt: null },
      { scope: 'store/order/statusUpdated', present: true, active: true, lastEventAt: null },
    ]);
    expect(bigcommerce.webhooksCheckedAt).not.toBeNull();
    expect(alerts).toEqual([]);
    // The store's API quota, from the headers of the calls the job just made (services wire the recorder).
    await expect.poll(async () => (await overview()).bigcommerce.quota?.quota).toBeGreaterThan(0);
  });

  it('a hook BigCommerce deactivated shows, with the alert, once a listing saw it (even when the repair then failed)', async () => {
    const hook = h.sandbox.control.hooks(STORE).find((x) => x.scope === 'store/order/created')!;
    await setHookActive(hook.id, false);
    // The job lists, then its re-activation is refused: the listing stays on record.
    h.sandbox.control.setFaults({ kind: 'server_error', status: 501, count: 1, method: 'PUT', path: '/v3/hooks' });
    await expect(reconcileWebhooks(h.app.services, job)).rejects.toThrow();
    const { bigcommerce, alerts } = await overview();
    expect(bigcommerce.webhooks[0]).toMatchObject({ scope: 'store/order/created', present: true, active: false });
    expect(bigcommerce.webhooksError).not.toBeNull();
    expect(alerts.map((a) => [a.kind, a.key, a.severity])).toEqual([['webhooks_deactivated', 'webhooks_deactivated', 'warning']]);
  });

  it('Repair webhooks re-activates it, says so in Activity and answers the new health', async () => {
    const res = await api('post', '/api/webhooks/repair');
    expect(res.status).toBe(200);
    const body = res.body as WebhookRepairResponse;
    expect(body.message).toBe('Webhooks repaired: 1 re-activated');
    expect(body.webhooks.every((w) => w.present && w.active)).toBe(true);
    expect(body.webhooksError).toBeNull();
    expect(h.sandbox.control.hooks(STORE).every((x) => x.isActive)).toBe(true);
    const activity = await h.db('sync_log').where({ store_hash: STORE, flow: 'webhooks' }).orderBy('id', 'desc').first();
    expect(activity).toMatchObject({ level: 'info', message: 'Webhooks repaired: 1 re-activated' });
    const { alerts } = await overview();
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'webhooks_deactivated',
        key: 'webhooks_repaired',
        severity: 'info',
        message: expect.stringMatching(/^Webhooks deactivated — repaired at \d\d:\d\d$/),
      }),
    ]);
  });

  it('a hook deleted behind the app’s back is re-created; nothing to do says so', async () => {
    const hook = h.sandbox.control.hooks(STORE).find((x) => x.scope === 'store/order/statusUpdated')!;
    await fetch(`${h.sandbox.url}/stores/${STORE}/v3/hooks/${hook.id}`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': h.sandbox.control.tokenFor(STORE)!, accept: 'application/json' },
    });
    expect((await api('post', '/api/webhooks/repair')).body.message).toBe('Webhooks repaired: 1 re-created');
    expect((await api('post', '/api/webhooks/repair')).body.message).toBe('Webhooks checked: nothing needed repairing');
  });

  it('BigCommerce failing answers 502 with a readable message, recorded in Activity', async () => {
    h.sandbox.control.setFaults({ kind: 'server_error', status: 501, count: 1, path: '/v3/hooks' });
    const res = await api('post', '/api/webhooks/repair');
    expect(res.status).toBe(502);
    expect(res.body.error.message).toBe('BigCommerce did not accept the repair just now: try again in a minute.');
    const activity = await h.db('sync_log').where({ store_hash: STORE, flow: 'webhooks' }).orderBy('id', 'desc').first();
    expect(activity).toMatchObject({ level: 'warn', message: 'Webhooks could not be repaired' });
  });
});
