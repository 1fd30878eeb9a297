import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../server/flows/runtime.js';
import type { JobWorker } from '../../server/jobs/index.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { waitFor } from '../helpers/import-harness.js';

// Issue 7 point 9: the reconciliation queued by /auth and the one queued by the first /load used to
// run at once on two workers, both found no hooks, both registered them, and BigCommerce refused
// the second with 422: a dead job and a red "Background task failed" row in Activity.

const STORE = 'sbx1234';
const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
let h: Harness;
let worker: JobWorker;
beforeEach(async () => {
  h = await startHarness();
  worker = createWorker(h.app.services, { pollMs: 10, concurrency: 4, backoff: { baseMs: 50, capMs: 200, floorMs: 20 } });
  worker.start();
});
afterEach(async () => {
  await worker.stop({ graceMs: 1_000 });
  await h.close();
});

describe('install: /auth and the first /load at once', () => {
  it('registers one hook per scope, leaves no dead job and no red Activity row', async () => {
    // Slow hook listings keep the first reconciliation running while /load queues the second.
    h.sandbox.control.setFaults({ kind: 'slow', delayMs: 300, method: 'GET', path: '/v3/hooks', count: 4 });
    expect((await h.http.get(pathOf(h.sandbox.control.beginInstall(STORE).authUrl))).status).toBe(200);
    await waitFor(async () => (await h.db('jobs').where({ kind: JOB.webhooksReconcile, state: 'running' }).first()) !== undefined, { what: 'first reconciliation running' });
    expect((await h.http.get(pathOf(h.sandbox.control.loadUrl(STORE, 1001)))).status).toBe(200);

    await waitFor(
      async () => {
        const jobs = await h.db('jobs').where({ kind: JOB.webhooksReconcile });
        return jobs.length === 2 && jobs.every((j) => j.state === 'done' || j.state === 'dead');
      },
      { what: 'both reconciliations finished', timeoutMs: 10_000 },
    );

    const hooks = h.sandbox.control.hooks(STORE);
    expect(hooks.map((x) => x.scope).sort()).toEqual(['store/order/created', 'store/order/statusUpdated']);
    expect(await h.db('jobs').where({ state: 'dead' })).toEqual([]);
    expect(await h.db('sync_log').where({ store_hash: STORE }).whereIn('level', ['warn', 'error'])).toEqual([]);
    // The second one ran after the first, saw the hooks, and had nothing to register.
    const posts = h.sandbox.control.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v3/hooks'));
    expect(posts.map((r) => r.status)).toEqual([200, 200]);
  });
});
