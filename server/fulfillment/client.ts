import { z } from 'zod';
// Typed HTTP client for the fulfillment backend (docs/fulfillment-api.openapi.yaml), one per
// connected account. One attempt per call, bounded by a timeout: retrying is the job queue's
// business (it has backoff, attempt budgets and the durable Idempotency-Key), and a hidden retry
// loop here would multiply the waits. The API key lives in a private field and the Authorization
// header only; it is never put in a log line, an error or a URL.

import type { BigCommerceLogger } from '../bigcommerce/logger.js';
import { silentLogger } from '../bigcommerce/logger.js';
import { errorCode, failureFor, safeJson, type Operation } from './failure.js';
import { FulfillmentAuthError, FulfillmentError, FulfillmentUnavailableError, bodyExcerpt, type FulfillmentErrorDetails } from './errors.js';
import { describeProblems, inventoryUpdatedDataSchema, shipmentCreatedDataSchema, type ShipmentCreatedData } from './events.js';
import type { FulfillmentOrderInput } from './order.js';
import { accountResponseSchema, cancelResponseSchema, orderResponseSchema, skuLookupResponseSchema, type FulfillmentAccount, type KnownSku } from './responses.js';
import { isHeaderSafeToken } from '../../shared/header-token.js';

export const DEFAULT_FULFILLMENT_TIMEOUT_MS = 15_000;
/** SKUs per GET /v1/products request (the contract's limit). */
export const MAX_SKU_LOOKUP = 100;
/**
 * Answers of GET /v1/products that mean "this backend has no SKU lookup": 404 (the contract's way
 * to skip an optional call), 405 and 501 (what frameworks answer for a route they lack).
 */
const LOOKUP_UNSUPPORTED = new Set([404, 405, 501]);
const USER_AGENT = 'FulfillmentBridge/0.1';

/** Same shape as the BigCommerce transport's logger (pino or a recorder). */
export type FulfillmentLogger = BigCommerceLogger;

export interface FulfillmentClientOptions {
  /** FULFILLMENT_API_URL, e.g. `https://wms.example.com`; a trailing slash is fine. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Covers the response headers and body. */
  timeoutMs?: number;
  logger?: FulfillmentLogger;
  /** ms clock, for durations and HTTP-date Retry-After values. */
  now?: () => number;
}

export interface FulfillmentAccountCredentials {
  accountId: string;
  apiKey: string;
}

export interface CreatedFulfillmentOrder {
  id: string;
  status: string;
  /** false when the backend answered 200: it already had this Idempotency-Key. */
  created: boolean;
}

export interface FulfillmentClient {
  readonly accountId: string;
  /** Connection test: proves the account id / API key pair works. */
  getAccount(): Promise<FulfillmentAccount>;
  createOrder(input: FulfillmentOrderInput, idempotencyKey: string): Promise<CreatedFulfillmentOrder>;
  cancelOrder(id: string): Promise<{ status: string }>;
  /** Optional cursor feeds (polling mode): items after `since`, and the cursor to continue from. */
  listShipments(since: string | null): Promise<FeedPage<ShipmentCreatedData>>;
  listInventory(since: string | null): Promise<FeedPage<{ sku: string; available: number; location?: string | null }>>;
  /**
   * Optional SKU lookup (GET /v1/products?sku=…, at most MAX_SKU_LOOKUP SKUs): which of them the
   * warehouse knows, or `supported: false` when the backend cannot tell. Optional on the interface
   * too: a client without it cannot tell either.
   */
  lookupSkus?(skus: readonly string[]): Promise<SkuLookup>;
}

export type SkuLookup = { supported: true; known: KnownSku[] } | { supported: false };

export interface FeedPage<T> {
  data: T[];
  nextCursor: string;
  hasMore: boolean;
  /**
   * Items the app cannot read (over the contract's limits, malformed), left out of `data` with the
   * reason, so one bad item cannot block the feed behind it.
   */
  invalid: FeedItemProblem[];
}

export interface FeedItemProblem {
  /** The item's shipment id or SKU when it has one, else its position on the page. */
  ref: string;
  message: string;
}

export type FulfillmentClientFactory = (account: FulfillmentAccountCredentials) => FulfillmentClient;

type Reply = { status: number; headers: Headers; text: string };

export function createFulfillmentClient(options: FulfillmentClientOptions): FulfillmentClientFactory {
  if (!URL.canParse(options.baseUrl) || !/^https?:$/.test(new URL(options.baseUrl).protocol)) {
    throw new TypeError('fulfillment baseUrl must be an absolute http(s) URL');
  }
  const config: Config = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    // Looked up per call so test doubles installed on globalThis later still apply.
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? DEFAULT_FULFILLMENT_TIMEOUT_MS,
    logger: options.logger ?? silentLogger,
    now: options.now ?? Date.now,
  };
  return (account) => {
    // Settings validates new credentials, but a pair saved before that check (or edited in the
    // database) may hold a space or a non-ASCII character, which fetch would refuse with a raw
    // TypeError reported as a "network error" and retried for ever. Such a client answers every
    // call with an auth error instead: the order shows why, and Settings says to re-enter them.
    const unusable = !isHeaderSafeToken(account.accountId) ? 'account id' : !isHeaderSafeToken(account.apiKey) ? 'API key' : null;
    if (unusable) return new UnusableCredentialsClient(account.accountId, unusable);
    return new HttpFulfillmentClient(config, account.accountId, account.apiKey);
  };
}

interface Config {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  logger: FulfillmentLogger;
  now: () => number;
}

/**
 * The saved credentials cannot be put in a header, so no request was sent: callers may rely on
 * this call having reached nothing (an auth error, so flows treat it like a refused key).
 */
export class UnusableCredentialsError extends FulfillmentAuthError {
  constructor(
    readonly what: 'account id' | 'API key',
    details: FulfillmentErrorDetails,
  ) {
    super(
      `The saved fulfillment ${what} contains a space or a character other than visible ASCII, so it cannot be sent: re-enter the account id and API key in Settings.`,
      details,
    );
  }
}

class UnusableCredentialsClient implements FulfillmentClient {
  constructor(
    readonly accountId: string,
    private readonly what: 'account id' | 'API key',
  ) {}

  private fail(method: string, path: string): never {
    throw new UnusableCredentialsError(
      this.what,
      // The account id may be the unusable value: keep only its safe characters for the logs.
      { status: null, method, path, accountId: this.accountId.replace(/[^\x21-\x7e]/g, '?').slice(0, 128) },
    );
  }

  async getAccount(): Promise<FulfillmentAccount> {
    return this.fail('GET', '/v1/account');
  }
  async createOrder(): Promise<CreatedFulfillmentOrder> {
    return this.fail('POST', '/v1/orders');
  }
  async cancelOrder(): Promise<{ status: string }> {
    return this.fail('POST', '/v1/orders/{id}/cancel');
  }
  async listShipments(): Promise<FeedPage<ShipmentCreatedData>> {
    return this.fail('GET', '/v1/shipments');
  }
  async listInventory(): Promise<FeedPage<{ sku: string; available: number; location?: string | null }>> {
    return this.fail('GET', '/v1/inventory');
  }
  async lookupSkus(): Promise<SkuLookup> {
    return this.fail('GET', '/v1/products');
  }
}

class HttpFulfillmentClient implements FulfillmentClient {
  readonly #apiKey: string;

  constructor(
    private readonly config: Config,
    readonly accountId: string,
    apiKey: string,
  ) {
    this.#apiKey = apiKey;
  }

  async getAccount(): Promise<FulfillmentAccount> {
    const reply = await this.send('account', 'GET', '/v1/account');
    return this.parse(reply, accountResponseSchema, 'GET', '/v1/account');
  }

  async createOrder(input: FulfillmentOrderInput, idempotencyKey: string): Promise<CreatedFulfillmentOrder> {
    if (!isHeaderSafeToken(idempotencyKey)) throw new TypeError('Idempotency-Key must be 1-255 visible ASCII characters');
    const reply = await this.send('create', 'POST', '/v1/orders', input, { 'Idempotency-Key': idempotencyKey });
    const order = this.parse(reply, orderResponseSchema, 'POST', '/v1/orders');
    // 201 = new order, 200 = a repeat of a key the backend already processed.
    return { id: order.id, status: order.status, created: reply.status !== 200 };
  }

  async cancelOrder(id: string): Promise<{ status: string }> {
    if (id.length === 0) throw new TypeError('fulfillment order id is required');
    const path = `/v1/orders/${encodeURIComponent(id)}/cancel`;
    const reply = await this.send('cancel', 'POST', path, {});
    const { status } = this.parse(reply, cancelResponseSchema, 'POST', path);
    return { status };
  }

  listShipments(since: string | null) {
    return this.feed('/v1/shipments', since, shipmentCreatedDataSchema);
  }

  listInventory(since: string | null) {
    return this.feed('/v1/inventory', since, inventoryUpdatedDataSchema.shape.items.element);
  }

  async lookupSkus(skus: readonly string[]): Promise<SkuLookup> {
    if (skus.length === 0) return { supported: true, known: [] };
    if (skus.length > MAX_SKU_LOOKUP) throw new RangeError(`At most ${MAX_SKU_LOOKUP} SKUs per lookup`);
    const query = skus.map((sku) => `sku=${encodeURIComponent(sku)}`).join('&');
    let reply: Reply;
    try {
      // The SKUs go in the URL only: logs and errors name the path, not a hundred SKUs.
      reply = await this.send('account', 'GET', '/v1/products', undefined, {}, `?${query}`);
    } catch (err) {
      // An answer that says "no such route": the backend cannot tell, which is not a failure.
      if (err instanceof FulfillmentError && err.status !== null && LOOKUP_UNSUPPORTED.has(err.status)) return { supported: false };
      throw err;
    }
    const body = this.parse(reply, skuLookupResponseSchema, 'GET', '/v1/products');
    // Only the SKUs asked about count: a backend answering more (or echoing in another case) must
    // not make an unknown SKU look known.
    const asked = new Set(skus);
    const known = body.items.filter((i) => asked.has(i.sku)).map((i) => ({ sku: i.sku, name: i.name ?? null }));
    return { supported: true, known };
  }

  private async feed<T extends z.ZodType>(path: string, since: string | null, item: T): Promise<FeedPage<z.infer<T>>> {
    const query = `?limit=100${since ? `&since=${encodeURIComponent(since)}` : ''}`;
    const reply = await this.send('account', 'GET', `${path}${query}`);
    const body = this.parse(reply, z.looseObject({ data: z.array(z.unknown()), next_cursor: z.string(), has_more: z.boolean() }), 'GET', path);
    const data: Array<z.infer<T>> = [];
    const invalid: FeedItemProblem[] = [];
    body.data.forEach((raw, i) => {
      const parsed = item.safeParse(raw);
      if (parsed.success) data.push(parsed.data);
      else invalid.push({ ref: feedItemRef(raw, i), message: describeProblems(parsed.error).message });
    });
    return { data, nextCursor: body.next_cursor, hasMore: body.has_more, invalid };
  }

  /** One attempt. Resolves with a 2xx reply; every other outcome becomes a typed error. */
  private async send(op: Operation, method: string, path: string, body?: unknown, extra: Record<string, string> = {}, query = ''): Promise<Reply> {
    const { config } = this;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.#apiKey}`,
      'Fulfillment-Account': this.accountId,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
      ...extra,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const where: FulfillmentErrorDetails = { status: null, method, path, accountId: this.accountId };
    const started = config.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);
    let reply: Reply;
    try {
      const res = await config.fetch(`${config.baseUrl}${path}${query}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // A redirect would carry the API key to wherever it points.
        redirect: 'manual',
        signal: controller.signal,
      });
      reply = { status: res.status, headers: res.headers, text: await res.text() };
    } catch (error) {
      // The raw error is not kept: it is rarely more than "fetch failed" and may quote the URL.
      const what = timedOut ? `timed out after ${config.timeoutMs} ms` : `network error (${errorCode(error) ?? 'unknown'})`;
      config.logger.warn({ accountId: this.accountId, method, path, durationMs: config.now() - started, failure: what }, 'fulfillment request failed');
      throw new FulfillmentUnavailableError(`Fulfillment backend ${method} ${path} ${what}`, {
        ...where,
        reason: timedOut ? 'timeout' : 'network',
      });
    } finally {
      clearTimeout(timer);
    }

    config.logger.debug({ accountId: this.accountId, method, path, status: reply.status, durationMs: config.now() - started }, 'fulfillment response');
    if (reply.status >= 200 && reply.status < 300) return reply;
    throw failureFor({ op, ...reply, where, secrets: [this.#apiKey], nowMs: config.now() });
  }

  private parse<S extends z.ZodType>(reply: Reply, schema: S, method: string, path: string): z.output<S> {
    const result = schema.safeParse(safeJson(reply.text));
    if (result.success) return result.data;
    // A 2xx we cannot read: the write may have happened, and a retry with the same key is safe.
    throw new FulfillmentUnavailableError(`Fulfillment backend ${method} ${path} returned an unexpected ${reply.status} body`, {
      status: reply.status,
      method,
      path,
      accountId: this.accountId,
      bodyExcerpt: bodyExcerpt(reply.text, [this.#apiKey]),
      reason: 'invalid_response',
    });
  }
}

function feedItemRef(raw: unknown, index: number): string {
  const r = (raw ?? {}) as { shipment_id?: unknown; sku?: unknown };
  const id = typeof r.shipment_id === 'string' ? r.shipment_id : typeof r.sku === 'string' ? r.sku : undefined;
  return id !== undefined ? JSON.stringify(id.slice(0, 100)) : `item ${index + 1}`;
}
