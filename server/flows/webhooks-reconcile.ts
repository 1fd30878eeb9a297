import type { JobRecord } from '../jobs/types.js';
import type { Services } from '../services.js';
import { reconcileHooks } from '../webhooks/subscriptions.js';
import { scopesFor } from '../webhooks/topics.js';
import { QuotaWaitJobError, toJobError } from './job-errors.js';

/**
 * Makes the store's webhook subscriptions match what we need. Runs after install, on load, when
 * settings change and periodically. A failure is logged and retried, never fatal to the install.
 */
export async function reconcileWebhooks(s: Services, job: JobRecord): Promise<void> {
  const storeHash = job.storeHash;
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) return;
  const settings = await s.settings.get(storeHash, s.clock.now());
  try {
    const plan = await reconcileHooks(client, {
      // Only what the switched-on flows need: turning a flow off removes its hooks.
      scopes: scopesFor(settings.flows),
      destination: `${s.config.appUrl}/webhooks/bigcommerce`,
      secret: settings.webhookSecret,
    });
    await s.settings.saveWebhookHealth(storeHash, null, s.clock.now());
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
    // Waiting for the store's quota is not a failure of the subscriptions (quota-wait.ts says it).
    if (jobError instanceof QuotaWaitJobError) throw jobError;
    const message = err instanceof Error ? err.message : String(err);
    await s.settings.saveWebhookHealth(storeHash, message, s.clock.now());
    await s.syncLog.append({ storeHash, flow: 'webhooks', level: 'warn', message: 'Could not update webhook subscriptions; will retry.', detail: message }, s.clock.now());
    throw jobError;
  }
}
