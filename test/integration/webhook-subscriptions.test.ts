import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../server/flows/runtime.js';
import type { JobWorker } from '../../server/jobs/index.js';
import { bootDataOf, startHarness, type Harness } from '../helpers/harness.js';
import { waitFor } from '../helpers/import-harness.js';

const STORE = 'sbx1234';
let h: Harness;
let worker: JobWorker;
beforeAll(async () => {
  h = await startHarness();
  worker = createWorker(h.app.services, { pollMs: 20, backoff: { baseMs: 50, capMs: 200, floorMs: 20 } });
  worker.start();
});
afterAll(async () => {
  await worker.stop({ graceMs: 1_000 });
  await h.close();
});

const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;

describe('webhook subscriptions are reconciled, not fired and forgotten', () => {
  it('a failing hooks API never breaks the install; it is retried until the hooks exist', async () => {
    // One more failure than a call's own retries (3 attempts, seconds of backoff in real time):
    // the first reconciliation job fails and the job's retry creates the hooks.
    h.sandbox.control.setFaults({ kind: 'server_error', status: 503, count: 4, path: '/v3/hooks' });
    const res = await h.http.get(pathOf(h.sandbox.control.beginInstall(STORE).authUrl));
    expect(res.status).toBe(200);
    expect(bootDataOf(res.text).exchangeCode).toBeTruthy();
    const hooks = await waitFor(
      () => {
        const list = h.sandbox.control.hooks(STORE);
        return list.length === 2 ? list : undefined;
      },
      { what: 'hooks created after retries' },
    );
    expect(hooks.map((x) => x.scope).sort()).toEqual(['store/order/created', 'store/order/statusUpdated']);
    for (const hook of hooks) {
      expect(hook.destination).toBe(`${h.appUrl}/webhooks/bigcommerce`);
      expect(hook.isActive).toBe(true);
      expect(Object.keys(hook.headers ?? {})).toContain('X-Fulfillment-Bridge-Secret');
    }
    const jobs = await h.db('jobs').where({ store_hash: STORE, kind: 'webhooks.reconcile' }).select('attempts');
    expect(Math.max(...jobs.map((j) => Number(j.attempts)))).toBeGreaterThanOrEqual(2); // a job's retry, not a call's
    const log = await h.db('sync_log').where({ store_hash: STORE, flow: 'webhooks' });
    expect(log.some((l) => l.level === 'warn')).toBe(true);
    await waitFor(async () => (await h.app.services.settings.get(STORE, Date.now())).webhooksError === null, { what: 'health recorded' });
  });

  it('on load, hooks removed behind our back are recreated', async () => {
    const token = h.sandbox.control.tokenFor(STORE)!;
    const hook = h.sandbox.control.hooks(STORE)[0]!;
    await fetch(`${h.sandbox.url}/stores/${STORE}/v3/hooks/${hook.id}`, { method: 'DELETE', headers: { 'X-Auth-Token': token, accept: 'application/json' } });
    expect(h.sandbox.control.hooks(STORE)).toHaveLength(1);
    expect((await h.http.get(pathOf(h.sandbox.control.loadUrl(STORE, 1001)))).status).toBe(200);
    await waitFor(() => h.sandbox.control.hooks(STORE).length === 2, { what: 'recreated on load' });
  });
});
