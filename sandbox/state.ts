// The sandbox's in-memory "BigCommerce": stores, their users, the app's installation, grant codes,
// access tokens, rate-limit buckets, faults and the API request log. No HTTP here: the OAuth, API and
// panel routers and the programmatic control all act on one SandboxState.
import { EventEmitter } from 'node:events';
import type { AccessToken, CreateStoreInput, FaultPlan, GrantCode, Installation, RecordedRequest, ResolvedOptions, SandboxOptions, StoreRecord, StoreUser } from './types.js';
import { SandboxError, randomAlnum, stableUuid } from './util.js';
import { Catalog } from './catalog/catalog.js';
import { OrderBook } from './orders/book.js';
import { ShipmentBook } from './shipments/book.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { HookRegistry } from './webhooks/registry.js';

/**
 * Scopes this app asks for (see notes §7); used when beginInstall gets no scope.
 * store_locations_read_only: GET /v3/inventory/locations (locations.v3.yml), to pick the location
 * inventory is written to. store_v2_customers_read_only: GET /v3/customers, the customer's group
 * for order rules on customer group. store_v2_products (modify, not read-only): the readiness
 * scan's "Track inventory" fix sets a product's inventory_tracking.
 */
export const DEFAULT_SCOPES = 'store_v2_orders store_v2_information_read_only store_inventory store_v2_products store_locations_read_only store_v2_customers_read_only';

/** BigCommerce does not document the grant code's lifetime; ten minutes is the usual OAuth choice. */
export const CODE_TTL_MS = 10 * 60_000;

/** The request log is capped so a long-running `npm run sandbox` does not grow without bound. */
const MAX_REQUESTS = 5000;

export const DEFAULT_STORE = {
  hash: 'sbx1234',
  name: 'Sandbox Store',
  ownerEmail: 'owner@sandbox.test',
  plan: 'Plus',
} as const;

export interface RateBucket {
  windowStart: number;
  used: number;
  quota: number;
}

export interface ActiveFault extends FaultPlan {
  remaining: number;
}

/** Events other sandbox modules react to (webhooks/registry.ts deletes hooks on 'uninstalled'). Payload: the store hash. */
export type SandboxEvent = 'store-created' | 'installed' | 'uninstalled' | 'user-removed';

export function resolveOptions(opts: SandboxOptions): ResolvedOptions {
  return {
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    appUrl: opts.appUrl.replace(/\/+$/, ''),
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    quota: opts.quota ?? 150,
    windowMs: opts.windowMs ?? 30_000,
    now: opts.now ?? Date.now,
    webhookRetryScale: opts.webhookRetryScale ?? 1,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
  };
}

export class SandboxState {
  readonly opts: ResolvedOptions;
  /** UUID of the Developer Portal account that "registered" the app (auth callback account_uuid). */
  readonly appAccountUuid: string;
  readonly stores = new Map<string, StoreRecord>();
  /** Per store: the owner first, then added users. */
  readonly users = new Map<string, StoreUser[]>();
  readonly installs = new Map<string, Installation>();
  readonly codes = new Map<string, GrantCode>();
  /** Per store: the one valid access token (a new install replaces it, as BigCommerce does). */
  readonly tokens = new Map<string, AccessToken>();
  readonly buckets = new Map<string, RateBucket>();
  faults: ActiveFault[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly events = new EventEmitter();
  /** Orders per store (orders/book.ts); changes fire webhooks through `webhooks`. */
  readonly orders: OrderBook;
  /** Order shipments per store (shipments/book.ts); they move order quantities and statuses. */
  readonly shipments: ShipmentBook;
  /** Products, variants, locations and inventory levels per store (catalog/catalog.ts). */
  readonly catalog: Catalog;
  /** The app's v3 hook subscriptions; deleted on uninstall. */
  readonly hooks: HookRegistry;
  readonly webhooks: WebhookDispatcher;

  // BigCommerce user ids are global, so they are allocated across stores.
  private nextOwnerId = 1001;
  private nextUserId = 2001;
  private nextStoreId = 1_000_001;

  constructor(opts: SandboxOptions) {
    this.opts = resolveOptions(opts);
    this.appAccountUuid = stableUuid(`app-account:${this.opts.clientId}`);
    this.hooks = new HookRegistry(this);
    this.webhooks = new WebhookDispatcher(this);
    this.catalog = new Catalog(this);
    this.orders = new OrderBook(this);
    this.shipments = new ShipmentBook(this);
    this.createStore({ ...DEFAULT_STORE });
  }

  now(): number {
    return this.opts.now();
  }

  emit(event: SandboxEvent, storeHash: string): void {
    this.events.emit(event, storeHash);
  }

  createStore(input: CreateStoreInput = {}): StoreRecord {
    const hash = input.hash ?? randomAlnum(7);
    if (!/^[a-z0-9]{1,32}$/.test(hash)) throw new SandboxError(400, 'store hash must be [a-z0-9]{1,32}');
    if (this.stores.has(hash)) throw new SandboxError(409, `store ${hash} already exists`);
    const ownerEmail = input.ownerEmail ?? `owner+${hash}@sandbox.test`;
    const store: StoreRecord = {
      hash,
      storeId: this.nextStoreId++,
      name: input.name ?? `Sandbox Store ${hash}`,
      domain: `${hash}.mybigcommerce.test`,
      plan: input.plan ?? 'Plus',
      accountUuid: stableUuid(`store-account:${hash}`),
      ownerId: this.nextOwnerId++,
      ownerEmail,
      createdAt: this.now(),
    };
    this.stores.set(hash, store);
    this.users.set(hash, [{ id: store.ownerId, email: ownerEmail }]);
    this.installs.set(hash, { installed: false, scope: '' });
    this.emit('store-created', hash);
    return store;
  }

  store(hash: string): StoreRecord {
    const store = this.stores.get(hash);
    if (!store) throw new SandboxError(404, `unknown store ${hash}`);
    return store;
  }

  usersOf(hash: string): StoreUser[] {
    this.store(hash);
    return this.users.get(hash) ?? [];
  }

  user(hash: string, userId: number): StoreUser {
    const user = this.usersOf(hash).find((u) => u.id === userId);
    if (!user) throw new SandboxError(404, `user ${userId} is not a user of store ${hash}`);
    return user;
  }

  owner(hash: string): StoreUser {
    return this.user(hash, this.store(hash).ownerId);
  }

  addUser(hash: string, email: string): StoreUser {
    const list = this.usersOf(hash);
    const clean = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(clean)) throw new SandboxError(400, 'a valid email is required');
    if (list.some((u) => u.email === clean)) throw new SandboxError(409, `${clean} is already a user`);
    const user = { id: this.nextUserId++, email: clean };
    list.push(user);
    return user;
  }

  deleteUser(hash: string, userId: number): StoreUser {
    const user = this.user(hash, userId);
    if (userId === this.store(hash).ownerId) throw new SandboxError(400, 'the store owner cannot be removed');
    const list = this.usersOf(hash);
    list.splice(list.indexOf(user), 1);
    return user;
  }

  installation(hash: string): Installation {
    this.store(hash);
    let inst = this.installs.get(hash);
    if (!inst) this.installs.set(hash, (inst = { installed: false, scope: '' }));
    return inst;
  }

  mintCode(hash: string, userId: number, scope: string): GrantCode {
    this.user(hash, userId);
    const grant: GrantCode = {
      code: randomAlnum(16),
      storeHash: hash,
      userId,
      scope,
      expiresAt: this.now() + CODE_TTL_MS,
      used: false,
    };
    this.codes.set(grant.code, grant);
    return grant;
  }

  /** Issues a fresh token; any previous token of the store stops working at once. */
  issueToken(hash: string, scope: string, userId: number): AccessToken {
    const token: AccessToken = { token: randomAlnum(31), storeHash: hash, scope, userId, issuedAt: this.now() };
    this.tokens.set(hash, token);
    return token;
  }

  revokeToken(hash: string): void {
    this.tokens.delete(hash);
  }

  tokenFor(hash: string): string | undefined {
    return this.tokens.get(hash)?.token;
  }

  /** Uninstall: token revoked and outstanding grant codes voided, so nothing keeps API access. */
  markUninstalled(hash: string): void {
    const inst = this.installation(hash);
    inst.installed = false;
    this.revokeToken(hash);
    for (const grant of this.codes.values()) if (grant.storeHash === hash) grant.used = true;
    this.emit('uninstalled', hash);
  }

  record(entry: RecordedRequest): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_REQUESTS) this.requests.splice(0, this.requests.length - MAX_REQUESTS);
  }
}
