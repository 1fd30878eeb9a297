import { describe, expect, it } from 'vitest';
import { BigCommerceApiError, type BigCommerceClient } from '../../server/bigcommerce/index.js';
import { reconcileHooks } from '../../server/webhooks/subscriptions.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';

// Issue 7 point 9: BigCommerce answers 422 to a second hook for the same scope + destination.
// Someone registered it meanwhile (a concurrent reconciliation): that is success, not a failure.

const dest = 'https://app.example.com/webhooks/bigcommerce';
const wanted = { scopes: ['store/order/created'], destination: dest, secret: 's3cret' };
type Hook = { id: number; scope: string; destination: string; is_active: boolean; headers: Record<string, string> };

/** A hooks API whose first list is stale: the hook appears (registered by "the other job") when we POST. */
function fakeClient(appears: Hook | undefined): { client: BigCommerceClient; calls: string[] } {
  const calls: string[] = [];
  let hooks: Hook[] = [];
  const fail = (status: number) =>
    new BigCommerceApiError(`BigCommerce POST /v3/hooks failed with ${status}`, {
      status,
      method: 'POST',
      path: '/v3/hooks',
      storeHash: 'abc',
      bodyExcerpt: '{"status":422,"title":"JSON data is missing or invalid"}',
    });
  const client = {
    storeHash: 'abc',
    async get() {
      calls.push('GET /hooks');
      return { data: hooks, meta: { pagination: { total_pages: 1 } } };
    },
    async post(_v: string, _p: string, body: unknown) {
      calls.push(`POST ${(body as { scope: string }).scope}`);
      if (appears) hooks = [appears];
      throw fail(422);
    },
    async put(_v: string, path: string) {
      calls.push(`PUT ${path}`);
      return {};
    },
    async delete(_v: string, path: string) {
      calls.push(`DELETE ${path}`);
      return {};
    },
    async request() {
      throw new Error('unused');
    },
  } as unknown as BigCommerceClient;
  return { client, calls };
}

describe('reconcileHooks: "already exists" is success', () => {
  it('adopts the hook another reconciliation registered meanwhile', async () => {
    const { client, calls } = fakeClient({ id: 7, scope: 'store/order/created', destination: dest, is_active: true, headers: { [SECRET_HEADER]: 's3cret' } });
    const result = await reconcileHooks(client, wanted);
    expect(result).toEqual({
      create: [],
      adopted: ['store/order/created'],
      reactivate: [],
      remove: [],
      // Issue 8: the listing as found (the Overview's webhook health) and the adopted hook's id.
      listed: [{ scope: 'store/order/created', hookId: null, active: false }],
      newHookIds: { 'store/order/created': 7 },
    });
    expect(calls).toEqual(['GET /hooks', 'POST store/order/created', 'GET /hooks']);
  });

  it('repairs an adopted hook that is inactive or has another secret', async () => {
    const { client, calls } = fakeClient({ id: 7, scope: 'store/order/created', destination: dest, is_active: false, headers: { [SECRET_HEADER]: 'old' } });
    await reconcileHooks(client, wanted);
    expect(calls).toContain('PUT /hooks/7');
  });

  it('a 422 without such a hook is a real refusal and is thrown', async () => {
    const { client } = fakeClient(undefined);
    await expect(reconcileHooks(client, wanted)).rejects.toMatchObject({ status: 422 });
  });
});
