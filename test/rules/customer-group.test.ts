// The customer group is not on the v2 order: it is read from GET /v3/customers?id:in=… and kept
// per store and customer for an hour, so a burst of orders from one customer costs one call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceApiError, type BigCommerceClient } from '../../server/bigcommerce/index.js';
import { CUSTOMER_GROUP_TTL_MS, customerGroupOf } from '../../server/flows/rules/customer-group.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';

let db: Db;
const clock = new FakeClock(1_700_000_000_000);
let calls: Array<{ path: string; query: unknown }>;
const groups = new Map<number, number>([
  [42, 3],
  [43, 0],
]);
let refuse = false;

const client = { storeHash: STORE } as BigCommerceClient;
Object.assign(client, {
  get: async (_v: string, path: string, opts: { query: Record<string, string> }) => {
    calls.push({ path, query: opts.query });
    if (refuse) throw new BigCommerceApiError('GET /v3/customers failed with 403', { status: 403, method: 'GET', path, storeHash: STORE });
    const ids = String(opts.query['id:in']).split(',').map(Number);
    return { data: ids.filter((id) => groups.has(id)).map((id) => ({ id, customer_group_id: groups.get(id) })), meta: {} };
  },
});

beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  calls = [];
  refuse = false;
});
afterEach(() => db.destroy());

const s = () => ({ db, clock });

describe('customerGroupOf', () => {
  it('reads the group once per customer while the cached one is fresh, then again', async () => {
    expect(await customerGroupOf(s(), client, 42)).toBe('3');
    expect(await customerGroupOf(s(), client, 42)).toBe('3');
    expect(calls).toEqual([{ path: '/customers', query: { 'id:in': '42' } }]);
    clock.advance(CUSTOMER_GROUP_TTL_MS - 1);
    expect(await customerGroupOf(s(), client, 42)).toBe('3');
    expect(calls).toHaveLength(1);
    groups.set(42, 5);
    clock.advance(2);
    expect(await customerGroupOf(s(), client, 42)).toBe('5');
    expect(calls).toHaveLength(2);
    groups.set(42, 3);
  });

  it('a guest is group "0" without a call; a customer in no group too; a deleted customer null (cached)', async () => {
    expect(await customerGroupOf(s(), client, 0)).toBe('0');
    expect(calls).toHaveLength(0);
    expect(await customerGroupOf(s(), client, 43)).toBe('0');
    expect(await customerGroupOf(s(), client, 99)).toBeNull();
    expect(await customerGroupOf(s(), client, 99)).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('the dry run reads the cache but does not fill it', async () => {
    expect(await customerGroupOf(s(), client, 42, false)).toBe('3');
    expect(await db('customer_group_cache').count({ n: '*' }).first()).toMatchObject({ n: 0 });
    await customerGroupOf(s(), client, 42);
    expect(await customerGroupOf(s(), client, 42, false)).toBe('3');
    expect(calls).toHaveLength(2);
  });

  it('a refusal reaches the caller (the app lacks the scope): nothing is cached', async () => {
    refuse = true;
    await expect(customerGroupOf(s(), client, 42)).rejects.toMatchObject({ status: 403 });
    expect(await db('customer_group_cache').count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });
});
