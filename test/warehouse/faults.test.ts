// Injected faults: each kind does what the app's retry logic needs to be tested against, counts
// are consumed, filters apply, and the control endpoints stay usable while the API is "down".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFulfillmentClient, FulfillmentUnavailableError } from '../../server/fulfillment/index.js';
import { startSandboxWarehouse, type SandboxWarehouse } from '../../sandbox/warehouse/index.js';
import { DEMO_ACCOUNT, caught, sampleOrder } from '../fulfillment/fixtures.js';
import { sandbox, v1 } from './helpers.js';

const KEY = 'bigcommerce:abc123:101';

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sandbox warehouse faults', () => {
  let wh: SandboxWarehouse;
  beforeEach(async () => {
    wh = await startSandboxWarehouse();
  });
  afterEach(async () => wh.close());

  it('server_error answers 5xx for `count` requests without creating anything, then recovers', async () => {
    wh.control.setFaults({ kind: 'server_error', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })).status);
    expect(statuses).toEqual([500, 500, 201]);
    expect(wh.control.requests.map((r) => r.outcome)).toEqual(['fault', 'fault', 'created']);
    expect(wh.control.orders()).toHaveLength(1);
    expect(wh.control.snapshot().faults).toEqual([]);
  });

  it('reject answers a 4xx with the given message', async () => {
    wh.control.setFaults({ kind: 'reject', status: 400, message: 'Account suspended: call us', count: 1 });
    const res = await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() });
    expect(res).toEqual({ status: 400, json: { error: { code: 'rejected', message: 'Account suspended: call us' } } });
    expect(wh.control.orders()).toHaveLength(0);
    expect(() => wh.control.setFaults({ kind: 'reject', status: 500 })).toThrow(/4xx/);
  });

  it('slow still creates the order after the client gave up; the retry is answered as a repeat', async () => {
    const client = createFulfillmentClient({ baseUrl: wh.url, timeoutMs: 100 })(DEMO_ACCOUNT);
    wh.control.setFaults({ kind: 'slow', delayMs: 400, count: 1 });
    const err = (await caught(() => client.createOrder(sampleOrder(), KEY))) as FulfillmentUnavailableError;
    expect(err).toBeInstanceOf(FulfillmentUnavailableError);
    expect(err.reason).toBe('timeout');
    await until(() => wh.control.orders().length === 1);

    const retry = await client.createOrder(sampleOrder(), KEY);
    expect(retry).toEqual({ id: wh.control.orders()[0]!.id, status: 'received', created: false });
    // Two attempts, one effective create.
    const attempts = wh.control.requests.filter((r) => r.method === 'POST' && r.path === '/v1/orders');
    expect(attempts.map((r) => r.outcome)).toEqual(['created', 'repeat']);
  });

  it('timeout holds the request without answering and without creating; close() does not wait for it', async () => {
    wh.control.setFaults({ kind: 'timeout' });
    const client = createFulfillmentClient({ baseUrl: wh.url, timeoutMs: 150 })(DEMO_ACCOUNT);
    const err = (await caught(() => client.createOrder(sampleOrder(), KEY))) as FulfillmentUnavailableError;
    expect(err.reason).toBe('timeout');
    expect(wh.control.requests[0]).toMatchObject({ status: 0, outcome: 'fault' });

    // A request still held when the warehouse shuts down.
    const pending = fetch(`${wh.url}/v1/account`, { headers: { Authorization: `Bearer ${DEMO_ACCOUNT.apiKey}` } }).catch((e: Error) => e);
    await until(() => wh.control.requests.length === 2);
    const started = Date.now();
    await wh.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBeInstanceOf(Error);
    expect(wh.control.orders()).toHaveLength(0);
    wh = await startSandboxWarehouse(); // for afterEach
  });

  it('a short timeout fault drops the connection after delayMs', async () => {
    wh.control.setFaults({ kind: 'timeout', delayMs: 50, count: 1 });
    const client = createFulfillmentClient({ baseUrl: wh.url, timeoutMs: 2000 })(DEMO_ACCOUNT);
    const err = (await caught(() => client.getAccount())) as FulfillmentUnavailableError;
    expect(err.reason).toBe('network');
  });

  it('applies only to matching paths and methods, and consumes an array of plans in order', async () => {
    wh.control.setFaults([
      { kind: 'server_error', status: 502, path: '/v1/orders', method: 'POST', count: 1 },
      { kind: 'server_error', status: 503, count: 1 },
    ]);
    expect((await v1(wh, 'GET', '/account')).status).toBe(503);
    expect((await v1(wh, 'GET', '/account')).status).toBe(200);
    expect((await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })).status).toBe(502);
    expect((await v1(wh, 'POST', '/orders', { idempotencyKey: KEY, body: sampleOrder() })).status).toBe(201);
  });

  it('is driven through /sandbox/faults, which itself is never faulted', async () => {
    const set = await sandbox(wh, 'POST', '/faults', { kind: 'server_error' });
    expect(set).toEqual({ status: 200, json: { faults: [{ kind: 'server_error', remaining: null }] } });
    expect((await v1(wh, 'GET', '/account')).status).toBe(500);
    expect((await sandbox(wh, 'GET', '/state')).status).toBe(200);
    expect((await sandbox(wh, 'POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect(await sandbox(wh, 'DELETE', '/faults')).toEqual({ status: 200, json: { faults: [] } });
    expect((await v1(wh, 'GET', '/account')).status).toBe(200);
  });
});
