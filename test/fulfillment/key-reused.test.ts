import { describe, expect, it } from 'vitest';
import { failureFor } from '../../server/fulfillment/failure.js';
import { FulfillmentRejectedError } from '../../server/fulfillment/index.js';
import { FulfillmentKeyReusedError } from '../../server/fulfillment/key-reused.js';

const reply = (op: 'create' | 'cancel', status: number, code: string, message: string) =>
  failureFor({
    op,
    status,
    headers: new Headers(),
    text: JSON.stringify({ error: { code, message } }),
    where: { status: null, method: 'POST', path: '/v1/orders', accountId: 'acc' },
    secrets: ['sk_live_secret'],
    nowMs: 0,
  });

describe('422 idempotency_key_reused on a create', () => {
  it('is "the warehouse already has this order", with the backend message, not a plain rejection', () => {
    const err = reply('create', 422, 'idempotency_key_reused', 'Key bigcommerce:abc:1 was already used for order WH-9 (key sk_live_secret).');
    expect(err).toBeInstanceOf(FulfillmentKeyReusedError);
    expect(err).toBeInstanceOf(FulfillmentRejectedError); // callers that do not know it still stop retrying
    expect(err.message).toMatch(/^The warehouse already has this order, received earlier with different contents/);
    expect(err.message).toMatch(/order WH-9/);
    expect(err.message).not.toMatch(/sk_live_secret/);
  });

  it('other 422s stay rejections', () => {
    const err = reply('create', 422, 'unknown_sku', 'SKU MUG-01 is not stocked.');
    expect(err).toBeInstanceOf(FulfillmentRejectedError);
    expect(err).not.toBeInstanceOf(FulfillmentKeyReusedError);
    expect(err.message).toBe('SKU MUG-01 is not stocked.');
  });
});
