// Issue 7, point 7: without a BigCommerce client the webhook health must not keep saying "Healthy".
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { reconcileWebhooks } from '../../server/flows/webhooks-reconcile.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { jobOf } from '../helpers/order-sync-fakes.js';

const job = (storeHash = STORE) => jobOf(storeHash, JOB.webhooksReconcile, null);

let t: BareApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Installed and reconciled once successfully: the Settings page shows "Healthy". */
async function healthyStore() {
  t = await bareApp();
  await t.install();
  await t.app.services.settings.saveWebhookHealth(STORE, null, Date.now());
  return t;
}

const health = async (app: BareApp) => {
  const st = await app.app.services.settings.get(STORE, Date.now());
  return { healthy: st.webhooksReconciledAt !== null && st.webhooksError === null, error: st.webhooksError };
};
const activity = async (app: BareApp) => (await app.db('sync_log').where({ store_hash: STORE, flow: 'webhooks' })).map((r) => `${r.level}: ${r.message} | ${r.detail}`);

describe('webhook reconciliation without a BigCommerce client', () => {
  it('an unreadable access token (encryption key changed) shows as unhealthy with the reason, said once in Activity', async () => {
    const app = await healthyStore();
    await app
      .db('stores')
      .where({ hash: STORE })
      .update({ access_token_enc: new TokenCipher(randomBytes(32)).encrypt('tok') });
    await reconcileWebhooks(app.app.services, job());
    const h = await health(app);
    expect(h.healthy).toBe(false);
    expect(h.error).toMatch(/can no longer be read \(its encryption key was changed\).*re-authorise/);
    // Every page load queues this job again: Activity gets the line once, not each time.
    await reconcileWebhooks(app.app.services, job());
    const lines = (await activity(app)).filter((l) => l.includes('Webhook subscriptions cannot be checked'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn: .*encryption key/);
  });

  it('an uninstalled store says the app is not installed', async () => {
    const app = await healthyStore();
    await app.db.transaction((trx) => app.app.services.stores.markUninstalled(STORE, Date.now(), trx));
    await reconcileWebhooks(app.app.services, job());
    expect(await health(app)).toEqual({ healthy: false, error: expect.stringMatching(/the app is not installed in this store/) });
  });

  it('an unknown store (deleted by retention) gets no settings row created', async () => {
    t = await bareApp();
    await reconcileWebhooks(t.app.services, job('zzz999'));
    expect(await t.db('store_settings').where({ store_hash: 'zzz999' }).first()).toBeUndefined();
  });
});
