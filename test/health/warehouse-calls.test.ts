// Issue 8 point 1: the warehouse state comes from the last real call, not the last connection test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FulfillmentAuthError,
  FulfillmentRejectedError,
  FulfillmentUnavailableError,
  type FulfillmentClient,
  type FulfillmentClientFactory,
} from '../../server/fulfillment/index.js';
import { outcomeOf, recordingClient, WarehouseCallRecorder, WAREHOUSE_CALL_THROTTLE_MS } from '../../server/health/warehouse-calls.js';
import { readHealthFacts } from '../../server/health/facts.js';
import { warehouseHealth } from '../../server/health/warehouse.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { connectWarehouse } from './seed.js';

const where = { status: null, method: 'POST', path: '/v1/orders', accountId: 'wh-demo' };
const down = () => new FulfillmentUnavailableError('Fulfillment backend POST /v1/orders network error (ECONNREFUSED)', { ...where, reason: 'network' });
const http500 = () => new FulfillmentUnavailableError('Fulfillment backend POST /v1/orders failed with HTTP 500', { ...where, status: 500, reason: 'server_error' });
const refused = () => new FulfillmentAuthError('The fulfillment backend did not accept these credentials (HTTP 401)', { ...where, status: 401 });

/** A warehouse whose next answers the test decides. */
class FakeWarehouse implements FulfillmentClient {
  readonly accountId = 'wh-demo';
  fail: Error | null = null;
  calls = 0;
  private async answer<T>(value: T): Promise<T> {
    this.calls++;
    if (this.fail) throw this.fail;
    return value;
  }
  getAccount = () => this.answer({ id: 'wh-demo', name: 'Demo warehouse' });
  createOrder = () => this.answer({ id: 'ord_1', status: 'accepted', created: true });
  cancelOrder = () => this.answer({ status: 'cancelled' });
  listShipments = () => this.answer({ data: [], nextCursor: 'c', hasMore: false, invalid: [] });
  listInventory = () => this.answer({ data: [], nextCursor: 'c', hasMore: false, invalid: [] });
}

let t: BareApp;
let clock: FakeClock;
let warehouse: FakeWarehouse;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T10:40:00Z'));
  warehouse = new FakeWarehouse();
  const factory: FulfillmentClientFactory = () => warehouse;
  t = await bareApp({ clock, deps: { fulfillmentFactory: factory } });
  await t.install();
  await connectWarehouse(t.app.services.settings, clock.now() - 60 * 60_000);
});
afterEach(() => t.close());

const row = () => t.db('store_settings').where({ store_hash: STORE }).first('backend_last_ok_at', 'backend_failing_since', 'backend_failure_kind', 'backend_last_call_error');
const health = async () => {
  const f = await readHealthFacts(t.app.services, STORE, clock.now());
  return warehouseHealth(f.settings, f.calls);
};

describe('every real warehouse call is recorded (services wire the recording client)', () => {
  it('an outage shows as unreachable from the first failed call, in merchant words, and keeps its start', async () => {
    const client = (await t.app.services.fulfillment.forStore(STORE))!;
    await client.createOrder({} as never, 'key-1');
    expect(await health()).toMatchObject({ state: 'ok', lastOkAt: new Date(clock.now()).toISOString(), failingSince: null });

    clock.advance(60_000);
    const firstFailure = clock.now();
    warehouse.fail = http500();
    await expect(client.createOrder({} as never, 'key-2')).rejects.toBeInstanceOf(FulfillmentUnavailableError);
    expect(await health()).toMatchObject({
      state: 'unreachable',
      failingSince: new Date(firstFailure).toISOString(),
      lastError: 'The warehouse had an internal problem and could not take the request.',
    });

    // Later failures (past the throttle) keep the start of the outage.
    clock.advance(5 * 60_000);
    warehouse.fail = down();
    await expect(client.listShipments(null)).rejects.toThrow();
    expect(await health()).toMatchObject({ state: 'unreachable', failingSince: new Date(firstFailure).toISOString(), lastError: 'The warehouse could not be reached.' });
    expect((await health()).lastError).not.toMatch(/HTTP|500/);

    // The first call that works ends it.
    clock.advance(60_000);
    warehouse.fail = null;
    await client.cancelOrder('ord_1');
    expect(await health()).toMatchObject({ state: 'ok', failingSince: null, lastError: null, lastOkAt: new Date(clock.now()).toISOString() });
  });

  it('a refused key (401/403) shows as refused', async () => {
    warehouse.fail = refused();
    const client = (await t.app.services.fulfillment.forStore(STORE))!;
    await expect(client.getAccount()).rejects.toBeInstanceOf(FulfillmentAuthError);
    expect(await health()).toMatchObject({ state: 'refused', lastError: expect.stringMatching(/refused the saved account id and API key/) });
  });

  it('an answer that refuses only the request (a 4xx about the order) proves the warehouse is up', async () => {
    warehouse.fail = down();
    const client = (await t.app.services.fulfillment.forStore(STORE))!;
    await expect(client.createOrder({} as never, 'k')).rejects.toThrow();
    clock.advance(1_000);
    warehouse.fail = new FulfillmentRejectedError('Unknown SKU LAMP-RED', { ...where, status: 422 });
    await expect(client.createOrder({} as never, 'k')).rejects.toBeInstanceOf(FulfillmentRejectedError);
    expect((await health()).state).toBe('ok');
  });

  it('saving credentials that the warehouse accepted ends a failing run; a failure after the save starts a new one', async () => {
    const client = (await t.app.services.fulfillment.forStore(STORE))!;
    warehouse.fail = refused();
    await expect(client.getAccount()).rejects.toThrow();
    expect((await health()).state).toBe('refused');

    clock.advance(60_000);
    await connectWarehouse(t.app.services.settings, clock.now());
    // Settings' "connected" and the Overview agree: the save was a successful call.
    expect(await health()).toMatchObject({ state: 'ok', lastOkAt: new Date(clock.now()).toISOString() });

    clock.advance(60_000);
    const again = clock.now();
    warehouse.fail = down();
    await expect((await t.app.services.fulfillment.forStore(STORE))!.createOrder({} as never, 'k')).rejects.toThrow();
    expect(await health()).toMatchObject({ state: 'unreachable', failingSince: new Date(again).toISOString() });
  });
});

describe('WarehouseCallRecorder throttle', () => {
  it('writes an unchanged outcome at most once per throttle window, a change at once', async () => {
    const recorder = new WarehouseCallRecorder({ db: t.db, now: () => clock.now() });
    await recorder.record(STORE, { ok: true });
    const first = clock.now();
    expect(Number((await row()).backend_last_ok_at)).toBe(first);

    clock.advance(WAREHOUSE_CALL_THROTTLE_MS - 1);
    await recorder.record(STORE, { ok: true });
    expect(Number((await row()).backend_last_ok_at)).toBe(first);

    // A failure is a change: written at once, even inside the window.
    await recorder.record(STORE, { ok: false, kind: 'unreachable', message: 'The warehouse could not be reached.' });
    expect(Number((await row()).backend_failing_since)).toBe(clock.now());

    clock.advance(1);
    await recorder.record(STORE, { ok: true });
    expect(await row()).toMatchObject({ backend_failing_since: null, backend_failure_kind: null });
    expect(Number((await row()).backend_last_ok_at)).toBe(clock.now());

    clock.advance(WAREHOUSE_CALL_THROTTLE_MS);
    await recorder.record(STORE, { ok: true });
    expect(Number((await row()).backend_last_ok_at)).toBe(clock.now());
  });

  it('a failing write never fails the call, and is reported', async () => {
    const errors: unknown[] = [];
    const recorder = new WarehouseCallRecorder({ db: t.db, now: () => clock.now(), onError: (err) => errors.push(err) });
    const client = recordingClient(warehouse, (o) => recorder.record(STORE, o));
    await t.db.schema.renameTable('store_settings', 'store_settings_gone');
    try {
      await expect(client.getAccount()).resolves.toMatchObject({ id: 'wh-demo' });
    } finally {
      await t.db.schema.renameTable('store_settings_gone', 'store_settings');
    }
    expect(errors).toHaveLength(1);
  });
});

describe('outcomeOf', () => {
  it('classifies the client errors', () => {
    expect(outcomeOf(new FulfillmentUnavailableError('x', { ...where, reason: 'timeout' }))).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(outcomeOf(new FulfillmentUnavailableError('x', { ...where, status: 429, reason: 'rate_limited' }))).toEqual({ ok: true });
    expect(outcomeOf(refused())).toMatchObject({ ok: false, kind: 'refused' });
    expect(outcomeOf(new TypeError('bad key'))).toBeNull();
  });
});
