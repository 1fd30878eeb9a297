import type { Knex } from 'knex';
import {
  createBigCommerceClientFactory,
  RateLimiterRegistry,
  type BigCommerceClient,
  type BigCommerceClientFactory,
} from './bigcommerce/index.js';
import { Lifecycle } from './callbacks/lifecycle.js';
import { createOAuthExchanger, type OAuthExchanger } from './callbacks/oauth-exchange.js';
import type { Clock } from './clock.js';
import type { Config } from './config/env.js';
import { SpaRenderer } from './http/spa.js';
import type { Logger } from './logging/logger.js';
import { SessionTokens } from './sessions/session-tokens.js';
import { ExchangeCodesRepo } from './storage/exchange-codes-repo.js';
import { MembersRepo } from './storage/members-repo.js';
import { StoresRepo } from './storage/stores-repo.js';
import { TokenCipher } from './storage/token-cipher.js';

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
  hooks?: LifecycleHooks;
}

/** Follow-up work after callbacks (webhook reconciliation lands here in the order-import issue). */
export interface LifecycleHooks {
  afterInstall?(storeHash: string): void;
  afterLoad?(storeHash: string): void;
}

export interface Services {
  config: Config;
  db: Knex;
  logger: Logger;
  clock: Clock;
  stores: StoresRepo;
  members: MembersRepo;
  exchangeCodes: ExchangeCodesRepo;
  sessions: SessionTokens;
  oauth: OAuthExchanger;
  lifecycle: Lifecycle;
  spa: SpaRenderer;
  bigcommerce: { forStore(storeHash: string): Promise<BigCommerceClient | undefined> };
  hooks: LifecycleHooks;
}

export function buildServices(deps: AppDeps): Services {
  const { config, db, logger, clock } = deps;
  const stores = new StoresRepo(db, new TokenCipher(config.encryptionKey));
  const members = new MembersRepo(db);
  const exchangeCodes = new ExchangeCodesRepo(db);
  const factory =
    deps.bigcommerceFactory ??
    createBigCommerceClientFactory({
      apiUrl: config.bcApiUrl,
      limiters: new RateLimiterRegistry(),
      logger,
      now: () => clock.now(),
      // A 401 on a stored token means BigCommerce revoked it: ask the owner to reopen the app.
      onUnauthorized: (storeHash: string) => stores.markNeedsReauth(storeHash, clock.now()),
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
    oauth:
      deps.oauth ??
      createOAuthExchanger({ clientId: config.clientId, clientSecret: config.clientSecret, appUrl: config.appUrl, loginUrl: config.bcLoginUrl }),
    lifecycle: new Lifecycle({ db, stores, members, exchangeCodes, logger }),
    spa: new SpaRenderer(deps.clientDir),
    bigcommerce: {
      async forStore(storeHash) {
        const accessToken = await stores.accessToken(storeHash);
        return accessToken ? factory({ hash: storeHash, accessToken }) : undefined;
      },
    },
    hooks: deps.hooks ?? {},
  };
}
