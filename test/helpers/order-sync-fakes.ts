// In-memory BigCommerce store and warehouse for unit tests of the order-import flow: the real
// services, repositories and database (bareApp), with fakes behind the two client factories. The
// warehouse keeps the contract's idempotency rules (same key + equal body → 200 with the first
// id; different body → 422 idempotency_key_reused) and builds its errors with the real
// classification (server/fulfillment/failure.ts).
import { BigCommerceApiError, type BigCommerceClient } from '../../server/bigcommerce/index.js';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { failureFor } from '../../server/fulfillment/failure.js';
import { FulfillmentUnavailableError, type CreatedFulfillmentOrder, type FulfillmentClient, type FulfillmentOrderInput } from '../../server/fulfillment/index.js';
import type { JobKindName, JobOfKind, JobPayload } from '../../server/flows/job-catalogue.js';
import type { JobRecord } from '../../server/jobs/types.js';
import { canonicalJson } from '../../sandbox/warehouse/state.js';
import type { Clock } from '../../server/clock.js';
import { bareApp, STORE } from './bare-app.js';

export const line = (id: number, sku: string, qty = 1) => ({ id, name: `Item ${id}`, sku, quantity: qty, price_inc_tax: '12.5000', base_price: '10.0000' });

/** A BigCommerce order as GET /v2/orders/{id}?include=consignments.line_items answers it. */
export function bcOrder(id: number, statusId: number, method = 'Flat Rate') {
  return orderSchema.parse({
    id,
    status_id: statusId,
    status: statusId === 5 ? 'Cancelled' : statusId === 2 ? 'Shipped' : statusId === 11 ? 'Awaiting Fulfillment' : `Status ${statusId}`,
    date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
    currency_code: 'USD',
    customer_message: '',
    billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '555' },
    consignments: {
      shipping: [
        {
          id: 7,
          first_name: 'Ada',
          last_name: 'Lovelace',
          street_1: '1 Main St',
          city: 'Austin',
          zip: '78701',
          country_iso2: 'US',
          shipping_method: method,
          line_items: [line(1, 'A-1', 2)],
        },
      ],
    },
  });
}

/** BigCommerce: orders by id, every call recorded, faults for the next PUTs. */
export class FakeStore {
  readonly orders = new Map<number, ReturnType<typeof bcOrder>>();
  readonly calls: Array<{ method: string; path: string; body?: unknown }> = [];
  readonly putFaults: BigCommerceApiError[] = [];

  readonly client: BigCommerceClient;

  constructor(readonly storeHash: string) {
    this.client = this.makeClient();
  }

  setStatus(id: number, statusId: number) {
    const o = this.orders.get(id)!;
    this.orders.set(id, { ...o, status_id: statusId, status: bcOrder(id, statusId).status });
  }

  private find(method: string, path: string) {
    const id = Number(/^\/orders\/(\d+)$/.exec(path)?.[1]);
    const o = this.orders.get(id);
    if (!o) throw new BigCommerceApiError(`${method} ${path} failed with 404`, { status: 404, method, path, storeHash: this.storeHash });
    return o;
  }

  private makeClient(): BigCommerceClient {
    return {
      storeHash: this.storeHash,
      request: async () => {
        throw new Error('not used');
      },
      get: async <T>(_v: string, path: string) => {
        this.calls.push({ method: 'GET', path });
        return structuredClone(this.find('GET', path)) as T;
      },
      put: async (_v: string, path: string, body: unknown) => {
        this.calls.push({ method: 'PUT', path, body });
        const o = this.find('PUT', path);
        const fault = this.putFaults.shift();
        if (fault) throw fault;
        this.setStatus(o.id, (body as { status_id: number }).status_id);
        return null;
      },
      post: async () => {
        throw new Error('not used');
      },
      delete: async () => {
        throw new Error('not used');
      },
    };
  }
}

/**
 * What the next create does: `lost` creates the order and then loses the answer (a timeout the
 * app sees), `timeout` loses the request before anything happens, `reject` refuses it (422),
 * `unauthorized` refuses the credentials (401) before anything happens.
 */
export type CreateStep = 'ok' | 'lost' | 'timeout' | 'server_error' | 'unauthorized' | { reject: string };

export class FakeWarehouse {
  readonly byKey = new Map<string, { id: string; body: string; status: 'received' | 'cancelled' }>();
  readonly calls: Array<{ op: 'create' | 'cancel'; key?: string; body?: FulfillmentOrderInput; id?: string }> = [];
  readonly plan: CreateStep[] = [];
  /** Faults for the next cancels. */
  readonly cancelPlan: Array<'server_error'> = [];
  private seq = 0;

  orderFor(key: string) {
    return this.byKey.get(key);
  }

  private fail(status: number, code: string, message: string, path = '/v1/orders'): Error {
    return failureFor({
      op: path === '/v1/orders' ? 'create' : 'cancel',
      status,
      headers: new Headers(),
      text: JSON.stringify({ error: { code, message } }),
      where: { status: null, method: 'POST', path, accountId: 'acc' },
      secrets: [],
      nowMs: 0,
    });
  }

  private timeout(): Error {
    return new FulfillmentUnavailableError('Fulfillment backend POST /v1/orders timed out after 15000 ms', {
      status: null,
      method: 'POST',
      path: '/v1/orders',
      accountId: 'acc',
      reason: 'timeout',
    });
  }

  readonly client: FulfillmentClient = {
    accountId: 'acc',
    getAccount: async () => ({ id: 'acc', name: 'Fake' }),
    createOrder: async (input, key): Promise<CreatedFulfillmentOrder> => {
      this.calls.push({ op: 'create', key, body: structuredClone(input) });
      const step = this.plan.shift() ?? 'ok';
      if (step === 'timeout') throw this.timeout();
      if (step === 'server_error') throw this.fail(503, 'server_error', 'Try again later.');
      if (step === 'unauthorized') throw this.fail(401, 'unauthorized', 'Invalid API key.');
      if (typeof step === 'object') throw this.fail(422, 'unknown_sku', step.reject);
      const body = canonicalJson(input);
      const seen = this.byKey.get(key);
      if (seen && seen.body !== body) throw this.fail(422, 'idempotency_key_reused', `Idempotency-Key ${key} was already used for order ${seen.id} with a different request body.`);
      const order = seen ?? { id: `WH-${++this.seq}`, body, status: 'received' as const };
      this.byKey.set(key, order);
      if (step === 'lost') throw this.timeout();
      return { id: order.id, status: order.status, created: !seen };
    },
    cancelOrder: async (id) => {
      this.calls.push({ op: 'cancel', id });
      if (this.cancelPlan.shift()) throw this.fail(503, 'server_error', 'Try again later.', `/v1/orders/${id}/cancel`);
      const order = [...this.byKey.values()].find((o) => o.id === id);
      if (!order) throw this.fail(404, 'not_found', `No order ${id}.`, `/v1/orders/${id}/cancel`);
      order.status = 'cancelled';
      return { status: 'cancelled' };
    },
    listShipments: async () => ({ data: [], nextCursor: '', hasMore: false, invalid: [] }),
    listInventory: async () => ({ data: [], nextCursor: '', hasMore: false, invalid: [] }),
  };
}

/**
 * A running job as the worker hands it to a handler. For a kind of the job catalogue the payload is
 * typed as its handler reads it (parsed); any other kind string gives an untyped JobRecord.
 */
export const jobOf = <K extends string>(
  storeHash: string,
  kind: K,
  payload: K extends JobKindName ? JobPayload<K> : unknown,
  over: Partial<Omit<JobRecord, 'payload'>> = {},
): K extends JobKindName ? JobOfKind<K> : JobRecord =>
  ({
    id: 1,
    storeHash,
    kind,
    payload,
    dedupeKey: null,
    state: 'running',
    attempts: 1,
    maxAttempts: 20,
    runAt: 0,
    lastError: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  }) as K extends JobKindName ? JobOfKind<K> : JobRecord;

/**
 * The app over the fakes: installed, the warehouse connected and "Flat Rate" mapped, so an order
 * of bcOrder() can be sent. The clients are read through thunks so a test can swap them.
 */
export async function connectedFakeApp(clock: Clock, clients: { bigcommerce: () => BigCommerceClient; fulfillment: () => FulfillmentClient }) {
  const b = await bareApp({ clock, deps: { bigcommerceFactory: () => clients.bigcommerce(), fulfillmentFactory: () => clients.fulfillment() } });
  await b.install();
  await b.app.services.settings.saveBackend(STORE, { accountId: 'acc', apiKey: 'key', accountName: 'Fake', connected: true, error: null }, clock.now());
  await b.app.services.mappings.setShipping(STORE, 'Flat Rate', 'GROUND', clock.now());
  return b;
}
