// Public surface of the BigCommerce transport, plus the factory the app wires once at startup.

import { HttpBigCommerceClient, type BigCommerceClient, type QuotaObserver, type UnauthorizedHook } from './http-client.js';
import { silentLogger, type BigCommerceLogger } from './logger.js';
import type { RateLimiterRegistry } from './rate-limiter.js';
import { resolveRetryOptions, type RetryOptions } from './retry-policy.js';
import { normalizeApiUrl } from './url.js';

export * from './errors.js';
export type { BigCommerceClient, BigCommerceRequest, QuotaObserver, RequestOptions, UnauthorizedHook } from './http-client.js';
export type { BigCommerceLogger, LogFn } from './logger.js';
export { withQuotaWaitLimit, quotaWaitLimit } from './wait-budget.js';
export {
  QuotaWaitTooLong,
  RateLimiter,
  RateLimiterRegistry,
  type LimiterClock,
  type QuotaHeaders,
  type RateLimiterOptions,
  type RateLimiterState,
  type WaitReason,
} from './rate-limiter.js';
export type { HttpMethod, RetryOptions } from './retry-policy.js';
export { getStoreInfo, storeInfoSchema, type StoreInfo } from './store-info.js';
export type { ApiVersion, QueryParams, QueryScalar } from './url.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const USER_AGENT = 'FulfillmentBridge/0.1';

export interface BigCommerceStoreCredentials {
  hash: string;
  accessToken: string;
}

export interface BigCommerceClientFactoryOptions {
  /** `https://api.bigcommerce.com`, or the local sandbox; a trailing slash is fine. */
  apiUrl: string;
  /** Shared by every client of a store; create one per process. */
  limiters: RateLimiterRegistry;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Source of backoff jitter, in [0, 1). */
  random?: () => number;
  logger?: BigCommerceLogger;
  /**
   * Called once per 401 with the token that failed, so the app can flag the store for
   * re-authorisation only if that token is still the stored one (never log it). Answering
   * `replaced` turns the error into a retryable BigCommerceTokenReplacedError.
   */
  onUnauthorized?: UnauthorizedHook;
  /** Told the X-Rate-Limit-* headers of every response (recorded for the Overview). */
  onQuota?: QuotaObserver;
  timeoutMs?: number;
  retry?: RetryOptions;
}

export type BigCommerceClientFactory = (store: BigCommerceStoreCredentials) => BigCommerceClient;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createBigCommerceClientFactory(options: BigCommerceClientFactoryOptions): BigCommerceClientFactory {
  const config = {
    apiUrl: normalizeApiUrl(options.apiUrl),
    // Looked up per call so test doubles installed on globalThis later still apply.
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    sleep: options.sleep ?? realSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    logger: options.logger ?? silentLogger,
    onUnauthorized: options.onUnauthorized,
    onQuota: options.onQuota,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: resolveRetryOptions(options.retry),
    userAgent: USER_AGENT,
  };
  return (store) => {
    if (!store.hash || !store.accessToken) throw new TypeError('BigCommerce client needs a store hash and access token');
    return new HttpBigCommerceClient(config, options.limiters.for(store.hash), store.hash, store.accessToken);
  };
}
export {
  createShipment,
  listShipments,
  type BcShipment,
  type ShipmentInput,
  getOrderWithConsignments,
  listOrders,
  listOrderStatuses,
  parseBcDate,
  setOrderStatus,
  type BcLineItem,
  type BcOrder,
  type BcOrderListItem,
  type BcOrderStatus,
  type BcShippingConsignment,
} from './orders.js';
export { listLocations, resolveSkus, setAbsoluteLevels, trackingModes, type AbsoluteItem, type ResolvedSku } from './inventory.js';
