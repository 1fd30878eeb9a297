import type { Logger } from '../logging/logger.js';
import type { SyncLogRepo } from './sync-log-repo.js';
import { TOKEN_UNREADABLE_MESSAGE, WEBHOOK_SECRET_REPLACED_MESSAGE } from './secret-health.js';

export interface SecretAlertDeps {
  syncLog: SyncLogRepo;
  logger: Logger;
  now: () => number;
  /** Queues a webhook reconciliation, which sends a replaced webhook secret to BigCommerce. */
  reconcileWebhooks: (storeHash: string) => void;
}

/**
 * Makes an unreadable secret visible: a warning in the store's Activity log and the server log
 * (never the value or a key). The repositories call these from their read paths, so failures to
 * write the log are logged, never thrown into the request that noticed the problem.
 */
export function secretAlerts(d: SecretAlertDeps) {
  const record = (storeHash: string, message: string) => {
    d.syncLog
      .append({ storeHash, flow: 'security', level: 'error', message }, d.now())
      .catch((err: unknown) => d.logger.error({ err, storeHash }, 'could not record a secret problem'));
  };
  // Arrow functions: the repositories receive these as bare callbacks (no `this` to lose).
  return {
    tokenUnreadable: (storeHash: string) => {
      d.logger.warn({ storeHash }, 'access token cannot be decrypted with the configured keys; store needs re-authorisation');
      record(storeHash, TOKEN_UNREADABLE_MESSAGE);
    },
    webhookSecretReplaced: (storeHash: string) => {
      d.logger.warn({ storeHash }, 'webhook secret could not be decrypted; replaced it and queued a webhook reconciliation');
      record(storeHash, WEBHOOK_SECRET_REPLACED_MESSAGE);
      d.reconcileWebhooks(storeHash);
    },
  };
}
