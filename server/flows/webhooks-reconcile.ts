import { PermanentJobError, type JobRecord } from '../jobs/types.js';
import type { Collaborators } from '../collaborators.js';
import { reconcileHooks, type ReconcileResult } from '../webhooks/subscriptions.js';
import { subscriptionRecorder, type RepairSummary } from '../health/subscription-records.js';
import type { BigCommerceClient } from '../bigcommerce/index.js';
import { scopesFor } from '../webhooks/topics.js';
import { BigCommerceTokenReplacedError, BigCommerceUnauthorizedError } from '../bigcommerce/index.js';
import { QuotaWaitJobError, toJobError } from './job-errors.js';
import { webhooksNoAccessReason } from './store-access.js';

export type ReconcileWebhooksDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'config' | 'db' | 'settings' | 'stores' | 'syncLog'>;

/**
 * Makes the store's webhook subscriptions match what we need. Runs after install, on load, when
 * settings change and periodically. A failure is logged and retried, never fatal to the install.
 * One at a time per store across every instance: the kind is serial per store in the queue
 * (webhooks/topics.ts SERIAL_PER_STORE), so two runs never both create the missing hooks.
 */
export async function reconcileWebhooks(s: ReconcileWebhooksDeps, job: JobRecord): Promise<void> {
  const storeHash = job.storeHash;
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) {
    // Nothing to retry until /auth brings a token (it queues this job again): say why instead.
    const store = await s.stores.get(storeHash);
    // A store deleted by retention has no settings to show it in (and gets none created here).
    if (store) await reportNoAccess(s, storeHash, webhooksNoAccessReason(store));
    return;
  }
  try {
    const { result: plan } = await reconcileStoreHooks(s, client);
    const changes = [
      ...plan.create.map((scope) => `created ${scope}`),
      ...plan.reactivate.map((id) => `reactivated hook ${id}`),
      ...plan.remove.map((id) => `removed stale hook ${id}`),
    ];
    if (changes.length > 0) {
      await s.syncLog.append({ storeHash, flow: 'webhooks', message: `Webhook subscriptions updated: ${changes.join(', ')}.` }, s.clock.now());
    }
  } catch (err) {
    const jobError = toJobError(err);
    // Waiting for the store's quota is not a failure of the subscriptions (quota-wait.ts says it),
    // nor is a token a reinstall replaced meanwhile (the retry uses the new one).
    if (jobError instanceof QuotaWaitJobError || err instanceof BigCommerceTokenReplacedError) throw jobError;
    // A refused token is said in words the merchant can act on (the 401's own text names an API path).
    const message = err instanceof BigCommerceUnauthorizedError ? webhooksNoAccessReason(await s.stores.get(storeHash)) : err instanceof Error ? err.message : String(err);
    await s.settings.saveWebhookHealth(storeHash, message, s.clock.now());
    const retried = !(jobError instanceof PermanentJobError);
    await s.syncLog.append(
      { storeHash, flow: 'webhooks', level: 'warn', message: `Could not update webhook subscriptions${retried ? '; will retry' : ''}.`, detail: message },
      s.clock.now(),
    );
    throw jobError;
  }
}

/**
 * Lists the store's hooks, repairs them (re-activates, re-creates, removes stale ones) and records
 * what it found and did in webhook_subscriptions and the webhook health (the Overview reads both).
 * Also behind POST /api/webhooks/repair. Throws what BigCommerce threw.
 */
export async function reconcileStoreHooks(
  s: Pick<Collaborators, 'db' | 'settings' | 'clock' | 'config'>,
  client: BigCommerceClient,
): Promise<{ result: ReconcileResult; repaired: RepairSummary }> {
  const storeHash = client.storeHash;
  const settings = await s.settings.get(storeHash, s.clock.now());
  // Only what the switched-on flows need: turning a flow off removes its hooks.
  const scopes = scopesFor(settings.flows);
  const record = subscriptionRecorder(s.db, storeHash, () => s.clock.now());
  const result = await reconcileHooks(client, { scopes, destination: `${s.config.appUrl}/webhooks/bigcommerce`, secret: settings.webhookSecret }, record.listed);
  const repaired = await record.reconciled(result, scopes);
  await s.settings.saveWebhookHealth(storeHash, null, s.clock.now());
  return { result, repaired };
}

/** Health says why; Activity says it once, when the reason first appears (not on every page load). */
async function reportNoAccess(s: Pick<Collaborators, 'clock' | 'settings' | 'syncLog'>, storeHash: string, reason: string): Promise<void> {
  const previous = (await s.settings.get(storeHash, s.clock.now())).webhooksError;
  await s.settings.saveWebhookHealth(storeHash, reason, s.clock.now());
  if (previous !== reason) {
    await s.syncLog.append({ storeHash, flow: 'webhooks', level: 'warn', message: 'Webhook subscriptions cannot be checked', detail: reason }, s.clock.now());
  }
}
