import type { Knex } from 'knex';
import { createBigCommerceClientFactory, RateLimiterRegistry, type BigCommerceClientFactory } from './bigcommerce/index.js';
import { Lifecycle } from './callbacks/lifecycle.js';
import { createFulfillmentClient, type FulfillmentClientFactory } from './fulfillment/index.js';
import { KnexJobQueue } from './jobs/queue.js';
import { MappingsRepo } from './storage/mappings-repo.js';
import { OrdersRepo } from './storage/orders-repo.js';
import { OrderStatusesRepo } from './storage/order-statuses-repo.js';
import { InventoryRepo } from './storage/inventory-repo.js';
import { ShipmentsRepo } from './storage/shipments-repo.js';
import { SettingsRepo } from './storage/settings-repo.js';
import { SyncLogRepo } from './storage/sync-log-repo.js';
import { RetentionRepo } from './storage/retention-repo.js';
import { WebhookEventsRepo } from './storage/webhook-events-repo.js';
import { enqueueJob, JOB, SERIAL_PER_STORE } from './flows/job-catalogue.js';
import { GroupCommitter } from './webhooks/group-commit.js';
import { StoreGate } from './webhooks/store-gate.js';
import { createOAuthExchanger, type OAuthExchanger } from './callbacks/oauth-exchange.js';
import type { Clock } from './clock.js';
import type { Config } from './config/env.js';
import { SpaRenderer } from './http/spa.js';
import type { Logger } from './logging/logger.js';
import type { Collaborators, LifecycleHooks } from './collaborators.js';
import { SessionTokens } from './sessions/session-tokens.js';
import { ExchangeCodesRepo } from './storage/exchange-codes-repo.js';
import { MembersRepo } from './storage/members-repo.js';
import { StoresRepo } from './storage/stores-repo.js';
import { TokenCipher } from './storage/token-cipher.js';
import { secretAlerts } from './storage/secret-alerts.js';
import { recordingClient, WarehouseCallRecorder } from './health/warehouse-calls.js';
import { ApiQuotaRecorder } from './health/quota-recorder.js';
import { AuditRepo } from './audit/audit-repo.js';
import { ApiQuotaWindows } from './storage/api-quota-windows.js';
import { isPostgres } from './storage/postgres.js';

/** What the HTTP edge may inject; everything else is built from it. */
export interface AppDeps {
  config: Config;
  db: Knex;
  logger: Logger;
  clock: Clock;
  /** Directory of the built UI (index.html + assets). */
  clientDir: string;
  oauth?: OAuthExchanger;
  /** Builds a per-store BigCommerce client; tests may inject a fetch or sleep through it. */
  bigcommerceFactory?: BigCommerceClientFactory;
  /** Builds a client for one backend account; tests may inject a fetch or timeout through it. */
  fulfillmentFactory?: FulfillmentClientFactory;
  hooks?: LifecycleHooks;
}

/**
 * The whole set buildServices returns: every collaborator (collaborators.ts), and the ones built
 * from the edges' own classes, which only those edges and this composition root name.
 */
export interface Services extends Collaborators {
  oauth: OAuthExchanger;
  lifecycle: Lifecycle;
  spa: SpaRenderer;
  /** The webhook receiver's hot path: cached store check and group-committed writes. */
  webhookIntake: { gate: StoreGate; committer: GroupCommitter };
}

export function buildServices(deps: AppDeps): Services {
  const { config, db, logger, clock } = deps;
  const cipher = new TokenCipher(config.encryptionKey, config.previousEncryptionKeys);
  const syncLog = new SyncLogRepo(db);
  // Secrets no configured key opens (ENCRYPTION_KEY changed): shown, never a 500 (storage/secret-health.ts).
  const alerts = secretAlerts({
    syncLog,
    logger,
    now: () => clock.now(),
    reconcileWebhooks: (storeHash) => {
      enqueueJob(queue, JOB.webhooksReconcile, { storeHash }).catch((err: unknown) => logger.error({ err, storeHash }, 'could not queue webhook reconciliation'));
    },
  });
  const stores = new StoresRepo(db, cipher, { now: () => clock.now(), onTokenUnreadable: alerts.tokenUnreadable });
  const settings = new SettingsRepo(db, cipher, alerts.webhookSecretReplaced);
  const fulfillmentFactory = deps.fulfillmentFactory ?? createFulfillmentClient({ baseUrl: config.fulfillmentApiUrl, logger, now: () => clock.now() });
  let worker: { wake(): void } | undefined;
  // 20 attempts with backoff capped at 1 h (flows/runtime.ts) ride out a warehouse outage of hours,
  // not minutes, before an order shows as failed (and it can still be retried from the UI).
  // onEnqueued: every enqueue wakes the worker once its transaction has committed (jobs/after-commit.ts).
  const queue = new KnexJobQueue({ db, clock, defaultMaxAttempts: 20, serialKeys: SERIAL_PER_STORE, onEnqueued: () => worker?.wake() });
  const webhookEvents = new WebhookEventsRepo(db);
  // After install and on every load: make sure the webhook subscriptions are right (as a job, so a
  // BigCommerce hiccup is retried and never breaks the install or the page).
  const defaultHooks = (): LifecycleHooks => {
    const reconcile = (storeHash: string) => {
      enqueueJob(queue, JOB.webhooksReconcile, { storeHash }).catch((err: unknown) => logger.error({ err, storeHash }, 'could not queue webhook reconciliation'));
    };
    return { afterInstall: reconcile, afterLoad: reconcile };
  };
  const members = new MembersRepo(db);
  const exchangeCodes = new ExchangeCodesRepo(db);
  // The Overview's health: the warehouse as the last real call found it, the store's API quota use.
  const warehouseCalls = new WarehouseCallRecorder({
    db,
    now: () => clock.now(),
    onError: (err, storeHash) => logger.warn({ err, storeHash }, 'could not record a warehouse call'),
  });
  const apiQuota = new ApiQuotaRecorder({ db, now: () => clock.now(), onError: (err, storeHash) => logger.debug({ err, storeHash }, 'could not record the API quota') });
  // Several instances on PostgreSQL: the share of each store's quota is counted for all of them
  // (storage/api-quota-windows.ts). SQLite serves one process, whose own count is exact.
  const limiters = new RateLimiterRegistry(
    isPostgres(db)
      ? {
          ledger: new ApiQuotaWindows(db),
          onLedgerError: (err, storeHash) => logger.warn({ err, storeHash }, 'could not count a BigCommerce request across instances; sent on this instance’s count'),
        }
      : {},
  );
  const factory =
    deps.bigcommerceFactory ??
    createBigCommerceClientFactory({
      apiUrl: config.bcApiUrl,
      limiters,
      logger,
      now: () => clock.now(),
      // A 401 on the stored token means BigCommerce revoked it: ask the owner to re-authorise
      // (reinstall). A 401 on a token /auth has replaced since is retried with the new one.
      onUnauthorized: async (storeHash, failedToken) => ((await stores.markNeedsReauth(storeHash, failedToken, clock.now())) ? 'revoked' : 'replaced'),
      onQuota: apiQuota.observe,
    });
  return {
    config,
    db,
    logger,
    clock,
    stores,
    members,
    exchangeCodes,
    sessions: new SessionTokens(config.sessionSecret, config.appUrl),
    oauth: deps.oauth ?? createOAuthExchanger({ clientId: config.clientId, clientSecret: config.clientSecret, appUrl: config.appUrl, loginUrl: config.bcLoginUrl }),
    lifecycle: new Lifecycle({ db, stores, members, exchangeCodes, logger }),
    spa: new SpaRenderer(deps.clientDir, config.support),
    bigcommerce: {
      async forStore(storeHash) {
        const accessToken = await stores.accessToken(storeHash);
        if (!accessToken) return undefined;
        // The merchant's share of the quota, read per client (per job): a change applies at once.
        limiters.for(storeHash).setShare((await settings.get(storeHash, clock.now())).apiQuotaShare / 100);
        return factory({ hash: storeHash, accessToken });
      },
      quota: (storeHash) => limiters.for(storeHash).snapshot(),
    },
    fulfillment: {
      factory: fulfillmentFactory,
      async forStore(storeHash) {
        const st = await settings.get(storeHash, clock.now());
        if (!st.backendAccountId || !st.backendApiKey) return undefined;
        const client = fulfillmentFactory({ accountId: st.backendAccountId, apiKey: st.backendApiKey });
        return recordingClient(client, (outcome) => warehouseCalls.record(storeHash, outcome));
      },
    },
    settings,
    mappings: new MappingsRepo(db),
    orders: new OrdersRepo(db),
    orderStatuses: new OrderStatusesRepo(db),
    shipments: new ShipmentsRepo(db),
    inventory: new InventoryRepo(db),
    syncLog,
    audit: new AuditRepo(db),
    webhookEvents,
    retention: new RetentionRepo(db),
    webhookIntake: {
      gate: new StoreGate(stores, settings, () => clock.now()),
      committer: new GroupCommitter({ db, events: webhookEvents, queue, now: () => clock.now(), logger }),
    },
    jobs: {
      queue,
      attach: (w) => {
        worker = w;
      },
    },
    hooks: deps.hooks ?? defaultHooks(),
  };
}
