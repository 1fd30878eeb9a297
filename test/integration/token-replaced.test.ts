// Issue 7, point 4: a 401 on a token that a reinstall replaced while a job was using it must not
// flag the freshly authorised store, and the job must retry (with the new token), not die.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BigCommerceTokenReplacedError, BigCommerceUnauthorizedError, getStoreInfo } from '../../server/bigcommerce/index.js';
import { toJobError } from '../../server/flows/job-errors.js';
import { reconcileWebhooks } from '../../server/flows/webhooks-reconcile.js';
import { PermanentJobError, RetryableJobError } from '../../server/jobs/types.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, OWNER, STORE, type BareApp } from '../helpers/bare-app.js';
import { jobOf } from '../helpers/order-sync-fakes.js';

const job = jobOf(STORE, JOB.webhooksReconcile, null);

/** BigCommerce as far as these tests need it: only `valid` tokens are accepted. */
function stubBigCommerce(valid: Set<string>, onRequest: (token: string) => Promise<void> | void = () => {}) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const token = (init.headers as Record<string, string>)['X-Auth-Token'] ?? '';
    seen.push(token);
    await onRequest(token);
    if (!valid.has(token)) return new Response(JSON.stringify({ title: 'Unauthorized' }), { status: 401 });
    const body = init.method === 'POST' ? { data: { id: 7, scope: 'x', destination: 'y', is_active: true } } : { data: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

let t: BareApp | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await t?.close();
  t = undefined;
});

// The app's own client factory (services.ts wiring), not the test one bareApp injects.
const appWithRealFactory = () => bareApp({ deps: { bigcommerceFactory: undefined } });

describe('a 401 on a token replaced by a reinstall', () => {
  it('does not flag the store and the job is retried with the new token', async () => {
    t = await appWithRealFactory();
    const app = t;
    await app.install(OWNER, 'T1');
    const valid = new Set<string>();
    // The job has built its client with T1; before its first call returns, /auth stores T2 and
    // BigCommerce invalidates T1.
    const seen = stubBigCommerce(valid, async (token) => {
      if (token === 'T1' && !valid.has('T2')) {
        await app.install(OWNER, 'T2');
        valid.add('T2');
      }
    });

    const first = await reconcileWebhooks(app.app.services, job).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryableJobError);
    expect(first).not.toBeInstanceOf(PermanentJobError);
    expect((first as RetryableJobError).opts.countsAsAttempt).toBe(false);
    expect(await app.app.services.stores.get(STORE)).toMatchObject({ needsReauth: false, reauthReason: null });
    // Not a subscription problem: webhook health untouched.
    expect((await app.app.services.settings.get(STORE, Date.now())).webhooksError).toBeNull();

    await reconcileWebhooks(app.app.services, job);
    expect(seen[0]).toBe('T1');
    expect(seen.slice(1).every((token) => token === 'T2')).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    const settings = await app.app.services.settings.get(STORE, Date.now());
    expect(settings).toMatchObject({ webhooksError: null });
    expect(settings.webhooksReconciledAt).not.toBeNull();
  });

  it('the client throws BigCommerceTokenReplacedError, which the job layer retries without spending an attempt', async () => {
    t = await appWithRealFactory();
    await t.install(OWNER, 'T1');
    const stale = (await t.app.services.bigcommerce.forStore(STORE))!;
    await t.install(OWNER, 'T2');
    stubBigCommerce(new Set(['T2']));
    const error = await getStoreInfo(stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceTokenReplacedError);
    expect(error).toBeInstanceOf(BigCommerceUnauthorizedError); // still a 401 to code that only knows that
    expect((error as BigCommerceTokenReplacedError).retryable).toBe(true);
    const jobError = toJobError(error);
    expect(jobError).toBeInstanceOf(RetryableJobError);
    expect((jobError as RetryableJobError).opts.countsAsAttempt).toBe(false);
    expect((await t.app.services.stores.get(STORE))?.needsReauth).toBe(false);
  });
});

describe('a 401 on the stored token', () => {
  it('flags the store, the job ends for good and the webhook health says why in plain words', async () => {
    t = await appWithRealFactory();
    await t.install(OWNER, 'T1');
    stubBigCommerce(new Set()); // BigCommerce revoked T1
    const error = await reconcileWebhooks(t.app.services, job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(await t.app.services.stores.get(STORE)).toMatchObject({ needsReauth: true, reauthReason: 'token_revoked' });
    expect((await t.app.services.settings.get(STORE, Date.now())).webhooksError).toMatch(/BigCommerce refused the app’s access token.*re-authorise/);
    // Not "will retry": the job ended for good.
    const lines = await t.db('sync_log').where({ store_hash: STORE, flow: 'webhooks' }).pluck('message');
    expect(lines).toContain('Could not update webhook subscriptions.');
  });
});
