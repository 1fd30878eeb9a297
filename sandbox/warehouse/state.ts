// The sandbox warehouse's in-memory state: accounts, received orders, the idempotency-key table,
// shipments, stock levels, faults, and the logs tests read (requests, events). No HTTP here: the
// /v1 API, the control JSON endpoints and the programmatic control all act on one WarehouseState.
import { SandboxError, randomAlnum } from '../util.js';
import { DEFAULT_WAREHOUSE_PRODUCTS, type WarehouseProduct } from './products.js';
import type { ActiveWarehouseFault, CreateAccountInput, InventoryLevel, SentEvent, WarehouseAccount, WarehouseOptions, WarehouseOrder, WarehouseRequest } from './types.js';

/** Exists from the start, with a fixed key, so a developer can connect the app without setup. */
export const DEFAULT_ACCOUNT: Readonly<WarehouseAccount> = {
  id: 'wh-demo',
  name: 'Demo Warehouse',
  apiKey: 'whk_sandbox_demo_key',
};

/** Logs are capped so a long-running `npm run sandbox` does not grow without bound. */
const MAX_LOG = 5000;

/** What the first request with an Idempotency-Key produced; repeats are answered from here. */
export interface IdempotencyRecord {
  orderId: string;
  /** Canonical JSON of the first request body: a repeat must be equal to it. */
  fingerprint: string;
  /** The first answer's body, replayed as-is (with 200 instead of 201). */
  response: { id: string; status: string };
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class WarehouseState {
  readonly now: () => number;
  appWebhookUrl: string | null;
  readonly accounts = new Map<string, WarehouseAccount>();
  /** Insertion order is arrival order. */
  readonly orders = new Map<string, WarehouseOrder>();
  /** Keyed by `${accountId}\n${idempotencyKey}`: keys are scoped to the account, as Stripe scopes them. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Per account: stock by `${sku}\n${location}`. */
  readonly inventory = new Map<string, Map<string, InventoryLevel>>();
  /** Per account: the products it knows, by SKU (GET /v1/products). */
  readonly products = new Map<string, Map<string, WarehouseProduct>>();
  /** false: GET /v1/products answers 404, as a backend without the optional lookup does. */
  skuLookup = true;
  faults: ActiveWarehouseFault[] = [];
  readonly requests: WarehouseRequest[] = [];
  readonly events: SentEvent[] = [];
  /** Shared sequence behind the feed cursors of GET /v1/shipments and /v1/inventory. */
  private seq = 0;

  constructor(opts: WarehouseOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.appWebhookUrl = opts.appWebhookUrl ?? null;
    this.createAccount({ ...DEFAULT_ACCOUNT });
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  createAccount(input: CreateAccountInput = {}): WarehouseAccount {
    const id = input.id ?? `wh-${randomAlnum(6)}`;
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new SandboxError(400, 'account id: 1-64 letters, digits, ".", "_" or "-"');
    if (this.accounts.has(id)) throw new SandboxError(409, `account ${id} already exists`);
    const apiKey = input.apiKey ?? `whk_${randomAlnum(32)}`;
    if (!/^[\x21-\x7e]{8,255}$/.test(apiKey)) throw new SandboxError(400, 'apiKey: 8-255 visible ASCII characters');
    // Authentication maps a key to its account, so a key can belong to one account only.
    if (this.accountByKey(apiKey)) throw new SandboxError(409, 'that apiKey belongs to another account');
    const account: WarehouseAccount = { id, name: input.name?.trim() || `Warehouse ${id}`, apiKey };
    this.accounts.set(id, account);
    this.products.set(id, new Map(DEFAULT_WAREHOUSE_PRODUCTS.map((p) => [p.sku, { ...p }])));
    return { ...account };
  }

  account(id: string): WarehouseAccount {
    const account = this.accounts.get(id);
    if (!account) throw new SandboxError(404, `no account ${id}`);
    return account;
  }

  accountByKey(apiKey: string): WarehouseAccount | undefined {
    for (const account of this.accounts.values()) if (account.apiKey === apiKey) return account;
    return undefined;
  }

  order(id: string): WarehouseOrder {
    const order = this.orders.get(id);
    if (!order) throw new SandboxError(404, `no order ${id}`);
    return order;
  }

  newOrderId(): string {
    // Random rather than counted: ids stay unique across sandbox restarts, like a real backend's.
    return `ord_${randomAlnum(12)}`;
  }

  inventoryOf(accountId: string): Map<string, InventoryLevel> {
    let levels = this.inventory.get(accountId);
    if (!levels) this.inventory.set(accountId, (levels = new Map<string, InventoryLevel>()));
    return levels;
  }

  productsOf(accountId: string): Map<string, WarehouseProduct> {
    let products = this.products.get(accountId);
    if (!products) this.products.set(accountId, (products = new Map<string, WarehouseProduct>()));
    return products;
  }

  recordRequest(entry: WarehouseRequest): WarehouseRequest {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    return entry;
  }

  recordEvent(event: SentEvent): SentEvent {
    this.events.push(event);
    if (this.events.length > MAX_LOG) this.events.splice(0, this.events.length - MAX_LOG);
    return event;
  }
}
