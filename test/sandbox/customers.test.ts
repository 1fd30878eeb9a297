// Issue 9 point 10: the sandbox answers GET /v3/customers?id:in=… with customer_group_id
// (customers.v3.yml), so the app's order rules on customer group can be tried; seeded customers
// in two groups, the read scope enforced, a bad filter refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, startEnv, type Env } from './helpers.js';
import { installWithScope, storeClient } from './store-client.js';

describe('GET /stores/{hash}/v3/customers', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.close();
  });

  it('answers the seeded customers with their customer group, filtered by id:in', async () => {
    const bc = storeClient(env, await install(env));
    const all = await bc.get('/v3/customers');
    expect(all.status).toBe(200);
    expect(new Set(all.body.data.map((c: { customer_group_id: number }) => c.customer_group_id))).toEqual(new Set([1, 2]));
    expect(all.body.meta.pagination).toMatchObject({ total: all.body.data.length, current_page: 1 });

    const some = await bc.get('/v3/customers?id:in=4,2,99');
    expect(some.status).toBe(200);
    expect(some.body.data.map((c: { id: number; customer_group_id: number }) => [c.id, c.customer_group_id])).toEqual([
      [2, 1],
      [4, 2],
    ]);
    expect(some.body.data[1]).toMatchObject({ first_name: 'Marie', last_name: 'Tremblay', email: 'marie@tremblay.example', date_created: expect.any(String) });

    const wholesale = await bc.get('/v3/customers?customer_group_id:in=2');
    expect(wholesale.body.data.map((c: { id: number }) => c.id)).toEqual([3, 4]);
    expect((await bc.get('/v3/customers?id:in=12345')).body.data).toEqual([]);
  });

  it('refuses a filter that is not whole numbers with 422, and a token without the customers scope with 403', async () => {
    const bc = storeClient(env, await install(env));
    const bad = await bc.get('/v3/customers?id:in=abc');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ status: 422, title: expect.stringContaining('id:in') });

    const ordersOnly = storeClient(env, await installWithScope(env, 'store_v2_orders'));
    expect((await ordersOnly.get('/v3/customers?id:in=1')).status).toBe(403);
    const readOnly = storeClient(env, await installWithScope(env, 'store_v2_customers_read_only'));
    expect((await readOnly.get('/v3/customers?id:in=1')).status).toBe(200);
  });
});
