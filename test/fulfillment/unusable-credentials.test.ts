// Issue 7 point 15: credentials that cannot travel in a header (saved before Settings checked
// them) must give a typed, readable error, never a raw TypeError or a "network error" retried for ever.
import { describe, expect, it } from 'vitest';
import { createFulfillmentClient, FulfillmentAuthError } from '../../server/fulfillment/index.js';
import { UnusableCredentialsError } from '../../server/fulfillment/client.js';
import { sampleOrder } from './fixtures.js';

describe('fulfillment client with unusable saved credentials', () => {
  const calls: string[] = [];
  const factory = createFulfillmentClient({
    baseUrl: 'http://127.0.0.1:9',
    fetch: async (url) => {
      calls.push(String(url));
      return new Response('{}');
    },
  });

  for (const [what, account, field] of [
    ['a space in the API key', { accountId: 'wh-demo', apiKey: 'whk sandbox' }, 'API key'],
    ['a non-ASCII API key', { accountId: 'wh-demo', apiKey: 'whk_ключ' }, 'API key'],
    ['a non-ASCII account id', { accountId: 'wh-démo', apiKey: 'whk_ok' }, 'account id'],
  ] as const) {
    it(`builds a client for ${what} whose every call fails with FulfillmentAuthError, without a request`, async () => {
      const client = factory(account);
      const attempts = [
        client.getAccount(),
        client.createOrder(sampleOrder(), 'bigcommerce:abc123:1'),
        client.cancelOrder('ord_1'),
        client.listShipments(null),
        client.listInventory(null),
      ];
      for (const attempt of attempts) {
        const err = await attempt.then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(FulfillmentAuthError);
        // Typed apart from a 401/403: no request was sent, which the order import relies on.
        expect(err).toBeInstanceOf(UnusableCredentialsError);
        expect((err as UnusableCredentialsError).what).toBe(field);
        expect((err as Error).message).toContain(`saved fulfillment ${field}`);
        expect((err as Error).message).toMatch(/re-enter .* in Settings/);
        expect((err as Error).message).not.toContain(account.apiKey);
      }
      expect(calls).toEqual([]);
    });
  }
});
