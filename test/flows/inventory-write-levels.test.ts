import { describe, expect, it } from 'vitest';
import { BigCommerceApiError, BigCommerceServerError, type AbsoluteItem } from '../../server/bigcommerce/index.js';
import { refusalReason, writeLevels } from '../../server/flows/inventory/write-levels.js';

const PATH = '/v3/inventory/adjustments/absolute';
const refusal = (body: Record<string, unknown>, status = 422) =>
  new BigCommerceApiError(`BigCommerce PUT ${PATH} failed with ${status}`, { status, method: 'PUT', path: PATH, storeHash: 's', bodyExcerpt: JSON.stringify({ status, ...body }) });

/**
 * A fake BigCommerce that, like the real one, answers a batch as a whole: any refused item makes
 * the request a 422 (built by `refuse` from the refused items and their positions) and writes nothing.
 */
function fakeBigCommerce(isBad: (item: AbsoluteItem) => boolean, refuse: (bad: Array<{ item: AbsoluteItem; pos: number }>) => Error) {
  const written: AbsoluteItem[] = [];
  const requests: number[] = [];
  const write = async (items: AbsoluteItem[]) => {
    requests.push(items.length);
    const bad = items.flatMap((item, pos) => (isBad(item) ? [{ item, pos }] : []));
    if (bad.length) throw refuse(bad);
    written.push(...items);
  };
  return { write, written, requests };
}

const products = (n: number, quantity = (i: number) => i): AbsoluteItem[] => Array.from({ length: n }, (_, i) => ({ location_id: 1, product_id: 100 + i, quantity: quantity(i) }));

describe('writeLevels: one refused item never holds back the batch', () => {
  it('a 422 naming items by position (items.N.quantity) sets those aside and resends the rest once', async () => {
    const items = products(5, (i) => (i === 1 || i === 3 ? -1 : i));
    const bc = fakeBigCommerce(
      (it) => it.quantity < 0,
      (bad) =>
        refusal({ title: 'JSON data is missing or invalid', errors: Object.fromEntries(bad.map((b) => [`items.${b.pos}.quantity`, 'must be an integer from 0 to 2147483647'])) }),
    );
    const refused = await writeLevels(items, bc.write);
    expect([...refused.keys()].sort()).toEqual([1, 3]);
    expect(refused.get(1)).toBe(
      'BigCommerce refused this level: JSON data is missing or invalid (items.1.quantity: must be an integer from 0 to 2147483647, items.3.quantity: must be an integer from 0 to 2147483647)',
    );
    expect(bc.written.map((it) => ('product_id' in it ? it.product_id : 0))).toEqual([100, 102, 104]);
    expect(bc.requests).toEqual([5, 3]);
  });

  it('a 422 naming an item by id (tracking-mode mismatch, as in the spec) sets that item aside', async () => {
    const items: AbsoluteItem[] = [{ location_id: 1, variant_id: 106, quantity: 2 }, ...products(3)];
    const bc = fakeBigCommerce(
      (it) => 'variant_id' in it && it.variant_id === 106,
      () => refusal({ title: '[Item with variant_id 106 is tracked by product, please update stock by product id]', errors: {} }),
    );
    const refused = await writeLevels(items, bc.write);
    expect([...refused]).toEqual([[0, 'BigCommerce refused this level: Item with variant_id 106 is tracked by product, please update stock by product id']]);
    expect(bc.written).toHaveLength(3);
    expect(bc.requests).toEqual([4, 3]);
  });

  it('a refused location sets aside every item at that location', async () => {
    const items: AbsoluteItem[] = [...products(2), { location_id: 9, product_id: 5, quantity: 1 }, { location_id: 9, product_id: 6, quantity: 1 }];
    const bc = fakeBigCommerce(
      (it) => it.location_id === 9,
      () => refusal({ title: 'Location not found, identities: [9]', errors: {} }),
    );
    const refused = await writeLevels(items, bc.write);
    expect([...refused.keys()]).toEqual([2, 3]);
    expect(bc.written).toHaveLength(2);
  });

  it('a 422 that names nothing is narrowed down by halving the batch', async () => {
    const items = products(16);
    const bc = fakeBigCommerce(
      (it) => 'product_id' in it && it.product_id === 111,
      () => refusal({ title: 'Something is wrong with this request', errors: {} }),
    );
    const refused = await writeLevels(items, bc.write);
    expect([...refused]).toEqual([[11, 'BigCommerce refused this level: Something is wrong with this request']]);
    expect(bc.written).toHaveLength(15);
    // 1 + 2 per halving step (log2 16 = 4): 9 requests, each at most the original size.
    expect(bc.requests.length).toBe(9);
  });

  it('stops after its request budget and lists what is left as refused, with the last reason', async () => {
    const bc = fakeBigCommerce(
      () => true,
      () => refusal({ title: 'No', errors: {} }),
    );
    const refused = await writeLevels(products(8), bc.write, 4);
    // Depth first: the whole batch, its first half, first quarter, then item 0 alone.
    expect(bc.requests).toEqual([8, 4, 2, 1]);
    expect(refused.size).toBe(8);
    expect(refused.get(0)).toBe('BigCommerce refused this level: No');
    expect(refused.get(7)).toBe('BigCommerce kept refusing the batch this level was in; it was not written. BigCommerce refused this level: No');
  });

  it('anything but a refusal (5xx, rate limit, network) is thrown for the job to retry', async () => {
    const failure = new BigCommerceServerError('down', { status: 503, method: 'PUT', path: PATH, storeHash: 's', retryable: true });
    await expect(
      writeLevels(products(2), async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('refusalReason keeps a cut-short or non-JSON answer readable and short', () => {
    expect(refusalReason('{"status":422,"title":"Items not fou')).toBe('BigCommerce refused this level: {"status":422,"title":"Items not fou');
    expect(refusalReason('x'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });
});
