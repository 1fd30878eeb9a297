// The fulfillment client against the sandbox warehouse: every outcome of the contract becomes the
// documented result or typed error, and the API key never leaks into one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFulfillmentClient,
  FulfillmentAuthError,
  FulfillmentCancelConflictError,
  FulfillmentRejectedError,
  FulfillmentUnavailableError,
  type FulfillmentClient,
} from '../../server/fulfillment/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { DEMO_ACCOUNT, caught, sampleOrder } from './fixtures.js';

const KEY = 'bigcommerce:abc123:101';

describe('fulfillment client against the sandbox warehouse', () => {
  let wh: SandboxWarehouse;
  let client: FulfillmentClient;
  beforeEach(async () => {
    wh = await startSandboxWarehouse();
    client = createFulfillmentClient({ baseUrl: `${wh.url}/`, timeoutMs: 1000 })(DEMO_ACCOUNT);
  });
  afterEach(async () => wh.close());

  it('reads the account (connection test)', async () => {
    expect(await client.getAccount()).toEqual({ id: 'wh-demo', name: 'Demo Warehouse' });
  });

  it('creates an order with 201, and a repeat of the same key answers 200 with the same id', async () => {
    const first = await client.createOrder(sampleOrder(), KEY);
    expect(first).toEqual({ id: expect.stringMatching(/^ord_/), status: 'received', created: true });
    const again = await client.createOrder(sampleOrder(), KEY);
    expect(again).toEqual({ ...first, created: false });
    expect(wh.control.orders()).toHaveLength(1);
    expect(wh.control.orders()[0]?.body).toEqual(sampleOrder());
    expect(wh.control.requests.map((r) => r.status)).toEqual([201, 200]);
  });

  it('turns a 4xx into FulfillmentRejectedError carrying the backend code and message', async () => {
    const order = sampleOrder();
    order.shipments[0]!.lines[0]!.sku = '';
    const err = await caught(() => client.createOrder(order, KEY));
    expect(err).toBeInstanceOf(FulfillmentRejectedError);
    expect(err).not.toBeInstanceOf(FulfillmentAuthError);
    const rejected = err as FulfillmentRejectedError;
    expect(rejected.status).toBe(422);
    expect(rejected.code).toBe('invalid_order');
    expect(rejected.retryable).toBe(false);
    expect(rejected.message).toBe('The warehouse cannot accept this order: shipments.0.lines.0.sku: sku is required');
  });

  it('shows an injected rejection message as is', async () => {
    wh.control.setFaults({ kind: 'reject', message: 'SKU MUG-01 is not stocked in this warehouse' });
    const err = (await caught(() => client.createOrder(sampleOrder(), KEY))) as FulfillmentRejectedError;
    expect(err).toBeInstanceOf(FulfillmentRejectedError);
    expect(err.message).toBe('SKU MUG-01 is not stocked in this warehouse');
    expect(err.code).toBe('rejected');
  });

  it('turns 401 into FulfillmentAuthError (a 4xx) asking to check the account id and API key', async () => {
    const wrongKey = createFulfillmentClient({ baseUrl: wh.url })({ accountId: 'wh-demo', apiKey: 'whk_not_the_key_123' });
    const err = await caught(() => wrongKey.getAccount());
    expect(err).toBeInstanceOf(FulfillmentAuthError);
    expect(err).toBeInstanceOf(FulfillmentRejectedError);
    expect((err as FulfillmentAuthError).status).toBe(401);
    expect(err.message).toMatch(/check the account id and API key/);
    expect(err.message).not.toContain('whk_not_the_key_123');

    // A valid key sent with another account's id is refused too.
    const other = wh.control.createAccount({ id: 'wh-other' });
    const mixed = createFulfillmentClient({ baseUrl: wh.url })({ accountId: 'wh-demo', apiKey: other.apiKey });
    expect(await caught(() => mixed.getAccount())).toBeInstanceOf(FulfillmentAuthError);
  });

  it('turns 5xx into a retryable FulfillmentUnavailableError', async () => {
    wh.control.setFaults({ kind: 'server_error', status: 503, count: 1 });
    const err = (await caught(() => client.createOrder(sampleOrder(), KEY))) as FulfillmentUnavailableError;
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.retryable).toBe(true);
    expect(err.reason).toBe('server_error');
    expect(err.status).toBe(503);
    // The fault is used up: the job queue's retry goes through and creates the order once.
    expect((await client.createOrder(sampleOrder(), KEY)).created).toBe(true);
  });

  it('turns a timeout into a retryable FulfillmentUnavailableError, without waiting for the backend', async () => {
    const quick = createFulfillmentClient({ baseUrl: wh.url, timeoutMs: 200 })(DEMO_ACCOUNT);
    wh.control.setFaults({ kind: 'timeout', count: 1 });
    const started = Date.now();
    const err = (await caught(() => quick.createOrder(sampleOrder(), KEY))) as FulfillmentUnavailableError;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.reason).toBe('timeout');
    expect(err.status).toBeNull();
    expect(err.retryable).toBe(true);
    expect(wh.control.orders()).toHaveLength(0);
  });

  it('turns a dropped connection into a retryable network error', async () => {
    wh.control.setFaults({ kind: 'disconnect', count: 1 });
    const err = (await caught(() => client.getAccount())) as FulfillmentUnavailableError;
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.reason).toBe('network');
  });

  it('cancels an unshipped order (200) and reports a shipped one as a cancel conflict (409)', async () => {
    const a = await client.createOrder(sampleOrder(101), 'bigcommerce:abc123:101');
    expect(await client.cancelOrder(a.id)).toEqual({ status: 'cancelled' });
    expect(wh.control.order(a.id).status).toBe('cancelled');

    const b = await client.createOrder(sampleOrder(102), 'bigcommerce:abc123:102');
    await wh.control.ship(b.id);
    const err = (await caught(() => client.cancelOrder(b.id))) as FulfillmentCancelConflictError;
    expect(err).toBeInstanceOf(FulfillmentCancelConflictError);
    expect(err).not.toBeInstanceOf(FulfillmentRejectedError);
    expect(err.status).toBe(409);
    expect(err.code).toBe('already_shipped');
    expect(err.message).toMatch(/already shipped/);

    const missing = await caught(() => client.cancelOrder('ord_nope'));
    expect(missing).toBeInstanceOf(FulfillmentRejectedError);
    expect((missing as FulfillmentRejectedError).status).toBe(404);
  });

  it('never puts the API key in an error, even when the backend echoes it', async () => {
    wh.control.setFaults([
      { kind: 'reject', count: 1, message: `Key ${DEMO_ACCOUNT.apiKey} is suspended` },
      { kind: 'server_error', count: 1, message: `upstream said Bearer ${DEMO_ACCOUNT.apiKey}` },
      { kind: 'timeout', count: 1 },
    ]);
    const quick = createFulfillmentClient({ baseUrl: wh.url, timeoutMs: 200 })(DEMO_ACCOUNT);
    const errors = [await caught(() => quick.createOrder(sampleOrder(), KEY)), await caught(() => quick.getAccount()), await caught(() => quick.cancelOrder('x'))];
    expect(errors.map((e) => e.constructor.name)).toEqual(['FulfillmentRejectedError', 'FulfillmentUnavailableError', 'FulfillmentUnavailableError']);
    expect(errors[0]!.message).toBe('Key [redacted] is suspended');
    for (const e of errors) {
      expect(`${e.message} ${e.stack} ${JSON.stringify(e)}`).not.toContain(DEMO_ACCOUNT.apiKey);
    }
  });
});
