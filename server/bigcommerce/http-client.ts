// Typed REST transport for one store: builds URLs, sends through the store's shared limiter,
// retries what is safe to retry and turns every failure into a BigCommerceApiError subclass.
// The access token lives only in a private field and the X-Auth-Token header; it is never put in
// a URL, a log line or an error.

import {
  BigCommerceApiError,
  BigCommerceInvalidResponseError,
  BigCommerceNetworkError,
  BigCommerceQuotaWaitError,
  BigCommerceRateLimitError,
  BigCommerceServerError,
  BigCommerceTimeoutError,
  BigCommerceTokenReplacedError,
  BigCommerceUnauthorizedError,
  bodyExcerpt,
  type UnauthorizedVerdict,
} from './errors.js';
import { QuotaWaitTooLong, readQuotaHeaders, type Permit, type QuotaHeaders, type RateLimiter } from './rate-limiter.js';
import { quotaWaitLimit } from './wait-budget.js';
import { backoffDelay, isRetryableServerStatus, mayRepeatAfterFailure, rateLimitWait, type HttpMethod, type ResolvedRetryOptions } from './retry-policy.js';
import type { BigCommerceLogger } from './logger.js';
import { buildUrl, displayPath, type ApiVersion, type QueryParams } from './url.js';

export interface BigCommerceRequest {
  method: HttpMethod;
  version: ApiVersion;
  /** Relative to `/stores/{hash}/{version}`, e.g. `/orders/12`. No query string. */
  path: string;
  query?: QueryParams;
  /** Serialised as JSON. */
  body?: unknown;
  /** Lets a POST/PUT/DELETE be repeated after a 5xx/timeout. GETs always may be. */
  idempotent?: boolean;
}

export interface RequestOptions {
  query?: QueryParams;
  idempotent?: boolean;
}

export interface BigCommerceClient {
  readonly storeHash: string;
  /** Parsed JSON, or null for 204 / an empty body (common on v2 deletes). */
  request<T>(request: BigCommerceRequest): Promise<T | null>;
  get<T>(version: ApiVersion, path: string, options?: RequestOptions): Promise<T | null>;
  post<T>(version: ApiVersion, path: string, body: unknown, options?: RequestOptions): Promise<T | null>;
  put<T>(version: ApiVersion, path: string, body: unknown, options?: RequestOptions): Promise<T | null>;
  delete<T>(version: ApiVersion, path: string, options?: RequestOptions): Promise<T | null>;
}

/** Told about a 401: the store and the token that failed (see BigCommerceClientFactoryOptions). */
export type UnauthorizedHook = (storeHash: string, failedToken: string) => UnauthorizedVerdict | void | Promise<UnauthorizedVerdict | void>;

/** Told the X-Rate-Limit-* headers of every response, and whether it was a 429 (the Overview's quota use). */
export type QuotaObserver = (storeHash: string, seen: QuotaHeaders & { rateLimited: boolean }) => void;

/** Everything a client needs besides the store; built once by the factory in index.ts. */
export interface TransportConfig {
  apiUrl: string;
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  logger: BigCommerceLogger;
  onUnauthorized: UnauthorizedHook | undefined;
  onQuota?: QuotaObserver | undefined;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  userAgent: string;
}

type Attempt = { kind: 'response'; status: number; headers: Headers; text: string } | { kind: 'failure'; timedOut: boolean; code: string | undefined };

/** Node's fetch hides the useful errno (ECONNREFUSED, …) in `cause`. */
function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export class HttpBigCommerceClient implements BigCommerceClient {
  readonly #token: string;

  constructor(
    private readonly config: TransportConfig,
    private readonly limiter: RateLimiter,
    readonly storeHash: string,
    accessToken: string,
  ) {
    this.#token = accessToken;
  }

  get<T>(version: ApiVersion, path: string, options: RequestOptions = {}): Promise<T | null> {
    return this.request<T>({ method: 'GET', version, path, ...options });
  }

  post<T>(version: ApiVersion, path: string, body: unknown, options: RequestOptions = {}): Promise<T | null> {
    return this.request<T>({ method: 'POST', version, path, body, ...options });
  }

  put<T>(version: ApiVersion, path: string, body: unknown, options: RequestOptions = {}): Promise<T | null> {
    return this.request<T>({ method: 'PUT', version, path, body, ...options });
  }

  delete<T>(version: ApiVersion, path: string, options: RequestOptions = {}): Promise<T | null> {
    return this.request<T>({ method: 'DELETE', version, path, ...options });
  }

  async request<T>(req: BigCommerceRequest): Promise<T | null> {
    const { config } = this;
    const url = buildUrl(config.apiUrl, this.storeHash, req.version, req.path, req.query);
    const where = { storeHash: this.storeHash, method: req.method, path: displayPath(req.version, req.path) };
    const headers: Record<string, string> = {
      'X-Auth-Token': this.#token,
      Accept: 'application/json',
      'User-Agent': config.userAgent,
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      // A redirect would carry X-Auth-Token to wherever it points; BigCommerce never needs one.
      redirect: 'manual',
    };
    const repeatable = mayRepeatAfterFailure(req.method, req.idempotent);
    let rateLimitRetries = 0;
    let failureRetries = 0;

    for (let attempts = 1; ; attempts += 1) {
      const permit = await this.acquire(where, attempts);
      let result: Attempt;
      try {
        result = await this.send(url, init);
        // Learn before releasing, so the next request in line sees this response's budget.
        if (result.kind === 'response') this.limiter.observe(result.headers, config.now());
      } finally {
        permit.release();
      }
      if (result.kind === 'response') this.tellQuota(result.headers, result.status);
      const details = { ...where, attempts };

      if (result.kind === 'failure') {
        const what = result.timedOut ? `timed out after ${config.timeoutMs} ms` : `network error (${result.code ?? 'unknown'})`;
        if (repeatable && failureRetries < config.retry.maxServerRetries) {
          await this.backoff(failureRetries++, { ...details, reason: what });
          continue;
        }
        const message = `BigCommerce ${where.method} ${where.path} ${what}`;
        throw result.timedOut ? new BigCommerceTimeoutError(message, { ...details, status: null }) : new BigCommerceNetworkError(message, { ...details, status: null });
      }

      const { status, text } = result;
      config.logger.debug({ ...details, status }, 'bigcommerce response');
      if (status >= 200 && status < 300) return this.parse<T>(status, text, details);

      const failure = { ...details, status, bodyExcerpt: bodyExcerpt(text, [this.#token]) };
      const label = `BigCommerce ${where.method} ${where.path} failed with ${status}`;

      if (status === 429) {
        const waitMs = rateLimitWait(result.headers, rateLimitRetries, config.retry);
        // Pause the store even when giving up: other jobs must not walk into the same wall.
        this.limiter.pause(waitMs, config.now());
        if (rateLimitRetries >= config.retry.maxRateLimitRetries || waitMs > config.retry.maxDelayMs) {
          throw new BigCommerceRateLimitError(label, { ...failure, retryAfterMs: waitMs });
        }
        rateLimitRetries += 1;
        config.logger.warn({ ...details, status, waitMs }, 'bigcommerce rate limited; store paused');
        continue; // the limiter does the waiting, for every request of this store
      }

      if (status === 401) {
        // A token replaced by a reinstall while this client was in use is not a revoked store.
        if ((await this.notifyUnauthorized()) === 'replaced') {
          throw new BigCommerceTokenReplacedError(`${label}: the store's access token was replaced since this request started`, failure);
        }
        throw new BigCommerceUnauthorizedError(label, failure);
      }

      if (status >= 500) {
        const transient = isRetryableServerStatus(status);
        if (transient && repeatable && failureRetries < config.retry.maxServerRetries) {
          await this.backoff(failureRetries++, { ...details, reason: `status ${status}` });
          continue;
        }
        throw new BigCommerceServerError(label, { ...failure, retryable: transient });
      }

      throw new BigCommerceApiError(label, failure);
    }
  }

  /** A permit from the store's limiter, within the caller's quota wait limit (wait-budget.ts). */
  private async acquire(where: { storeHash: string; method: string; path: string }, attempts: number): Promise<Permit> {
    const { config } = this;
    try {
      return await this.limiter.acquire({
        now: config.now,
        sleep: config.sleep,
        maxWaitMs: quotaWaitLimit(),
        onWait: (waitMs, reason) => config.logger.debug({ ...where, waitMs, reason }, 'bigcommerce limiter wait'),
      });
    } catch (error) {
      if (!(error instanceof QuotaWaitTooLong)) throw error;
      const why = error.reason === 'paused' ? 'rate limited' : error.reason === 'share' ? "the app's share of the quota is spent" : 'reserve reached';
      const label = `BigCommerce ${where.method} ${where.path} not sent: the store's API quota is used up for ${Math.ceil(error.waitMs / 1000)} s (${why})`;
      throw new BigCommerceQuotaWaitError(label, {
        ...where,
        status: null,
        attempts: attempts - 1,
        waitMs: error.waitMs,
        resumeAt: config.now() + error.waitMs,
        // The job layer knows two reasons; a spent share is the reserve the merchant chose
        // (RateLimiterState.lastWait tells them apart, flows/quota-wait.ts).
        reason: error.reason === 'paused' ? 'paused' : 'reserve',
      });
    }
  }

  private async send(url: string, init: RequestInit): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    // Covers headers *and* body: a stalled body must not hang a worker either.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    try {
      const response = await this.config.fetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch (error) {
      // The raw error is dropped on purpose: some fetch errors quote the full URL (query included).
      return { kind: 'failure', timedOut, code: errorCode(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(status: number, text: string, details: { storeHash: string; method: string; path: string; attempts: number }): T | null {
    if (status === 204 || text.trim() === '') return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new BigCommerceInvalidResponseError(`BigCommerce ${details.method} ${details.path} returned a non-JSON body`, {
        ...details,
        status,
        bodyExcerpt: bodyExcerpt(text, [this.#token]),
      });
    }
  }

  private async backoff(retryIndex: number, context: Record<string, unknown>): Promise<void> {
    const delayMs = backoffDelay(retryIndex, this.config.retry, this.config.random);
    this.config.logger.warn({ ...context, delayMs }, 'bigcommerce request failed; retrying');
    await this.config.sleep(delayMs);
  }

  private tellQuota(headers: Headers, status: number): void {
    if (!this.config.onQuota) return;
    try {
      this.config.onQuota(this.storeHash, { ...readQuotaHeaders(headers), rateLimited: status === 429 });
    } catch (error) {
      // Bookkeeping for the Overview must never fail a request.
      this.config.logger.warn({ storeHash: this.storeHash, err: error instanceof Error ? error.message : String(error) }, 'bigcommerce quota observer failed');
    }
  }

  private async notifyUnauthorized(): Promise<UnauthorizedVerdict | undefined> {
    if (!this.config.onUnauthorized) return undefined;
    try {
      return (await this.config.onUnauthorized(this.storeHash, this.#token)) ?? undefined;
    } catch (error) {
      // The 401 is the news the caller needs; a failing hook must not replace it.
      this.config.logger.error({ storeHash: this.storeHash, err: error instanceof Error ? error.message : String(error) }, 'bigcommerce onUnauthorized hook failed');
      return undefined;
    }
  }
}
